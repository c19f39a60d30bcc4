import { AccessGrantState } from '@aws-access/backstage-plugin-aws-access-common';
import {
  GrantActor,
  GrantDecision,
  MAX_GRANT_ATTEMPTS,
  WORK_LEASE_MS,
  allowedActions,
  backoffMs,
  claim,
  grantFailed,
  granted,
  isOverdue,
  planDecision,
  removalFailed,
  removed,
} from './grantStateMachine';

const NOW = new Date('2026-12-02T10:00:00.000Z');
const later = (ms: number) => new Date(NOW.getTime() + ms);

const grant = (state: AccessGrantState) => ({
  state,
  requesterRef: 'user:default/guest',
  approverRefs: ['group:default/platform'],
});

const requester: GrantActor = {
  userRef: 'user:default/guest',
  ownershipRefs: ['user:default/guest'],
};
const approver: GrantActor = {
  userRef: 'user:default/ada',
  ownershipRefs: ['user:default/ada', 'group:default/platform'],
};
const stranger: GrantActor = {
  userRef: 'user:default/carol',
  ownershipRefs: ['user:default/carol', 'group:default/data'],
};
/** A requester who is in the approving team themselves. */
const teamRequester: GrantActor = {
  userRef: 'user:default/guest',
  ownershipRefs: ['user:default/guest', 'group:default/platform'],
};

const approve: GrantDecision = { action: 'approve' };
const deny: GrantDecision = { action: 'deny', reason: 'Not now' };
const cancel: GrantDecision = { action: 'cancel' };
const revoke: GrantDecision = { action: 'revoke', reason: 'Done' };

describe('planDecision', () => {
  it.each<[string, AccessGrantState, GrantActor, GrantDecision]>([
    ['the requester approves', 'pending', requester, approve],
    ['a requester in the team approves', 'pending', teamRequester, approve],
    ['a requester in the team denies', 'pending', teamRequester, deny],
    ['a stranger approves', 'pending', stranger, approve],
    ['a stranger denies', 'pending', stranger, deny],
    ['an approver cancels', 'pending', approver, cancel],
    ['a stranger revokes', 'active', stranger, revoke],
    // Who may decide comes first: a stranger learns nothing of the state.
    ['a stranger approves a decided one', 'denied', stranger, approve],
  ])('forbids: %s', (_, state, actor, decision) => {
    expect(planDecision(grant(state), actor, decision, NOW)).toEqual({
      refused: 'forbidden',
      message: expect.any(String),
    });
  });

  it.each<[AccessGrantState, GrantActor, GrantDecision]>([
    ['approved', approver, approve],
    ['active', approver, approve],
    ['denied', approver, deny],
    ['cancelled', requester, cancel],
    ['pending', requester, revoke],
    ['expiring', approver, revoke],
    ['removed', requester, revoke],
  ])('refuses as a conflict: %s, %j, %j', (state, actor, decision) => {
    expect(planDecision(grant(state), actor, decision, NOW)).toEqual({
      refused: 'conflict',
      message: expect.stringContaining(`The request is ${state}`),
    });
  });

  it('approves, denies with the reason, cancels, and revokes to an at once due removal', () => {
    expect(planDecision(grant('pending'), approver, approve, NOW)).toEqual({
      state: 'approved',
      decidedBy: 'user:default/ada',
      decidedAt: NOW,
    });
    expect(planDecision(grant('pending'), approver, deny, NOW)).toEqual({
      state: 'denied',
      decidedBy: 'user:default/ada',
      decidedAt: NOW,
      decisionReason: 'Not now',
    });
    expect(planDecision(grant('pending'), requester, cancel, NOW)).toEqual(
      expect.objectContaining({ state: 'cancelled' }),
    );
    for (const actor of [requester, approver]) {
      expect(planDecision(grant('active'), actor, revoke, NOW)).toEqual({
        state: 'expiring',
        revokedBy: actor.userRef,
        revokedAt: NOW,
        revokeReason: 'Done',
        nextAttemptAt: NOW,
        attempts: 0,
      });
    }
  });
});

