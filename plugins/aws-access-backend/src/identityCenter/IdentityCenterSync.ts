import { LoggerService } from '@backstage/backend-plugin-api';
import { SnapshotStore } from '../snapshot/SnapshotStore';
import { AwsAccessMetrics, SyncResult } from '../metrics/AwsAccessMetrics';
import { SyncStatusStore } from '../snapshot/SyncStatusStore';
import {
  CatalogUserQuery,
  IdentityCenterReader,
  IdentityCenterReadError,
} from './IdentityCenterReader';

/**
 * One sync: read Identity Center completely, then replace the served snapshot. Any failure
 * is recorded and leaves the last good snapshot serving.
 */
export class IdentityCenterSync {
  constructor(
    private readonly reader: Pick<IdentityCenterReader, 'read'>,
    private readonly store: Pick<
      SnapshotStore,
      'beginRead' | 'replaceSnapshot'
    >,
    private readonly syncStatus: Pick<
      SyncStatusStore,
      'recordAttempt' | 'recordSuccess' | 'recordFailure'
    >,
    private readonly logger: LoggerService,
    private readonly options: {
      /** The catalog Users whose direct assignments to read; none when absent. */
      users?: () => Promise<CatalogUserQuery[]>;
      /** Called after a sync served a new snapshot. */
      onChange?: () => void;
      metrics?: Pick<AwsAccessMetrics, 'recordSync'>;
    } = {},
  ) {}

  /** @param signal - aborted when the scheduler gives up on the run or the backend stops */
  async run(signal?: AbortSignal): Promise<void> {
    const startedAt = new Date();
    await this.syncStatus.recordAttempt(startedAt);
    try {
      // Numbered before reading, so changes refreshed from events meanwhile are kept.
      const readSeq = await this.store.beginRead();
      const users = (await this.options.users?.()) ?? [];
      const result = await this.reader.read({ users });
      if (signal?.aborted) {
        throw new Error('The sync was aborted before its snapshot was stored');
      }
      const durationMs = Date.now() - startedAt.getTime();
      const served = await this.store.replaceSnapshot(result.snapshot, readSeq);
      if (!served) {
        this.logger.info(
          'Dropped a full sync: a newer one was stored while it was reading',
        );
        this.recordRun('superseded', startedAt);
        return;
      }
      await this.syncStatus.recordSuccess(new Date(), {
        calls: result.calls,
        warnings: result.warnings,
        assignmentsMethod: result.assignmentsMethod,
        durationMs,
      });
      this.options.onChange?.();
      this.recordRun('success', startedAt);
      this.logger.info('Synced IAM Identity Center', {
        accounts: result.snapshot.accounts.length,
        permissionSets: result.snapshot.permissionSets.length,
        groups: result.snapshot.groups.length,
        assignments: result.snapshot.assignments.length,
        users: result.snapshot.users?.length ?? 0,
        assignmentsMethod: result.assignmentsMethod,
        calls: Object.values(result.calls).reduce((a, b) => a + b, 0),
        durationMs,
      });
      for (const warning of result.warnings) {
        this.logger.warn(warning);
      }
    } catch (error) {
      const message =
        error instanceof IdentityCenterReadError
          ? error.message
          : `${(error as Error).name}: ${(error as Error).message}`;
      this.logger.error(
        'IAM Identity Center sync failed; still serving the last good snapshot',
        {
          error: message,
        },
      );
      await this.syncStatus.recordFailure(message, {
        calls: error instanceof IdentityCenterReadError ? error.calls : {},
        warnings: [],
        durationMs: Date.now() - startedAt.getTime(),
      });
      this.recordRun('failure', startedAt);
    }
  }

  private recordRun(result: SyncResult, startedAt: Date) {
    this.options.metrics?.recordSync({
      result,
      durationMs: Date.now() - startedAt.getTime(),
    });
  }
}
