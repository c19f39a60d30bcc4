/** How developers of one organisation sign in to AWS: written as its `[sso-session]` section. */
interface AwsAccessSsoConfig {
  /**
   * Name of the `[sso-session NAME]` section the organisation's profiles refer to.
   * Letters, digits, `.`, `_` and `-`; unique across organisations, ignoring case.
   */
  sessionName: string;
  /**
   * The AWS access portal URL, `https://d-xxxxxxxxxx.awsapps.com/start` or a custom alias.
   * One portal is one organisation: two organisations may not share one (compared without
   * case, trailing slash or the portal's `#/` route).
   */
  startUrl: string;
  /** The region IAM Identity Center runs in, e.g. `eu-north-1`. */
  region: string;
  /** OAuth scopes the CLI registers for. Defaults to `sso:account:access`. */
  registrationScopes?: string;
}

/** Defaults for one organisation's generated `[profile]` sections. */
interface AwsAccessProfilesConfig {
  /** Region written into each profile unless its account sets one. Defaults to `sso.region`. */
  defaultRegion?: string;
  /** Regions developers may choose between. Defaults to `[defaultRegion]`. */
  regions?: string[];
  /** CLI output format: `json`, `yaml`, `yaml-stream`, `text` or `table`. Defaults to `json`. */
  output?: string;
  /**
   * Profile name template. Placeholders: `{accountName}`, `{accountId}`, `{roleName}`,
   * `{region}`, `{environment}` and `{org}` (the organisation's id); any other is refused.
   * Defaults to `{accountName}-{roleName}` with one organisation and to
   * `{org}-{accountName}-{roleName}` with several.
   *
   * With several organisations every template must contain `{org}` (account and role names
   * repeat across organisations), and no two organisations' templates may be able to give
   * the same profile name, whatever the account and role names: startup names the template
   * and an example name otherwise. With templates that start `{org}-`, that means no id may
   * be another id followed by `-` (`prod` beside `prod-eu`); `{org}_` or `{org}.` lifts it.
   */
  nameTemplate?: string;
}

/** An IAM Identity Center instance as an organisation's source. */
interface AwsAccessIdentityCenterConfig {
  /** Home region of the Identity Center instance. Defaults to the organisation's `sso.region`. */
  region?: string;
  /** Region for Organizations calls. Defaults to `us-east-1`. */
  organizationsRegion?: string;
  /**
   * Instance ARN; discovered with `ListInstances` when absent. Two organisations may not
   * name the same instance, nor leave it to discovery with the same credentials account,
   * region and endpoint.
   */
  instanceArn?: string;
  /** Identity store id (`d-xxxxxxxxxx`); discovered with `ListInstances` when absent. */
  identityStoreId?: string;
  /**
   * Account whose credentials to use (the management account or the delegated
   * administrator of this instance), from the `aws` config of
   * `@backstage/integration-aws-node`: the role to assume in it is that account's
   * `roleName` under `aws.accounts` (or `aws.accountDefaults`). The main account when
   * absent. There is no `roleArn` key here; one is refused at startup.
   */
  accountId?: string;
  /**
   * Requests per second all sso-admin calls of this instance share; at most 20, the AWS
   * quota (each instance has its own). Defaults to 20.
   */
  requestsPerSecond?: number;
  /**
   * Requests per second of the Organizations calls, a quota separate from sso-admin's.
   * Defaults to 10.
   */
  organizationsRequestsPerSecond?: number;
  /** Requests in flight at once. Defaults to 8. */
  concurrency?: number;
  /** SDK attempts per request, retries included. Defaults to 8. */
  maxAttempts?: number;
  /** Endpoint overrides, e.g. VPC endpoints. */
  endpoints?: {
    ssoAdmin?: string;
    identityStore?: string;
    organizations?: string;
  };
  /**
   * When to sync this organisation: a Backstage task schedule. Defaults to every 30
   * minutes with a 15-minute timeout. The sync always runs with global scope: one
   * instance of a cluster runs it per interval.
   */
  schedule?: {
    frequency: { cron: string } | string | Record<string, number>;
    timeout: string | Record<string, number>;
    initialDelay?: string | Record<string, number>;
  };
  /**
   * Live changes: CloudTrail events of Identity Center, the identity store and
   * Organizations, delivered through the Backstage events system (for example by
   * `@backstage/plugin-events-backend-module-aws-sqs`), refresh just what changed
   * within seconds. The scheduled full sync stays as reconciliation; with events on,
   * a longer interval such as 6 hours is enough.
   */
  events?: {
    /** Turns the event subscriber on. Default false. */
    enabled?: boolean;
    /**
     * Events-system topic to subscribe to; no dots. Default `awsAccessIdentityCenter`.
     * Organisations may share one topic (one queue for all): each event goes to the
     * organisation whose instance ARN or identity store it names, and an event naming
     * none of them is counted and dropped. Or give each organisation a queue and topic.
     */
    topic?: string;
    /**
     * How long to collect events before reading what they name, in milliseconds: a
     * burst becomes one read per principal. Default 1000.
     */
    settleMilliseconds?: number;
  };
}

