import {
  createBackendModule,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import { Entity } from '@backstage/catalog-model';
import { EventsService, eventsServiceRef } from '@backstage/plugin-events-node';
import {
  SignalPayload,
  signalsServiceRef,
} from '@backstage/plugin-signals-node';
import { FakeIdentityCenter } from '@aws-access/fake-identity-center';
import { identityCenterConfig } from './identityCenterConfig';
import { startAwsAccessBackend } from './startAwsAccessBackend';

/** The EventBridge envelope of the CloudTrail record AWS sends for an API call. */
export function cloudTrailEvent(
  eventSource: string,
  eventName: string,
  requestParameters: Record<string, unknown>,
) {
  return {
    version: '0',
    id: 'c4f5e6a7-0000-4000-8000-000000000001',
    'detail-type': 'AWS API Call via CloudTrail',
    source: 'aws.sso',
    account: '111122223333',
    time: new Date().toISOString(),
    region: 'eu-north-1',
    resources: [],
    detail: {
      eventVersion: '1.08',
      eventTime: new Date().toISOString(),
      eventSource,
      eventName,
      awsRegion: 'eu-north-1',
      requestParameters,
      responseElements: {
        accountAssignmentCreationStatus: { status: 'IN_PROGRESS' },
      },
      eventType: 'AwsApiCall',
    },
  };
}

/**
 * Starts the plugin reading `fake` with a real scheduler (the first sync at once, the
 * next in six hours) and events on `topic`; returns a publisher standing in for the SQS
 * module and the signals the plugin sent.
 */
export async function startEventsBackend(
  fake: FakeIdentityCenter,
  options: { catalog: Entity[]; topic: string },
) {
  let events: EventsService | undefined;
  const signals: SignalPayload[] = [];
  const server = await startAwsAccessBackend({
    catalog: options.catalog,
    // Reconciliation far away: only events can change the snapshot here.
    config: identityCenterConfig(fake.url, {
      schedule: {
        frequency: { hours: 6 },
        timeout: { minutes: 5 },
        initialDelay: { seconds: 0 },
      },
      events: {
        enabled: true,
        topic: options.topic,
        settleMilliseconds: 200,
      },
    }),
    features: [
      schedulerServiceFactory,
      // What the SQS module does: publish each message body to the topic.
      createBackendModule({
        pluginId: 'aws-access',
        moduleId: 'test-publisher',
        register(env) {
          env.registerInit({
            deps: { events: eventsServiceRef },
            async init(deps) {
              events = deps.events;
            },
          });
        },
      }),
      createServiceFactory({
        service: signalsServiceRef,
        deps: {},
        factory: () => ({
          publish: async signal => {
            signals.push(signal as SignalPayload);
          },
        }),
      }),
    ],
  });
  return { server, publish: events!.publish.bind(events!), signals };
}
