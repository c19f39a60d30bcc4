import { RequestAccessSettings } from './requestAccess';
import { TemporaryAccessSettings } from './temporaryAccess';

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
   * `{region}`, `{environment}`, `{org}` (the organisation id).
   */
  profileNameTemplate: string;
}

/**
 * One organisation the portal serves: an IAM Identity Center instance (or a declared
 * organisation) with its own `[sso-session]` and profile defaults.
 *
 * @public
 */
export interface AwsOrganizationSettings {
  /** Short, stable id used in URLs, profile names and stored data, e.g. `prod`. */
  id: string;
  /** Display name, e.g. `Production`. */
  title: string;
  sso: SsoSessionSettings;
  profiles: CliProfileSettings;
  /** Which roles can be requested for a while, and who approves; absent when off. */
  temporaryAccess?: TemporaryAccessSettings;
}

/**
 * The organisation id that today's single-organisation configuration stands for.
 *
 * @public
 */
export const DEFAULT_ORGANIZATION_ID = 'default';

/**
 * Everything a client needs to render AWS CLI configuration, and to ask for access.
 *
 * @public
 */
export interface AwsCliSettings {
  /** Every organisation the portal serves, in configuration order; at least one. */
  organizations: AwsOrganizationSettings[];
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
  /** The id of the organisation the account belongs to (see {@link AwsCliSettings}). */
  organization: string;
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
 * The catalog team (Group entity ref) behind Identity Center groups, by organisation id and
 * then group display name: the same group name in two organisations may be two teams.
 * Read it with {@link teamOfGroup}.
 *
 * @public
 */
export type GrantingTeams = Record<string, Record<string, string>>;

/**
 * The catalog team behind a group that grants a role in an account, if known.
 *
 * @public
 */
export function teamOfGroup(
  teams: GrantingTeams | undefined,
  account: Pick<AwsAccountAccess, 'organization'>,
  groupName: string,
): string | undefined {
  const ofOrganization = teams?.[account.organization];
  return ofOrganization && Object.hasOwn(ofOrganization, groupName)
    ? ofOrganization[groupName]
    : undefined;
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
  teams?: GrantingTeams;
}

/**
 * How fresh one organisation's data is.
 *
 * @public
 */
export interface AwsOrganizationStatus {
  /** The organisation id. */
  id: string;
  title: string;
  source: 'static' | 'identityCenter';
  /** False until the organisation's first successful sync: its accounts are not served yet. */
  hasData: boolean;
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
  /** When an event last changed the snapshot (any instance). */
  lastChangeAt?: string;
  /** That change's lag: from the event's time to the snapshot write, in milliseconds. */
  lastChangeLagMs?: number;
}

/**
 * What `GET /status` returns: how fresh the served data is, for each organisation.
 *
 * @public
 */
export interface AwsAccessStatus {
  /** True when any organisation's data may be out of date or missing. */
  stale: boolean;
  organizations: AwsOrganizationStatus[];
  /** Events this instance received since it started; present when events are on. */
  eventsReceived?: number;
  /** Received events that changed nothing, by reason (malformed, otherInstance, …). */
  eventsIgnored?: Record<string, number>;
  /** When this instance last received an event. */
  lastEventAt?: string;
}

/**
 * Who holds which roles in one account: the reverse view for account Resources.
 *
 * @public
 */
export interface AccountGrantsResponse {
  entityRef: string;
  account: {
    organization: string;
    id: string;
    name: string;
    environment?: string;
  };
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
  /** The organisation id. */
  organization: string;
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
  /** The organisation id. */
  organization: string;
  /** The organisation's display name. */
  organizationTitle: string;
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
  teams: GrantingTeams;
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
