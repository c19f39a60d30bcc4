import { LoggerService } from '@backstage/backend-plugin-api';
import { EventParams } from '@backstage/plugin-events-node';
import { IncrementalRefresh } from '../identityCenter/IncrementalRefresh';
import { EventStats } from './EventStats';
import {
  EventScope,
  parseIdentityCenterEvent,
} from './parseIdentityCenterEvent';

/**
 * Turns events from the topic into refresh requests. It never throws: an event it
 * cannot use is counted and dropped, so the queue behind the topic keeps draining.
 */
export class IdentityCenterEventSubscriber {
  private scope?: Promise<EventScope>;

  constructor(
    private readonly options: {
      /** The instance events must belong to, looked up on the first event. */
      scope: () => Promise<EventScope>;
      refresh: Pick<IncrementalRefresh, 'request'>;
      stats: EventStats;
      logger: LoggerService;
    },
  ) {}

  async onEvent(params: EventParams): Promise<void> {
    const { stats, refresh } = this.options;
    stats.recordReceived();
    try {
      const parsed = parseIdentityCenterEvent(
        params.eventPayload,
        await this.currentScope(),
      );
      if (parsed.type === 'ignore') {
        stats.ignore(parsed.reason, parsed.detail);
        return;
      }
      refresh.request(parsed.target, parsed.eventTime);
    } catch (error) {
      stats.ignore(
        'error',
        `${(error as Error).name}: ${(error as Error).message}`,
      );
    }
  }

  private currentScope(): Promise<EventScope> {
    this.scope ??= this.options.scope().catch(error => {
      // Without the instance, events cannot be checked; try again on the next event.
      this.scope = undefined;
      throw error;
    });
    return this.scope;
  }
}
