import { AccessGrantState } from '@aws-access/backstage-plugin-aws-access-common';

/** One row of `aws_access_grants`: a request and, once approved, its grant. */
export interface GrantRecord {
  id: string;
  organization: string;
  accountId: string;
  accountName: string;
  permissionSetName: string;
  permissionSetArn: string;
  requesterRef: string;
  /** The requester's Identity Center user id, recorded before the assignment is created. */
  identityCenterUserId?: string;
  reason?: string;
  durationMs: number;
  state: AccessGrantState;
  /** Catalog Group refs whose members may approve; empty for self-service. */
  approverRefs: string[];
  decidedBy?: string;
  decisionReason?: string;
  createdAt: Date;
  decidedAt?: Date;
  grantedAt?: Date;
  expiresAt?: Date;
  removedAt?: Date;
  /** Who took the grant back before its expiry, when, and why. */
  revokedBy?: string;
  revokedAt?: Date;
  revokeReason?: string;
  /** Failed attempts at the current step (create or remove). */
  attempts: number;
  /** When the worker may try the current step again. */
  nextAttemptAt?: Date;
  lastError?: string;
  /** Raised by every change; a compare-and-set names the version it read. */
  version: number;
}

/** What a new request records. */
export type NewGrant = Pick<
  GrantRecord,
  | 'organization'
  | 'accountId'
  | 'accountName'
  | 'permissionSetName'
  | 'permissionSetArn'
  | 'requesterRef'
  | 'reason'
  | 'durationMs'
  | 'approverRefs'
> & {
  /** `pending`, or `approved` for self-service. */
  state: 'pending' | 'approved';
  /** Set with `approved`: who decided (the requester, for self-service). */
  decidedBy?: string;
};

/** The fields a transition may set besides the state; `null` clears a field. */
export type GrantChanges = {
  [K in
    | 'identityCenterUserId'
    | 'decidedBy'
    | 'decisionReason'
    | 'decidedAt'
    | 'grantedAt'
    | 'expiresAt'
    | 'removedAt'
    | 'revokedBy'
    | 'revokedAt'
    | 'revokeReason'
    | 'nextAttemptAt'
    | 'lastError']?: GrantRecord[K] | null;
} & { state?: AccessGrantState; attempts?: number };

/** Which grants to list; every field narrows. */
export interface GrantQuery {
  states?: AccessGrantState[];
  requesterRef?: string;
  /** Grants whose approvers include one of these Group refs. */
  approverRefsAny?: string[];
  organization?: string;
  limit?: number;
}
