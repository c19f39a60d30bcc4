/**
 * One rule of an organisation's temporary-access policy: which permission sets it covers,
 * for how long they may be granted and whether anybody must approve.
 *
 * @public
 */
export interface TemporaryAccessRule {
  /** The exact permission set name this rule covers; or see `pattern`. */
  permissionSet?: string;
  /** A regular expression (anchored at both ends) over permission set names. */
  pattern?: string;
  /** The longest grant a request may ask for, in minutes; at most 24 hours. */
  maxDurationMinutes: number;
  /** Granted on request, without an approver (read-only roles, say). */
  selfService: boolean;
}

/**
 * An organisation's temporary-access policy as clients see it; absent when the feature is
 * off for that organisation.
 *
 * @public
 */
export interface TemporaryAccessSettings {
  /** The permission sets that may be requested; never all by default. */
  rules: TemporaryAccessRule[];
  /** Whether a request must give a reason. */
  requireReason: boolean;
  /**
   * Who approves: `team` (the members of the catalog teams behind the groups that hold the
   * role in the account) or the ref of one catalog Group.
   */
  approvers: 'team' | string;
}

/**
 * The rule of a policy that covers a permission set: the first that names it exactly, or
 * else the first whose pattern matches the whole name.
 *
 * @public
 */
export function temporaryAccessRuleFor(
  settings: TemporaryAccessSettings | undefined,
  permissionSetName: string,
): TemporaryAccessRule | undefined {
  if (!settings) {
    return undefined;
  }
  return (
    settings.rules.find(rule => rule.permissionSet === permissionSetName) ??
    settings.rules.find(
      rule =>
        rule.pattern !== undefined &&
        anchored(rule.pattern).test(permissionSetName),
    )
  );
}

function anchored(pattern: string): RegExp {
  return new RegExp(`^(?:${pattern})$`, 'u');
}

/**
 * Where a temporary grant is in its life.
 *
 * - `pending`: asked for, waiting for an approver.
 * - `approved`: approved (or self-service), not yet written to Identity Center.
 * - `granting`: the assignment is being created.
 * - `active`: the requester holds the role until `expiresAt`.
 * - `expiring`: the assignment is being removed (at expiry or on revoke); stays here,
 *   retried, while removal fails.
 * - `removed`: taken back. `denied`, `cancelled`: never granted. `failed`: creating the
 *   assignment failed.
 *
 * @public
 */
export type AccessGrantState =
  | 'pending'
  | 'approved'
  | 'granting'
  | 'active'
  | 'expiring'
  | 'removed'
  | 'denied'
  | 'cancelled'
  | 'failed';

/**
 * Every state, in the order of a grant's life.
 *
 * @public
 */
export const ACCESS_GRANT_STATES: readonly AccessGrantState[] = [
  'pending',
  'approved',
  'granting',
  'active',
  'expiring',
  'removed',
  'denied',
  'cancelled',
  'failed',
];

/**
 * The states of a request that is still open: one open request per requester, account and
 * role.
 *
 * @public
 */
export const OPEN_ACCESS_GRANT_STATES: readonly AccessGrantState[] = [
  'pending',
  'approved',
  'granting',
  'active',
  'expiring',
];

/**
 * What a caller can do with a grant now.
 *
 * @public
 */
export type AccessGrantAction = 'approve' | 'deny' | 'revoke' | 'cancel';

/**
 * A temporary-access request and, once approved, its grant.
 *
 * @public
 */
export interface AccessGrant {
  id: string;
  organization: string;
  accountId: string;
  accountName: string;
  /** The permission set name. */
  role: string;
  /** The requester's user entity ref. */
  requester: string;
  reason?: string;
  durationMinutes: number;
  state: AccessGrantState;
  /** Who may approve: catalog Group refs, fixed when the request was made. */
  approvers: string[];
  /** Who approved, denied or cancelled it (the requester, for self-service). */
  decidedBy?: string;
  /** The reason given with a denial. */
  decisionReason?: string;
  /** Who took it back before its expiry, when and why. */
  revokedBy?: string;
  revokedAt?: string;
  revokeReason?: string;
  createdAt: string;
  decidedAt?: string;
  grantedAt?: string;
  /** When the grant ends: its grant time plus its duration. */
  expiresAt?: string;
  removedAt?: string;
  /** Removal is late: past `expiresAt` (or revoked) and not yet taken back. */
  overdue: boolean;
  /** The last error writing to Identity Center, while retried or after failing. */
  lastError?: string;
  /** What the caller may do with it now. */
  actions: AccessGrantAction[];
}

/**
 * What `POST /access-grants` takes.
 *
 * @public
 */
export interface AccessGrantRequest {
  /** The organisation id; needed only when several organisations know the account id. */
  organization?: string;
  /** The 12-digit account id. */
  accountId: string;
  /** The permission set name. */
  role: string;
  /** How long to hold the role, in minutes; at most the policy's maximum. */
  durationMinutes: number;
  /** Why; required when the organisation's policy says so. */
  reason?: string;
}

/**
 * What `GET /access-grants` returns: the caller's own requests and those they may approve,
 * or with `?state=` (auditors) every grant in those states; newest first.
 *
 * @public
 */
export interface AccessGrantsResponse {
  grants: AccessGrant[];
}

/**
 * The signals channel on which the backend says that temporary-access grants changed, so
 * open Requests views reload.
 *
 * @public
 */
export const AWS_ACCESS_GRANTS_SIGNAL_CHANNEL = 'aws-access:grants';
