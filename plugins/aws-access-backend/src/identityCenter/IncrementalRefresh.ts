import { LoggerService } from '@backstage/backend-plugin-api';
import { RefreshQueue } from './RefreshQueue';
import { RefreshBatchDeps, refreshBatch } from './refreshBatch';
import { RefreshTarget } from './refreshTargets';

export interface IncrementalRefreshOptions extends RefreshBatchDeps {
  logger: LoggerService;
  /**
   * How long to collect events before reading: a burst (a Terraform apply) becomes one
   * read per principal, and assignment changes, still in progress when their event
   * fires, have time to land.
   */
  settleMs: number;
  /** Wait before reading again a principal whose listing does not show its change yet. */
  recheckMs: number;
}

/**
 * Re-reads just what events name and writes it as a new snapshot version: a coalescing
 * queue in front of a batch step. Reads go through the reader, whose pacers the full
 * sync shares, so both together keep to the sso-admin budget.
 */
export class IncrementalRefresh {
  private readonly queue: RefreshQueue;

  constructor(options: IncrementalRefreshOptions) {
    this.queue = new RefreshQueue({
      settleMs: options.settleMs,
      recheckMs: options.recheckMs,
      step: batch => refreshBatch(batch, options),
      onError: error =>
        // The queue reads the batch again later.
        options.logger.error('Incremental refresh failed', {
          error: `${error.name}: ${error.message}`,
        }),
    });
  }

  /** Asks for a target to be re-read; returns at once. */
  request(target: RefreshTarget, eventTime?: Date): void {
    this.queue.request(target, eventTime);
  }

  /** How many targets wait to be read. */
  get size(): number {
    return this.queue.size;
  }

  /** Resolves once nothing is pending or being read. */
  whenIdle(): Promise<void> {
    return this.queue.whenIdle();
  }

  /** Drops what is pending; a read under way still finishes. */
  stop(): void {
    this.queue.stop();
  }
}
