import { LoggerService } from '@backstage/backend-plugin-api';
import { RefreshTarget } from '../identityCenter/refreshTargets';
import {
  claim,
  grantFailed,
  granted,
  removalFailed,
  removed,
} from './grantStateMachine';
import { GrantChanges, GrantRecord } from './types';

/** An assignment of a permission set to one user in one account. */
export interface UserAssignment {
  accountId: string;
  permissionSetArn: string;
  userId: string;
}

/** How a user is looked up in the identity store: the same order the sync uses. */
export interface UserLookup {
  userNames: string[];
  emails: string[];
}

/** What the worker writes through: one organisation's Identity Center. */
export interface AssignmentWriter {
  userIdOf(query: UserLookup): Promise<string | undefined>;
  /** Resolves once the assignment exists; an existing one counts as created. */
  createAssignment(assignment: UserAssignment): Promise<void>;
  /** Resolves once the assignment is gone; a missing one counts as removed. */
  deleteAssignment(assignment: UserAssignment): Promise<void>;
}

/** One organisation as the worker needs it. */
export interface GrantOrganization {
  /** Whether the organisation's policy is on: off, approved grants fail, removals go on. */
  grants: boolean;
  writer: AssignmentWriter;
  /** Re-reads the user into the served snapshot, as an event would. */
  refresh: { request(target: RefreshTarget): void };
  /** The user's Identity Center id as the snapshot already knows it, if it does. */
  knownUserId(catalogRef: string): Promise<string | undefined>;
}

/** What happened to a grant on the worker's side, for notifications, audit and pages. */
export type GrantWorkEvent =
  | 'granted'
  | 'grant-retry'
  | 'grant-failed'
  | 'removed'
  | 'removal-failed';

/** The store operations the worker uses. */
export interface GrantWorkStore {
  due(now: Date, limit: number): Promise<GrantRecord[]>;
  nextDueAt(): Promise<Date | undefined>;
  transition(
    id: string,
    expected: Pick<GrantRecord, 'state' | 'version'>,
    changes: GrantChanges,
    now: Date,
  ): Promise<GrantRecord | undefined>;
}

export interface GrantWorkerOptions {
  store: GrantWorkStore;
  organizations: (id: string) => GrantOrganization | undefined;
  /** How to find a catalog user in the identity store; undefined when not in the catalog. */
  userLookup: (catalogRef: string) => Promise<UserLookup | undefined>;
  onEvent: (grant: GrantRecord, event: GrantWorkEvent) => Promise<void>;
  logger: LoggerService;
  /** How often to look for due work besides pokes and known expiries. */
  pollMs?: number;
  now?: () => Date;
}

/** A failure as the state machine weighs it. */
function failure(error: unknown): { message: string; retryable: boolean } {
  const e = error as { message?: unknown; retryable?: unknown };
  return {
    message: String(e?.message ?? error).slice(0, 1000),
    // Unknown errors (a network failure, a bug) are tried again; the writer marks the
    // permanent ones.
    retryable: e?.retryable !== false,
  };
}

/**
 * The only caller of Identity Center writes. Every backend instance runs one; they share
 * the grants table and take each piece of work with a compare-and-set, so two instances
 * never both act on a grant. The user id is recorded before the assignment is created,
 * so a crash in between leaves a grant that the next worker finishes (creating again is
 * harmless) and that is removed at expiry. Only assignments recorded here are removed.
 */
export class GrantWorker {
  private readonly pollMs: number;
  private readonly now: () => Date;
  private running?: Promise<void>;
  private again = false;
  private stopped = true;
  private poll?: NodeJS.Timeout;
  private wake?: NodeJS.Timeout;

  constructor(private readonly options: GrantWorkerOptions) {
    this.pollMs = options.pollMs ?? 5_000;
    this.now = options.now ?? (() => new Date());
  }

  /** Starts looking for due work every `pollMs`, and at each known expiry. */
  start(): void {
    this.stopped = false;
    // Unreferenced: the worker never keeps a process alive that is shutting down.
    this.poll = setInterval(() => this.poke(), this.pollMs).unref();
    this.poke();
  }

  /** Stops; a write under way still finishes. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.poll);
    clearTimeout(this.wake);
    await this.running;
  }

  /** Looks for due work now (after an approval or a revoke); calls coalesce. */
  poke(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.runUntilIdle().finally(() => {
      this.running = undefined;
    });
  }

  /** Resolves once the work due now is done; for tests and the benchmark. */
  async runOnce(): Promise<void> {
    this.poke();
    while (this.running) {
      await this.running;
    }
  }

  private async runUntilIdle(): Promise<void> {
    do {
      this.again = false;
      try {
        await this.runDue();
        await this.scheduleNext();
      } catch (error) {
        this.options.logger.error('Temporary access worker failed', {
          error: String((error as Error)?.message ?? error),
        });
      }
    } while (this.again && !this.stopped);
  }

  private async runDue(): Promise<void> {
    for (;;) {
      const due = await this.options.store.due(this.now(), 20);
      if (due.length === 0) {
        return;
      }
      // Grants are independent: one slow write does not hold up the others.
      await Promise.all(due.map(grant => this.work(grant)));
      if (due.length < 20) {
        return;
      }
    }
  }

