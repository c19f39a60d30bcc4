import { LoggerService } from '@backstage/backend-plugin-api';
import { EventParams } from '@backstage/plugin-events-node';
import { IncrementalRefresh } from '../identityCenter/IncrementalRefresh';
import { EventStats } from './EventStats';
import {
  EventScope,
  ParsedEvent,
  parseIdentityCenterEvent,
} from './parseIdentityCenterEvent';

/** Where the events of one organisation go. */
export interface EventRoute {
  /** The organisation id. */
  organization: string;
  /** The events-system topic its events arrive on. */
  topic: string;
  /** The instance its events belong to, looked up on the first event. */
  scope: () => Promise<EventScope>;
  refresh: Pick<IncrementalRefresh, 'request'>;
}

/**
 * Turns events from the topics into refresh requests of the organisation whose instance
 * they name. An event that names no instance (an Organizations account change, a SCIM
 * group change without ids) goes to every organisation on its topic. It never throws: an
 * event it cannot use is counted and dropped, so the queue behind the topic keeps draining.
 */
export class IdentityCenterEventSubscriber {
  private readonly scopes = new Map<EventRoute, Promise<EventScope>>();

  constructor(
    private readonly options: {
      routes: EventRoute[];
      stats: EventStats;
      logger: LoggerService;
    },
  ) {}

  async onEvent(params: EventParams): Promise<void> {
    const { stats } = this.options;
    stats.recordReceived();
    try {
      const routes = this.options.routes.filter(r => r.topic === params.topic);
      // One organisation whose instance cannot be looked up right now must not hold up
      // the events of the others on the same topic.
      const settled = await Promise.allSettled(
        routes.map(async route => ({
          route,
          event: parseIdentityCenterEvent(
            params.eventPayload,
            await this.scopeOf(route),
          ),
        })),
      );
      const parsed = settled.flatMap(r =>
        r.status === 'fulfilled' ? [r.value] : [],
      );
      const failed = settled.find(
        (r): r is PromiseRejectedResult => r.status === 'rejected',
      );
      const refreshes = parsed.filter(
        (
          p,
        ): p is typeof p & {
          event: Extract<ParsedEvent, { type: 'refresh' }>;
        } => p.event.type === 'refresh',
      );
      // An event that matched an instance goes to that organisation alone.
      const matched = refreshes.filter(p => p.event.matchedInstance);
      const targets = matched.length > 0 ? matched : refreshes;
      if (targets.length === 0 && failed) {
        // The event may be for the organisation whose instance is unknown: not "other".
        throw failed.reason;
      }
      if (targets.length === 0) {
        const ignored =
          parsed.find(
            p =>
              p.event.type === 'ignore' && p.event.reason !== 'otherInstance',
          ) ?? parsed[0];
        if (!ignored || ignored.event.type !== 'ignore') {
          stats.ignore(
            'otherInstance',
            `no organisation listens on '${params.topic}'`,
          );
          return;
        }
        stats.ignore(ignored.event.reason, ignored.event.detail);
        return;
      }
      for (const { route, event } of targets) {
        stats.recordRouted(route.organization);
        route.refresh.request(event.target, event.eventTime);
      }
    } catch (error) {
      stats.ignore(
        'error',
        `${(error as Error).name}: ${(error as Error).message}`,
      );
    }
  }

  private scopeOf(route: EventRoute): Promise<EventScope> {
    let scope = this.scopes.get(route);
    if (!scope) {
      scope = route.scope().catch(error => {
        // Without the instance, events cannot be checked; try again on the next event.
        this.scopes.delete(route);
        throw error;
      });
      this.scopes.set(route, scope);
    }
    return scope;
  }
}