/** An organisation described in config, as an organisation's source. */
interface AwsAccessStaticConfig {
  /** AWS accounts. */
  accounts: Array<{
    /** 12-digit account id. Quote it in YAML so leading zeros survive. */
    id: string;
    /** Account name as shown in the access portal. */
    name: string;
    /** Environment tag, e.g. `dev`, `test`, `prod`. */
    environment?: string;
    /** Default region for profiles of this account. */
    region?: string;
  }>;
  /** Permission sets (the role names developers assume). */
  permissionSets: Array<{
    /** Permission set name; becomes `sso_role_name`. */
    name: string;
    description?: string;
    /** ISO 8601 session duration, e.g. `PT8H`. Defaults to `PT1H` as in AWS. */
    sessionDuration?: string;
  }>;
  /** Identity Center groups. Groups named only in `assignments` are created implicitly. */
  groups?: Array<{
    /** Group id; defaults to the display name. */
    id?: string;
    displayName: string;
    /** External ids, e.g. an Entra ID object id. */
    externalIds?: string[];
  }>;
  /** Which group (or user, directly) holds which permission sets in which accounts. */
  assignments: Array<{
    /** Group display name or id; or `user` instead. */
    group?: string;
    /** A catalog User ref (`user:default/ada`) for a direct assignment; or `group`. */
    user?: string;
    /** Account ids or names. */
    accounts: string[];
    /** Permission set names. */
    permissionSets: string[];
  }>;
}

/**
 * A maximum duration: an object such as `{ hours: 8 }`, an ISO 8601 duration such as
 * `PT8H`, or a text such as `8h` or `90 minutes`.
 */
type AwsAccessDuration =
  | string
  | {
      days?: number;
      hours?: number;
      minutes?: number;
      seconds?: number;
      milliseconds?: number;
    };

/**
 * Temporary access in one organisation: developers request a permission set in an account
 * for a while, an approver approves it in the portal, and the backend creates the account
 * assignment in Identity Center and deletes it at expiry. Off unless configured; only for
 * an organisation whose source is `identityCenter` (a static one is refused at startup).
 * Clients get the policy in the API's settings (`organizations[].temporaryAccess`), not
 * through frontend config.
 */
interface AwsAccessTemporaryAccessConfig {
  /**
   * The permission sets that may be requested, each by exact `name` or by `pattern`;
   * required and not empty: none may be requested by default. A permission set named by a
   * rule takes that rule, else the first rule whose pattern matches it.
   */
  permissionSets: Array<{
    /** An exact permission set name, e.g. `ReadOnlyAccess`; or `pattern`, not both. */
    name?: string;
    /**
     * A regular expression (JavaScript, `u` flag) that must match the whole permission set
     * name, e.g. `PowerUser.*`; `Read` matches only `Read`. `.*` allows every permission
     * set: write it only if that is meant.
     */
    pattern?: string;
    /**
     * The longest grant a request may ask for: whole minutes, at least 1 minute, at most
     * 24 hours. Defaults to 1 hour.
     */
    maxDuration?: AwsAccessDuration;
    /**
     * Granted on request without an approver, for harmless roles such as read-only ones.
     * Defaults to false.
     */
    selfService?: boolean;
  }>;
  /** Whether a request must give a reason. Defaults to true. */
  requireReason?: boolean;
  /**
   * Who approves requests that are not self-service: `team` (the members of the catalog
   * teams behind the Identity Center groups that hold the role in that account), or the
   * ref of one catalog Group whose members approve every request, e.g.
   * `group:default/aws-admins`. Nobody approves their own request. Defaults to `team`.
   */
  approvers?: string;
}

