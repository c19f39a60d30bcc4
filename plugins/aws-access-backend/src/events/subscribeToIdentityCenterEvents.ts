import { LoggerService } from '@backstage/backend-plugin-api';
import { EventsService } from '@backstage/plugin-events-node';
import { IdentityCenterEventsSettings } from '../identityCenter/config';
import { IdentityCenterReader } from '../identityCenter/IdentityCenterReader';
import { IncrementalRefresh } from '../identityCenter/IncrementalRefresh';
import { IdentityCenterSettings } from '../identityCenter/settings';
import { AwsAccessMetrics } from '../metrics/AwsAccessMetrics';
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

/** One organisation whose Identity Center changes arrive as events. */
export interface EventsOrganization {
  id: string;
  settings: IdentityCenterSettings;
  eventsSettings: IdentityCenterEventsSettings;
  reader: IdentityCenterReader;
  /** The organisation's incremental refresh, which its events feed. */
  refresh: IncrementalRefresh;
}

/**
 * Subscribes once to every organisation's events topic and wires each organisation's
 * incremental refresh behind it; an event reaches only the organisation whose instance
 * it names. The returned stats report how events fared.
 */
export async function subscribeToIdentityCenterEvents(options: {
  events: EventsService;
  organizations: EventsOrganization[];
  logger: LoggerService;
  metrics?: AwsAccessMetrics;
}): Promise<{ stats: EventStats }> {
  const { logger } = options;
  const stats = new EventStats(logger, options.metrics);
  const routes: EventRoute[] = [];
  for (const organization of options.organizations) {
    const { settings, reader, refresh } = organization;
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
  return { stats };
}
