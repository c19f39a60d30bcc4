import { LoggerService } from '@backstage/backend-plugin-api';
import { SignalsService } from '@backstage/plugin-signals-node';
import {
  AWS_ACCESS_SNAPSHOT_SIGNAL_CHANNEL,
  AwsAccessSnapshotSignal,
} from '@aws-access/backstage-plugin-aws-access-common';

/**
 * Tells open pages that the served snapshot changed. A broadcast that carries no access
 * data: each page reloads through the API, which checks the caller as always.
 */
export class SnapshotChangeSignal {
  constructor(
    private readonly signals: SignalsService,
    private readonly logger: LoggerService,
  ) {}

  /** Never throws: a page that misses a signal is only as late as before. */
  send(): void {
    const message: AwsAccessSnapshotSignal = {
      changedAt: new Date().toISOString(),
    };
    this.signals
      .publish({
        recipients: { type: 'broadcast' },
        channel: AWS_ACCESS_SNAPSHOT_SIGNAL_CHANNEL,
        message: { ...message },
      })
      .catch(error =>
        this.logger.warn('Could not signal a snapshot change', {
          error: `${(error as Error).name}: ${(error as Error).message}`,
        }),
      );
  }
}
