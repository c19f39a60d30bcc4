import { LoggerService } from '@backstage/backend-plugin-api';
import { EventsService } from '@backstage/plugin-events-node';
import { IdentityCenterEventsSettings } from '../identityCenter/config';
import { IdentityCenterReader } from '../identityCenter/IdentityCenterReader';
import { IncrementalRefresh } from '../identityCenter/IncrementalRefresh';
import { IdentityCenterSettings } from '../identityCenter/settings';
import {
  AwsAccessMetrics,
  OrganizationMetrics,
} from '../metrics/AwsAccessMetrics';
import { SnapshotStore } from '../snapshot/SnapshotStore';
import { SyncStatusStore } from '../snapshot/SyncStatusStore';
import { EventStats } from './EventStats';
import {
  EventRoute,
  IdentityCenterEventSubscriber,
} from './IdentityCenterEventSubscriber';

/**
 * Every instance of a cluster subscribes with this id; the events system hands each
 * event to one of them, so each change is read and written once.
 */
const EVENTS_SUBSCRIBER_ID = 'aws-access-identity-center';

/** Reads again a principal whose new or removed assignment is still in progress. */
const RECHECK_MS = 2000;
const MAX_RECHECKS = 5;

/** One organisation whose Identity Center changes arrive as events. */
export interface EventsOrganization {
  id: string;
  settings: IdentityCenterSettings;
  eventsSettings: IdentityCenterEventsSettings;
  reader: IdentityCenterReader;
  store: SnapshotStore;
  syncStatus: SyncStatusStore;
  onChange: () => void;
  metrics?: OrganizationMetrics;
}

/**
 * Subscribes once to every organisation's events topic and wires each organisation's
 * incremental refresh behind it; an event reaches only the organisation whose instance
 * it names. The returned parts report status and stop with the backend.
 */
export async function subscribeToIdentityCenterEvents(options: {
  events: EventsService;
  organizations: EventsOrganization[];
  logger: LoggerService;
  metrics?: AwsAccessMetrics;
}): Promise<{ stats: EventStats; refreshes: IncrementalRefresh[] }> {
  const { logger } = options;
  const stats = new EventStats(logger, options.metrics);
  const routes: EventRoute[] = [];
  const refreshes: IncrementalRefresh[] = [];
  for (const organization of options.organizations) {
    const { settings, reader, metrics } = organization;
    const refresh = new IncrementalRefresh({
      metrics,
      reader,
      store: organization.store,
      syncStatus: organization.syncStatus,
      logger: logger.child({ organization: organization.id }),
      settleMs: organization.eventsSettings.settleMs,
      recheckMs: RECHECK_MS,
      maxRechecks: MAX_RECHECKS,
      onChange: organization.onChange,
    });
    refreshes.push(refresh);
    metrics?.observeRefreshQueueDepth(() => refresh.size);
    routes.push({
      organization: organization.id,
      topic: organization.eventsSettings.topic,
      scope: async () => {
        if (settings.instanceArn && settings.identityStoreId) {
          return {
            instanceArn: settings.instanceArn,
            identityStoreId: settings.identityStoreId,
          };
        }
        const instance = await reader.instanceOfEvents();
        return {
          instanceArn: instance.instanceArn,
          identityStoreId: instance.identityStoreId,
        };
      },
      refresh,
    });
  }
  const subscriber = new IdentityCenterEventSubscriber({
    routes,
    stats,
    logger,
  });
  const topics = [...new Set(routes.map(r => r.topic))];
  await options.events.subscribe({
    id: EVENTS_SUBSCRIBER_ID,
    topics,
    onEvent: params => subscriber.onEvent(params),
  });
  logger.info('Listening for IAM Identity Center events', {
    topics: topics.join(', '),
  });
  return { stats, refreshes };
}