export interface Config {
  /**
   * Configuration for the AWS Access plugin: one organisation, described by `sso`,
   * `profiles`, `source` and its source's block directly here, or several, listed under
   * `organizations`. The two forms cannot be mixed. `requestAccess` and `groupMatching`
   * apply to every organisation.
   */
  awsAccess?: {
    /**
     * Every organisation the portal serves, each with its own sign-in, profile defaults and
     * source, synced on its own. At least one. Replaces the single-organisation keys
     * (`sso`, `profiles`, `source`, `identityCenter`, `static`, `temporaryAccess`), which
     * must then be absent.
     * Startup stops, naming the key, on two organisations with the same id, session name,
     * access portal, Identity Center instance or identity store, or with profile name
     * templates that can give the same name.
     */
    organizations?: Array<{
      /**
       * Short, stable id: lower-case letters and digits in words joined by single `-`, at
       * most 20 characters, e.g. `prod` or `eu-sandbox`. It goes into URLs, profile names
       * (`{org}`) and the stored data's keys, so changing it
       * starts the organisation afresh. The single-organisation form is the organisation
       * `default`: keep that id for the first entry when moving to this list to keep its
       * stored data.
       */
      id: string;
      /** Display name, e.g. `Production`. Defaults to the id. */
      title?: string;
      /** How developers sign in to this organisation. */
      sso: AwsAccessSsoConfig;
      /** Defaults for this organisation's generated profiles. */
      profiles?: AwsAccessProfilesConfig;
      /** Where this organisation's accounts, permission sets and assignments come from. Defaults to `static`. */
      source?: 'static' | 'identityCenter';
      /** The IAM Identity Center source, used when `source` is `identityCenter`. */
      identityCenter?: AwsAccessIdentityCenterConfig;
      /** The organisation described in config, used when `source` is `static`. */
      static?: AwsAccessStaticConfig;
      /**
       * Temporary access to this organisation's accounts; off when absent. Needs `source`
       * `identityCenter`.
       */
      temporaryAccess?: AwsAccessTemporaryAccessConfig;
    }>;
    /**
     * Single-organisation form: how developers sign in to AWS. Required unless
     * `organizations` is used. This form is one organisation with the id `default`, titled
     * by `sso.sessionName`; for another title, use `organizations`.
     */
    sso?: AwsAccessSsoConfig;
    /** Single-organisation form: defaults for the generated `[profile]` sections. */
    profiles?: AwsAccessProfilesConfig;
    /**
     * What "ask for access" does on a role the reader lacks: a link, a notification to the
     * owning team, or both; the block needs at least one of the two keys. Without it the
     * page shows whom to ask. Clients get these settings in the API's responses. Shared by
     * every organisation.
     */
    requestAccess?: {
      /**
       * A link into an existing request system (AWS TEAM, a ticket form, a chat channel):
       * an absolute http(s) URL with a fixed host, and placeholders `{organization}`
       * `{accountId}` `{accountName}` `{role}` `{group}` `{team}` `{user}`, each filled
       * URL-encoded.
       */
      urlTemplate?: string;
      /**
       * Offer an "Ask" button that sends the catalog team behind the granting Identity
       * Center group a Backstage notification naming the requester, the account and the
       * role (`POST /api/aws-access/access-requests`). Needs the notifications backend
       * plugin. Defaults to false.
       */
      notifyTeam?: boolean;
    };
    /** How catalog Groups are matched to IAM Identity Center groups, in every organisation. */
    groupMatching?: {
      /**
       * After the `aws-access/identity-center-group` and `graph.microsoft.com/group-id`
       * annotations, compare the Group's name and profile display name with group display
       * names, ignoring case. Defaults to true.
       */
      byName?: boolean;
    };
    /**
     * Single-organisation form: where accounts, permission sets and assignments come from.
     * Defaults to `static`.
     */
    source?: 'static' | 'identityCenter';
    /** Single-organisation form: the IAM Identity Center source, used when `source` is `identityCenter`. */
    identityCenter?: AwsAccessIdentityCenterConfig;
    /** Single-organisation form: the organisation described in config, used when `source` is `static`. */
    static?: AwsAccessStaticConfig;
    /**
     * Single-organisation form: temporary access to the organisation's accounts; off when
     * absent. Needs `source` `identityCenter`.
     */
    temporaryAccess?: AwsAccessTemporaryAccessConfig;
  };
}