describe('allowedActions', () => {
  it('offers each caller what planDecision would allow', () => {
    const states: AccessGrantState[] = ['pending', 'active', 'removed'];
    const actions: GrantDecision[] = [approve, deny, cancel, revoke];
    for (const state of states) {
      for (const actor of [requester, approver, stranger, teamRequester]) {
        const allowed = actions
          .filter(
            d => !('refused' in planDecision(grant(state), actor, d, NOW)),
          )
          .map(d => d.action);
        expect(allowedActions(grant(state), actor)).toEqual(allowed);
      }
    }
  });
});

describe('the worker side', () => {
  it('claims with a lease: approved to granting, due active to expiring, others keep their state', () => {
    const lease = later(WORK_LEASE_MS);
    expect(claim({ state: 'approved' }, NOW)).toEqual({
      state: 'granting',
      nextAttemptAt: lease,
    });
    expect(claim({ state: 'active' }, NOW)).toEqual({
      state: 'expiring',
      nextAttemptAt: lease,
    });
    expect(claim({ state: 'granting' }, NOW)).toEqual({ nextAttemptAt: lease });
    expect(claim({ state: 'expiring' }, NOW)).toEqual({ nextAttemptAt: lease });
  });

  it('runs a grant from when it was made for its duration', () => {
    expect(granted({ durationMs: 90 * 60_000 }, NOW)).toEqual({
      state: 'active',
      grantedAt: NOW,
      expiresAt: later(90 * 60_000),
      attempts: 0,
      nextAttemptAt: null,
      lastError: null,
    });
  });

  it('retries a create with backoff, and after the last try (or a permanent failure) removes', () => {
    const retryable = { message: 'Throttled', retryable: true };
    expect(grantFailed({ attempts: 0 }, retryable, NOW)).toEqual({
      attempts: 1,
      nextAttemptAt: later(5_000),
      lastError: 'Throttled',
    });
    const giveUp = {
      state: 'expiring',
      attempts: 0,
      nextAttemptAt: NOW,
      lastError: 'Throttled',
    };
    expect(
      grantFailed({ attempts: MAX_GRANT_ATTEMPTS - 1 }, retryable, NOW),
    ).toEqual(giveUp);
    expect(
      grantFailed({ attempts: 0 }, { ...retryable, retryable: false }, NOW),
    ).toEqual(giveUp);
  });

  it('ends a removal removed, or failed when it was never granted', () => {
    expect(removed({ grantedAt: NOW }, later(1))).toEqual({
      state: 'removed',
      removedAt: later(1),
      nextAttemptAt: null,
    });
    expect(removed({}, later(1)).state).toBe('failed');
  });

  it('retries a removal forever, waiting 5 s, 10 s, … up to 5 minutes', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 20].map(backoffMs)).toEqual([
      5_000, 10_000, 20_000, 40_000, 80_000, 160_000, 300_000, 300_000, 300_000,
    ]);
    expect(removalFailed({ attempts: 30 }, { message: 'Down' }, NOW)).toEqual({
      attempts: 31,
      nextAttemptAt: later(300_000),
      lastError: 'Down',
    });
  });

  it('calls a removal overdue once it failed, or a minute after an expiry nobody acted on', () => {
    const expiresAt = NOW;
    expect(
      isOverdue({ state: 'active', expiresAt, attempts: 0 }, later(60_000)),
    ).toBe(false);
    expect(
      isOverdue({ state: 'active', expiresAt, attempts: 0 }, later(60_001)),
    ).toBe(true);
    expect(
      isOverdue({ state: 'expiring', expiresAt, attempts: 0 }, later(1)),
    ).toBe(false);
    expect(
      isOverdue({ state: 'expiring', expiresAt, attempts: 1 }, later(1)),
    ).toBe(true);
    expect(
      isOverdue({ state: 'removed', expiresAt, attempts: 3 }, later(1)),
    ).toBe(false);
  });
});
