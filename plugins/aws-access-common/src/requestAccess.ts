/**
 * The placeholders of `awsAccess.requestAccess.urlTemplate`, filled in for one role the
 * reader lacks.
 *
 * @public
 */
export const REQUEST_ACCESS_PLACEHOLDERS = [
  'organization',
  'accountId',
  'accountName',
  'role',
  'group',
  'team',
  'user',
] as const;

/**
 * One placeholder of a request-access URL template.
 *
 * @public
 */
export type RequestAccessPlaceholder =
  (typeof REQUEST_ACCESS_PLACEHOLDERS)[number];

/**
 * What "ask for access" does on a role the reader lacks, when configured.
 *
 * @public
 */
export interface RequestAccessSettings {
  /**
   * A link into an existing request system (AWS TEAM, a ticket form, a chat channel),
   * e.g. `https://team.example.com/requests/new?account={accountId}&role={role}`.
   */
  urlTemplate?: string;
  /**
   * Whether the reader can ask the team behind the granting group with a Backstage
   * notification, through `POST /access-requests`.
   */
  notifyTeam?: boolean;
}

/**
 * What `POST /access-requests` takes: the role a signed-in user lacks in an account, and
 * the Identity Center group they ask to be added to.
 *
 * @public
 */
export interface AccessRequest {
  /** The organisation id; needed only when several organisations know the account id. */
  organization?: string;
  /** The 12-digit account id. */
  accountId: string;
  /** The permission set name. */
  role: string;
  /** The display name of the Identity Center group that grants the role there. */
  group: string;
}

/**
 * What `POST /access-requests` answers once the team has been notified.
 *
 * @public
 */
export interface AccessRequestResponse {
  /** The catalog team the notification went to, e.g. `group:default/payments`. */
  team: string;
}

const PLACEHOLDER = /\{([^{}]*)\}/g;

/**
 * Why a request-access URL template cannot be used, or undefined when it can: it must be
 * an absolute http(s) URL whose scheme and host are fixed, with known placeholders only,
 * so that no account or group name can send a reader somewhere else.
 *
 * @public
 */
export function requestAccessTemplateProblem(
  template: string,
): string | undefined {
  const origin = /^https?:\/\/[^/?#{}]+(?=[/?#]|$)/.exec(template);
  if (!origin) {
    return 'must start with http:// or https:// and a host without placeholders';
  }
  for (const [, name] of template.matchAll(PLACEHOLDER)) {
    if (!(REQUEST_ACCESS_PLACEHOLDERS as readonly string[]).includes(name)) {
      return `has an unknown placeholder {${name}}; use ${REQUEST_ACCESS_PLACEHOLDERS.map(
        p => `{${p}}`,
      ).join(' ')}`;
    }
  }
  return undefined;
}

/**
 * Fills a request-access URL template: every value is URL-encoded, a missing value leaves
 * its placeholder empty.
 *
 * @public
 */
export function requestAccessUrl(
  template: string,
  values: Partial<Record<RequestAccessPlaceholder, string>>,
): string {
  return template.replace(PLACEHOLDER, (_, name: RequestAccessPlaceholder) =>
    encodeURIComponent(values[name] ?? ''),
  );
}
