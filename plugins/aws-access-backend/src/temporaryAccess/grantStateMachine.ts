import {
  AccessGrantAction,
  AccessGrantState,
} from '@aws-access/backstage-plugin-aws-access-common';
import { GrantChanges, GrantRecord } from './types';

/** Who is acting on a grant: their user ref and the refs they own (their groups). */
export interface GrantActor {
  userRef: string;
  ownershipRefs: string[];
}

/** Whether the actor is one of the request's approvers (never its requester). */
export function isApproverOf(
  grant: Pick<GrantRecord, 'approverRefs' | 'requesterRef'>,
  actor: GrantActor,
): boolean {
  return (
    actor.userRef !== grant.requesterRef &&
    grant.approverRefs.some(ref => actor.ownershipRefs.includes(ref))
  );
}

/** What a caller may do with a grant now, from its state and who they are. */
export function allowedActions(
  grant: Pick<GrantRecord, 'state' | 'approverRefs' | 'requesterRef'>,
  actor: GrantActor,
): AccessGrantAction[] {
  const requester = actor.userRef === grant.requesterRef;
  const approver = isApproverOf(grant, actor);
  const actions: AccessGrantAction[] = [];
  if (grant.state === 'pending' && approver) {
    actions.push('approve', 'deny');
  }
  if (grant.state === 'pending' && requester) {
    actions.push('cancel');
  }
  if (grant.state === 'active' && (requester || approver)) {
    actions.push('revoke');
  }
  return actions;
}

/** A decision a caller asks for, with the reason it needs. */
export type GrantDecision =
  | { action: 'approve' }
  | { action: 'deny'; reason: string }
  | { action: 'cancel' }
  | { action: 'revoke'; reason?: string };

/** Why a decision cannot be taken: not this caller's to take, or not in this state. */
export type DecisionRefusal =
  | { refused: 'forbidden'; message: string }
  | { refused: 'conflict'; message: string };

const FROM: Record<GrantDecision['action'], AccessGrantState> = {
  approve: 'pending',
  deny: 'pending',
  cancel: 'pending',
  revoke: 'active',
};

const TO: Record<GrantDecision['action'], AccessGrantState> = {
  approve: 'approved',
  deny: 'denied',
  cancel: 'cancelled',
  // Removal is the worker's; the grant is due at once.
  revoke: 'expiring',
};

/**
 * The changes a caller's decision makes, or why it is refused. Who may decide is checked
 * before the state, so a stranger learns nothing from the answer; nobody decides on their
 * own request but to cancel or revoke it.
 */
export function planDecision(
  grant: Pick<GrantRecord, 'state' | 'approverRefs' | 'requesterRef'>,
  actor: GrantActor,
  decision: GrantDecision,
  now: Date,
): GrantChanges | DecisionRefusal {
  const requester = actor.userRef === grant.requesterRef;
  const approver = isApproverOf(grant, actor);
  const { action } = decision;
  if ((action === 'approve' || action === 'deny') && requester) {
    return {
      refused: 'forbidden',
      message: `You cannot ${action} your own request`,
    };
  }
  const allowed = {
    approve: approver,
    deny: approver,
    cancel: requester,
    revoke: requester || approver,
  }[action];
  if (!allowed) {
    return {
      refused: 'forbidden',
      message:
        action === 'cancel'
          ? 'Only the requester can cancel a request'
          : `Only an approver of this request can ${action} it`,
    };
  }
  if (grant.state !== FROM[action]) {
    return {
      refused: 'conflict',
      message: `The request is ${grant.state}; only a ${
        FROM[action]
      } one can be ${pastTense(action)}`,
    };
  }
  const reason = 'reason' in decision ? decision.reason : undefined;
  if (action === 'revoke') {
    // Due at once: removal is the worker's. The approval stays on record.
    return {
      state: TO[action],
      revokedBy: actor.userRef,
      revokedAt: now,
      ...(reason !== undefined && { revokeReason: reason }),
      nextAttemptAt: now,
      attempts: 0,
    };
  }
  return {
    state: TO[action],
    decidedBy: actor.userRef,
    decidedAt: now,
    ...(reason !== undefined && { decisionReason: reason }),
  };
}

