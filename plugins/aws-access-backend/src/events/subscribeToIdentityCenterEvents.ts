import { LoggerService } from '@backstage/backend-plugin-api';
import { EventsService } from '@backstage/plugin-events-node';
import { IdentityCenterEventsSettings } from '../identityCenter/config';
import { IdentityCenterReader } from '../identityCenter/IdentityCenterReader';
import { IncrementalRefresh } from '../identityCenter/IncrementalRefresh';
import { IdentityCenterSettings } from '../identityCenter/settings';
import { AwsAccessMetrics } from '../metrics/AwsAccessMetrics';
import { SnapshotStore } from '../snapshot/SnapshotStore';
import { SyncStatusStore } from '../snapshot/SyncStatusStore';
import { EventStats } from './EventStats';
import { IdentityCenterEventSubscriber } from './IdentityCenterEventSubscriber';

/**
 * Every instance of a cluster subscribes with this id; the events system hands each
 * event to one of them, so each change is read and written once.
 */
const EVENTS_SUBSCRIBER_ID = 'aws-access-identity-center';

/** Reads again a principal whose new or removed assignment is still in progress. */
const RECHECK_MS = 2000;
const MAX_RECHECKS = 5;

/**
 * Subscribes to the Identity Center events topic and wires the incremental refresh
 * behind it; the returned parts report status and stop with the backend.
 */
export async function subscribeToIdentityCenterEvents(options: {
  events: EventsService;
  settings: IdentityCenterSettings;
  eventsSettings: IdentityCenterEventsSettings;
  reader: IdentityCenterReader;
  store: SnapshotStore;
  syncStatus: SyncStatusStore;
  logger: LoggerService;
  onChange: () => void;
  metrics?: AwsAccessMetrics;
}): Promise<{ stats: EventStats; refresh: IncrementalRefresh }> {
  const { settings, reader, logger, metrics } = options;
  const stats = new EventStats(logger, metrics);
  const refresh = new IncrementalRefresh({
    metrics,
    reader,
    store: options.store,
    syncStatus: options.syncStatus,
    logger,
    settleMs: options.eventsSettings.settleMs,
    recheckMs: RECHECK_MS,
    maxRechecks: MAX_RECHECKS,
    onChange: options.onChange,
  });
  const subscriber = new IdentityCenterEventSubscriber({
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
    stats,
    logger,
  });
  await options.events.subscribe({
    id: EVENTS_SUBSCRIBER_ID,
    topics: [options.eventsSettings.topic],
    onEvent: params => subscriber.onEvent(params),
  });
  metrics?.observeRefreshQueueDepth(() => refresh.size);
  logger.info('Listening for IAM Identity Center events', {
    topic: options.eventsSettings.topic,
  });
  return { stats, refresh };
}
