import { SchedulerServiceTaskScheduleDefinition } from '@backstage/backend-plugin-api';
import { ServiceUnavailableError } from '@backstage/errors';
import { HumanDuration, durationToMilliseconds } from '@backstage/types';
import { SnapshotStore } from './SnapshotStore';
import { SyncStatus, SyncStatusStore } from './SyncStatusStore';
import { AccessSnapshot, AccessSnapshotSource, SourceStatus } from './types';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * When synced data counts as stale: after three missed intervals of the sync's schedule,
 * or after a day for cron and manually triggered schedules.
 */
export function staleAfterForSchedule(
  schedule: SchedulerServiceTaskScheduleDefinition,
): number {
  const frequency = schedule.frequency as object;
  if ('cron' in frequency || 'trigger' in frequency) {
    return DAY_MS;
  }
  if ('toMillis' in frequency && typeof frequency.toMillis === 'function') {
    return 3 * (frequency.toMillis() as number);
  }
  return 3 * durationToMilliseconds(frequency as HumanDuration);
}

/** The Identity Center source as routes see it: the last good snapshot in the database. */
export class DatabaseSnapshotSource implements AccessSnapshotSource {
  /**
   * @param staleAfterMs - data older than this is reported stale (a few sync intervals)
   */
  constructor(
    private readonly store: Pick<SnapshotStore, 'getSnapshot'>,
    private readonly syncStatus: Pick<SyncStatusStore, 'getStatus'>,
    private readonly staleAfterMs: number,
    /** When this instance last received an event for this organisation, when events are on. */
    private readonly lastEventAt?: () => Date | undefined,
  ) {}

  async getSnapshot(): Promise<AccessSnapshot> {
    const snapshot = await this.store.getSnapshot();
    if (!snapshot) {
      const { lastError } = await this.syncStatus.getStatus();
      throw new ServiceUnavailableError(
        lastError
          ? `AWS access has not been synced from IAM Identity Center yet; the last attempt failed: ${lastError}`
          : 'AWS access has not been synced from IAM Identity Center yet; try again shortly',
      );
    }
    return snapshot;
  }

  async getStatus(): Promise<SourceStatus> {
    const [status, snapshot] = await Promise.all([
      this.syncStatus.getStatus(),
      this.store.getSnapshot(),
    ]).catch(error => {
      // The database is away for a moment (a restart): try again later, not a fault.
      throw new ServiceUnavailableError(
        `The sync status cannot be read right now: ${String(
          (error as Error)?.message ?? error,
        )}`,
      );
    });
    const staleReason = this.staleReason(status, this.lastEventAt?.());
    return {
      source: 'identityCenter',
      stale: staleReason !== undefined,
      ...(staleReason && { staleReason }),
      ...(status.lastAttemptAt && { lastAttemptAt: status.lastAttemptAt }),
      ...(status.lastSuccessAt && { lastSuccessAt: status.lastSuccessAt }),
      ...(status.lastError && { lastError: status.lastError }),
      ...(snapshot && {
        counts: {
          accounts: snapshot.accounts.length,
          permissionSets: snapshot.permissionSets.length,
          groups: snapshot.groups.length,
          assignments: snapshot.assignments.length,
        },
      }),
      ...(status.details && {
        callsByOperation: status.details.calls,
        assignmentsMethod: status.details.assignmentsMethod,
        durationMs: status.details.durationMs,
        warnings: status.details.warnings,
      }),
      ...(status.lastChangeAt && { lastChangeAt: status.lastChangeAt }),
      ...(status.lastChangeLagMs !== undefined && {
        lastChangeLagMs: status.lastChangeLagMs,
      }),
    };
  }

  private staleReason(
    status: SyncStatus,
    lastEventAt?: Date,
  ): string | undefined {
    if (!status.lastSuccessAt) {
      return 'AWS access has not been synced from IAM Identity Center yet';
    }
    if (status.lastError) {
      return `The last sync from IAM Identity Center failed: ${status.lastError}`;
    }
    // Events arriving, or changes applied from them, show the data is being kept current
    // between full syncs.
    const freshAt = Math.max(
      Date.parse(status.lastSuccessAt),
      status.lastChangeAt ? Date.parse(status.lastChangeAt) : 0,
      lastEventAt?.getTime() ?? 0,
    );
    const ageMs = Date.now() - freshAt;
    if (ageMs > this.staleAfterMs) {
      return `The last successful sync was ${Math.round(
        ageMs / 60000,
      )} minutes ago`;
    }
    return undefined;
  }
}