  private async scheduleNext(): Promise<void> {
    if (this.stopped) {
      return;
    }
    const next = await this.options.store.nextDueAt();
    clearTimeout(this.wake);
    const wait = next ? next.getTime() - this.now().getTime() : Infinity;
    if (wait < this.pollMs) {
      this.wake = setTimeout(() => this.poke(), Math.max(wait, 0) + 10).unref();
    }
  }

  private async move(
    grant: GrantRecord,
    changes: GrantChanges,
  ): Promise<GrantRecord | undefined> {
    return this.options.store.transition(grant.id, grant, changes, this.now());
  }

  private async work(due: GrantRecord): Promise<void> {
    const grant = await this.move(due, claim(due, this.now()));
    if (!grant) {
      return; // Another instance took it.
    }
    if (grant.state === 'granting') {
      await this.create(grant);
    } else if (grant.state === 'expiring') {
      await this.remove(grant);
    }
  }

  private async create(claimed: GrantRecord): Promise<void> {
    const { options } = this;
    let grant = claimed;
    try {
      const organization = this.organizationOf(grant);
      if (!organization.grants) {
        throw Object.assign(
          new Error(
            `Temporary access is off for the organisation '${grant.organization}'`,
          ),
          { retryable: false },
        );
      }
      if (!grant.identityCenterUserId) {
        const userId = await this.userIdOf(grant, organization);
        // Recorded before the assignment exists: whatever happens next, it is removed.
        const recorded = await this.move(grant, {
          identityCenterUserId: userId,
        });
        if (!recorded) {
          return;
        }
        grant = recorded;
      }
      await organization.writer.createAssignment(assignmentOf(grant));
      const active = await this.move(grant, granted(grant, this.now()));
      if (!active) {
        return;
      }
      organization.refresh.request(refreshTarget(active, true));
      options.logger.info('Granted temporary access', logMeta(active));
      await options.onEvent(active, 'granted');
    } catch (error) {
      const reason = failure(error);
      const next = await this.move(
        grant,
        grantFailed(grant, reason, this.now()),
      );
      if (!next) {
        return;
      }
      options.logger.warn('Could not grant temporary access', {
        ...logMeta(next),
        error: reason.message,
      });
      if (next.state === 'expiring') {
        // Takes back whatever a create whose answer was lost may have made; the grant
        // is reported failed (once) when that is done.
        await this.remove(next);
      } else {
        await options.onEvent(next, 'grant-retry');
      }
    }
  }

  private async remove(grant: GrantRecord): Promise<void> {
    const { options } = this;
    try {
      if (grant.identityCenterUserId) {
        const organization = this.organizationOf(grant);
        await organization.writer.deleteAssignment(assignmentOf(grant));
        organization.refresh.request(refreshTarget(grant, false));
      }
      // Without a user id no assignment was ever asked for: nothing to take back.
      const done = await this.move(grant, removed(grant, this.now()));
      if (done) {
        options.logger.info('Removed temporary access', logMeta(done));
        await options.onEvent(
          done,
          done.state === 'removed' ? 'removed' : 'grant-failed',
        );
      }
    } catch (error) {
      const reason = failure(error);
      const next = await this.move(
        grant,
        removalFailed(grant, reason, this.now()),
      );
      if (next) {
        options.logger.error('Could not remove temporary access; retrying', {
          ...logMeta(next),
          attempts: next.attempts,
          error: reason.message,
        });
        await options.onEvent(next, 'removal-failed');
      }
    }
  }

  private organizationOf(grant: GrantRecord): GrantOrganization {
    const organization = this.options.organizations(grant.organization);
    if (!organization) {
      throw Object.assign(
        new Error(
          `The organisation '${grant.organization}' has no Identity Center to write to`,
        ),
        { retryable: false },
      );
    }
    return organization;
  }

  private async userIdOf(
    grant: GrantRecord,
    organization: GrantOrganization,
  ): Promise<string> {
    const known = await organization.knownUserId(grant.requesterRef);
    if (known) {
      return known;
    }
    const lookup = await this.options.userLookup(grant.requesterRef);
    const userId = lookup && (await organization.writer.userIdOf(lookup));
    if (!userId) {
      throw Object.assign(
        new Error(
          `No IAM Identity Center user found for '${grant.requesterRef}' (by the aws-access user annotation, email or name)`,
        ),
        { retryable: false },
      );
    }
    return userId;
  }
}

function assignmentOf(grant: GrantRecord): UserAssignment {
  return {
    accountId: grant.accountId,
    permissionSetArn: grant.permissionSetArn,
    userId: grant.identityCenterUserId!,
  };
}

function refreshTarget(grant: GrantRecord, present: boolean): RefreshTarget {
  return {
    kind: 'principal',
    principalType: 'USER',
    principalId: grant.identityCenterUserId!,
    expect: {
      accountId: grant.accountId,
      permissionSetArn: grant.permissionSetArn,
      present,
    },
    catalogRef: grant.requesterRef,
  };
}

function logMeta(grant: GrantRecord) {
  return {
    grant: grant.id,
    organization: grant.organization,
    accountId: grant.accountId,
    role: grant.permissionSetName,
    requester: grant.requesterRef,
    state: grant.state,
  };
}
