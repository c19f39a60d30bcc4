import { ServiceUnavailableError } from '@backstage/errors';
import { SnapshotStore } from './SnapshotStore';
import { AccessSnapshot, AccessSnapshotSource, SourceStatus } from './types';

/** The Identity Center source as routes see it: the last good snapshot in the database. */
export class DatabaseSnapshotSource implements AccessSnapshotSource {
  constructor(private readonly store: SnapshotStore) {}

  async getSnapshot(): Promise<AccessSnapshot> {
    const snapshot = await this.store.getSnapshot();
    if (!snapshot) {
      const { lastError } = await this.store.getStatus();
      throw new ServiceUnavailableError(
        lastError
          ? `AWS access has not been synced from IAM Identity Center yet; the last attempt failed: ${lastError}`
          : 'AWS access has not been synced from IAM Identity Center yet; try again shortly',
      );
    }
    return snapshot;
  }

  async getStatus(): Promise<SourceStatus> {
    const status = await this.store.getStatus();
    return {
      source: 'identityCenter',
      ...(status.lastAttemptAt && { lastAttemptAt: status.lastAttemptAt }),
      ...(status.lastSuccessAt && { lastSuccessAt: status.lastSuccessAt }),
      ...(status.lastError && { lastError: status.lastError }),
      ...(status.counts && { counts: status.counts }),
      ...(status.details && {
        callsByOperation: status.details.calls,
        assignmentsMethod: status.details.assignmentsMethod,
        durationMs: status.details.durationMs,
        warnings: status.details.warnings,
      }),
    };
  }
}
