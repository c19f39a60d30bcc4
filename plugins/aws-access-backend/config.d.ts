export interface Config {
  /** Configuration for the AWS Access plugin. */
  awsAccess?: {
    /** How developers sign in to AWS: written as the `[sso-session]` section. */
    sso: {
      /**
       * Name of the `[sso-session NAME]` section every profile refers to.
       * Letters, digits, `.`, `_` and `-`.
       */
      sessionName: string;
      /** The AWS access portal URL, `https://d-xxxxxxxxxx.awsapps.com/start` or a custom alias. */
      startUrl: string;
      /** The region IAM Identity Center runs in, e.g. `eu-north-1`. */
      region: string;
      /** OAuth scopes the CLI registers for. Defaults to `sso:account:access`. */
      registrationScopes?: string;
    };
    /** Defaults for the generated `[profile]` sections. */
    profiles?: {
      /** Region written into each profile unless its account sets one. Defaults to `sso.region`. */
      defaultRegion?: string;
      /** Regions developers may choose between. Defaults to `[defaultRegion]`. */
      regions?: string[];
      /** CLI output format: `json`, `yaml`, `yaml-stream`, `text` or `table`. Defaults to `json`. */
      output?: string;
      /**
       * Profile name template. Placeholders: `{accountName}`, `{accountId}`, `{roleName}`,
       * `{region}`, `{environment}`. Defaults to `{accountName}-{roleName}`.
       */
      nameTemplate?: string;
    };
    /**
     * What "ask for access" does on a role the reader lacks: a link, a notification to the
     * owning team, or both; the block needs at least one of the two keys. Without it the
     * page shows whom to ask. Clients get these settings in the API's responses.
     */
    requestAccess?: {
      /**
       * A link into an existing request system (AWS TEAM, a ticket form, a chat channel):
       * an absolute http(s) URL with a fixed host, and placeholders `{accountId}`
       * `{accountName}` `{role}` `{group}` `{team}` `{user}`, each filled URL-encoded.
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
    /** How catalog Groups are matched to IAM Identity Center groups. */
    groupMatching?: {
      /**
       * After the `aws-access/identity-center-group` and `graph.microsoft.com/group-id`
       * annotations, compare the Group's name and profile display name with group display
       * names, ignoring case. Defaults to true.
       */
      byName?: boolean;
    };
    /** Where accounts, permission sets and assignments come from. Defaults to `static`. */
    source?: 'static' | 'identityCenter';
    /** The IAM Identity Center source, used when `source` is `identityCenter`. */
    identityCenter?: {
      /** Home region of the Identity Center instance. Defaults to `sso.region`. */
      region?: string;
      /** Region for Organizations calls. Defaults to `us-east-1`. */
      organizationsRegion?: string;
      /** Instance ARN; discovered with `ListInstances` when absent. */
      instanceArn?: string;
      /** Identity store id (`d-xxxxxxxxxx`); discovered with `ListInstances` when absent. */
      identityStoreId?: string;
      /**
       * Account whose credentials to use (management or delegated administrator), from the
       * `aws` config of `@backstage/integration-aws-node`. The main account when absent.
       */
      accountId?: string;
      /** Requests per second all sso-admin calls share; at most 20, the AWS quota. Defaults to 20. */
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
       * When to sync: a Backstage task schedule. Defaults to every 30 minutes with a
       * 15-minute timeout. The sync always runs with global scope: one instance of a
       * cluster runs it per interval.
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
        /** Events-system topic to subscribe to; no dots. Default `awsAccessIdentityCenter`. */
        topic?: string;
        /**
         * How long to collect events before reading what they name, in milliseconds: a
         * burst becomes one read per principal. Default 1000.
         */
        settleMilliseconds?: number;
      };
    };
    /** The config-declared source: an organisation described in config. */
    static?: {
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
    };
  };
}
