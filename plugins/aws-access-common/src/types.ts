import { RequestAccessSettings } from './requestAccess';

/**
 * How developers sign in: the `[sso-session]` every generated profile refers to.
 *
 * @public
 */
export interface SsoSessionSettings {
  /** The name of the `[sso-session NAME]` section, e.g. `sikt`. */
  sessionName: string;
  /** The AWS access portal URL, e.g. `https://d-xxxxxxxxxx.awsapps.com/start`. */
  startUrl: string;
  /** The region IAM Identity Center runs in. */
  ssoRegion: string;
  /** OAuth scopes for the CLI's token, normally `sso:account:access`. */
  registrationScopes: string;
}

/**
 * Defaults for the generated `[profile]` sections.
 *
 * @public
 */
export interface CliProfileSettings {
  /** Region written into a profile unless its account names its own. */
  defaultRegion: string;
  /** Regions a developer may pick between, the default first. */
  regions: string[];
  /** The CLI output format, e.g. `json`. */
  output: string;
  /**
   * Template for profile names. Placeholders: `{accountName}`, `{accountId}`, `{roleName}`,
   * `{region}`, `{environment}`.
   */
  profileNameTemplate: string;
}

/**
 * Everything a client needs to render AWS CLI configuration, and to ask for access.
 *
 * @public
 */
export interface AwsCliSettings {
  sso: SsoSessionSettings;
  profiles: CliProfileSettings;
  /** What "ask for access" links to; absent unless configured. */
  requestAccess?: RequestAccessSettings;
}

/**
 * A role (IAM Identity Center permission set) a caller can assume in an account.
 *
 * @public
 */
export interface AwsRole {
  /** The permission set name, which is the `sso_role_name` in a profile. */
  name: string;
  description?: string;
  /** ISO 8601 duration of a console or CLI session, e.g. `PT8H`. */
  sessionDuration?: string;
  /** The Identity Center groups (display names) that grant this role. */
  grantedVia: string[];
}

/**
 * An AWS account with the roles an entity has in it.
 *
 * @public
 */
export interface AwsAccountAccess {
  /** The 12-digit account id. */
  id: string;
  name: string;
  /** A free-form environment tag such as `dev`, `test` or `prod`. */
  environment?: string;
  /** The account's default region, if it differs from the organisation's. */
  region?: string;
  roles: AwsRole[];
}

/**
 * What `GET /entities/{kind}/{namespace}/{name}/accounts` returns.
 *
 * @public
 */
export interface EntityAccessResponse {
  entityRef: string;
  settings: AwsCliSettings;
  accounts: AwsAccountAccess[];
  /** Problems with the entity's annotations, each naming the annotation; never fatal. */
  warnings?: string[];
  /**
   * The catalog team (Group entity ref) behind each Identity Center group named in a role's
   * `grantedVia`, where the caller can see one: whom to ask for access.
   */
  teams?: Record<string, string>;
}

/**
 * What `GET /status` returns: how fresh the served data is.
 *
 * @public
 */
export interface AwsAccessStatus {
  source: 'static' | 'identityCenter';
  lastAttemptAt?: string;
  lastSuccessAt?: string;
  lastError?: string;
  /** True when the data may be out of date; `staleReason` says why. */
  stale: boolean;
  staleReason?: string;
  counts?: {
    accounts: number;
    permissionSets: number;
    groups: number;
    assignments: number;
  };
  /** Requests the last sync made, by operation, retries included. */
  callsByOperation?: Record<string, number>;
  assignmentsMethod?: string;
  durationMs?: number;
  warnings?: string[];
  /** Events this instance received since it started; present when events are on. */
  eventsReceived?: number;
  /** Received events that changed nothing, by reason (malformed, otherInstance, …). */
  eventsIgnored?: Record<string, number>;
  /** When this instance last received an event. */
  lastEventAt?: string;
  /** When an event last changed the snapshot (any instance). */
  lastChangeAt?: string;
  /** That change's lag: from the event's time to the snapshot write, in milliseconds. */
  lastChangeLagMs?: number;
}

/**
 * Who holds which roles in one account: the reverse view for account Resources.
 *
 * @public
 */
export interface AccountGrantsResponse {
  entityRef: string;
  account: { id: string; name: string; environment?: string };
  grants: Array<{
    groupId: string;
    group: string;
    roles: Array<Omit<AwsRole, 'grantedVia'>>;
  }>;
  settings: AwsCliSettings;
}

/**
 * How a looked-up account matched the query: by its id (also inside an ARN), by its name,
 * or because a permission set of that name is assigned in it.
 *
 * @public
 */
export type AccountMatch = 'id' | 'name' | 'permissionSet';

/**
 * One account found by `GET /accounts?query=`.
 *
 * @public
 */
export interface AccountSearchHit {
  id: string;
  name: string;
  environment?: string;
  matchedBy: AccountMatch;
  /** The permission sets assigned in the account, by name. */
  roles: string[];
}

/**
 * What `GET /accounts?query=` returns: one page of the accounts that match, best first.
 *
 * @public
 */
export interface AccountSearchResponse {
  query: string;
  items: AccountSearchHit[];
  /** How many accounts match in all. */
  totalCount: number;
  offset: number;
  limit: number;
}

/**
 * One account as the portal's search indexes it: what it is, and who holds which roles
 * there.
 *
 * @public
 */
export interface AccountIndexEntry {
  id: string;
  name: string;
  environment?: string;
  /** The permission sets assigned in the account, by name. */
  roles: string[];
  /** The catalog teams behind the groups that hold roles there, as entity refs. */
  teams: string[];
}

/**
 * What `GET /account-index` returns: one page of every account, in name order.
 *
 * @public
 */
export interface AccountIndexResponse {
  items: AccountIndexEntry[];
  /** How many accounts there are in all. */
  totalCount: number;
  offset: number;
  limit: number;
}

/**
 * What `GET /accounts/{id}` returns: the account with every role anyone holds in it,
 * which group grants each and the catalog team behind it, and the caller's own roles.
 *
 * @public
 */
export interface AccountLookupResponse {
  /** Every role assigned in the account, each with the groups that grant it. */
  account: AwsAccountAccess;
  /** The catalog team behind each granting Identity Center group the caller can see. */
  teams: Record<string, string>;
  /** The permission sets the signed-in caller holds in the account; absent for services. */
  myRoles?: string[];
  settings: AwsCliSettings;
}

/**
 * The signals channel the backend broadcasts on when the served snapshot changes; open
 * pages reload their data when a message arrives. The message carries no access data.
 *
 * @public
 */
export const AWS_ACCESS_SNAPSHOT_SIGNAL_CHANNEL = 'aws-access:snapshot';

/**
 * The message on {@link AWS_ACCESS_SNAPSHOT_SIGNAL_CHANNEL}.
 *
 * @public
 */
export interface AwsAccessSnapshotSignal {
  /** When the new snapshot was written, ISO 8601. */
  changedAt: string;
}