function pastTense(action: GrantDecision['action']): string {
  return {
    approve: 'approved',
    deny: 'denied',
    cancel: 'cancelled',
    revoke: 'revoked',
  }[action];
}

/** How long a worker holds a grant it is writing before another may take it over. */
export const WORK_LEASE_MS = 2 * 60_000;
/** Creating an assignment is tried this many times before the grant fails. */
export const MAX_GRANT_ATTEMPTS = 5;

/** The wait before the next try after `attempts` failures: doubling, 5 s up to 5 min. */
export function backoffMs(attempts: number): number {
  return Math.min(5_000 * 2 ** Math.max(0, attempts - 1), 5 * 60_000);
}

/** A worker takes a grant to write: to create (approved) or to remove (active, due). */
export function claim(
  grant: Pick<GrantRecord, 'state'>,
  now: Date,
): GrantChanges {
  const lease = new Date(now.getTime() + WORK_LEASE_MS);
  switch (grant.state) {
    case 'approved':
      return { state: 'granting', nextAttemptAt: lease };
    case 'active':
      return { state: 'expiring', nextAttemptAt: lease };
    default:
      // A lease that ran out (an instance died mid-write) or a retry that is due.
      return { nextAttemptAt: lease };
  }
}

/** The assignment exists: the grant runs from now for its duration. */
export function granted(
  grant: Pick<GrantRecord, 'durationMs'>,
  now: Date,
): GrantChanges {
  return {
    state: 'active',
    grantedAt: now,
    expiresAt: new Date(now.getTime() + grant.durationMs),
    attempts: 0,
    nextAttemptAt: null,
    lastError: null,
  };
}

/**
 * Creating the assignment failed. A retryable failure is tried again later; a permanent
 * one, or too many, ends the grant through removal: a create whose answer was lost may
 * still have made the assignment, so it is removed (idempotently) before the grant fails.
 */
export function grantFailed(
  grant: Pick<GrantRecord, 'attempts'>,
  error: { message: string; retryable: boolean },
  now: Date,
): GrantChanges {
  const attempts = grant.attempts + 1;
  if (error.retryable && attempts < MAX_GRANT_ATTEMPTS) {
    return {
      attempts,
      nextAttemptAt: new Date(now.getTime() + backoffMs(attempts)),
      lastError: error.message,
    };
  }
  return {
    state: 'expiring',
    attempts: 0,
    nextAttemptAt: now,
    lastError: error.message,
  };
}

/** The assignment is gone: removed if it was ever granted, failed if it never was. */
export function removed(
  grant: Pick<GrantRecord, 'grantedAt'>,
  now: Date,
): GrantChanges {
  return {
    state: grant.grantedAt ? 'removed' : 'failed',
    removedAt: now,
    nextAttemptAt: null,
  };
}

/** Removing failed: it is tried again, ever more slowly, and never given up. */
export function removalFailed(
  grant: Pick<GrantRecord, 'attempts'>,
  error: { message: string },
  now: Date,
): GrantChanges {
  const attempts = grant.attempts + 1;
  return {
    attempts,
    nextAttemptAt: new Date(now.getTime() + backoffMs(attempts)),
    lastError: error.message,
  };
}

/**
 * A removal is overdue when the grant should be gone (its time is up, or it was revoked)
 * and is not: shown in the Requests view and reported to the approvers.
 */
export function isOverdue(
  grant: Pick<GrantRecord, 'state' | 'expiresAt' | 'attempts'>,
  now: Date,
): boolean {
  if (grant.state === 'active') {
    // The worker takes it within seconds of expiry; a minute later it is late.
    return (
      grant.expiresAt !== undefined &&
      now.getTime() - grant.expiresAt.getTime() > 60_000
    );
  }
  return grant.state === 'expiring' && grant.attempts > 0;
}
