import { expect, test as base } from '@playwright/test';
import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { FakeIdentityCenter } from '@aws-access/fake-identity-center';
import { BackendInstance } from './backendInstance';
import {
  assignmentEvent,
  createQueue,
  liveOverlays,
  org,
  queueDepth,
} from './liveEvents';

/*
 * Backends that several spec files use, started once per Playwright worker (the first test
 * that asks for one starts it; it stops when the worker ends) instead of once per file.
 * Files that share one run in the same project of playwright.config.ts, so in one worker.
 */

/** A backend whose permission policy denies 'aws-access.read' to the guest. */
export const DENIED_GUEST_OVERLAY =
  'exampleOrg:\n  awsAccessDeniedUsers: [user:default/guest]\n';

/**
 * The example backend with events on, reading a queue on the test command's SQS server,
 * and the fake Identity Center it syncs from (support/liveEvents.ts).
 */
export interface LiveEventsBackend {
  sqs: SQSClient;
  queueUrl: string;
  deadLetterQueueUrl: string;
  fake: FakeIdentityCenter;
  backend: BackendInstance;
  token: string;
  /** The example group's accounts as the API serves them; 404 until the catalog has it. */
  accountsOfPlatform(): Promise<string[] | number>;
  /** The backend's /status. */
  status(): Promise<LiveStatus>;
}

export interface LiveStatus {
  stale: boolean;
  eventsReceived?: number;
  eventsIgnored?: Record<string, number>;
  /** One entry per organisation; the example has one. */
  organizations: Array<{ id: string; lastChangeLagMs?: number }>;
}

const sqsUrl = process.env.AWS_ACCESS_TEST_SQS_URL;

async function startLiveEventsBackend(
  use: (live: LiveEventsBackend) => Promise<void>,
) {
  expect(
    sqsUrl,
    'AWS_ACCESS_TEST_SQS_URL is set by scripts/test.sh',
  ).toBeTruthy();
  // The SQS module's client and the tests' take credentials from the environment.
  process.env.AWS_ACCESS_KEY_ID = 'AKIAFAKESQS';
  process.env.AWS_SECRET_ACCESS_KEY = 'fake';
  const sqs = new SQSClient({ region: 'eu-north-1', endpoint: sqsUrl });
  const { queueUrl, deadLetterQueueUrl } = await createQueue(
    sqs,
    `aws-access-e2e-${Date.now()}`,
  );
  const fake = await FakeIdentityCenter.start(structuredClone(org));
  const backend = BackendInstance.start(
    7211,
    ...liveOverlays(fake.url, queueUrl, sqsUrl!),
  );
  try {
    await backend.waitUntilHealthy();
    const token = await backend.guestToken();
    const get = (path: string) =>
      fetch(`${backend.baseUrl}/api/aws-access${path}`, {
        headers: { authorization: `Bearer ${token}` },
      });
    await use({
      sqs,
      queueUrl,
      deadLetterQueueUrl,
      fake,
      backend,
      token,
      async accountsOfPlatform() {
        const res = await get('/entities/group/default/platform/accounts');
        if (res.status === 404) return res.status;
        expect(res.status).toBe(200);
        const body = (await res.json()) as {
          accounts: Array<{ id: string }>;
        };
        return body.accounts.map(a => a.id).sort();
      },
      async status() {
        return (await (await get('/status')).json()) as LiveStatus;
      },
    });
  } finally {
    backend.kill();
    await fake.stop();
  }
}

/**
 * Brings the shared live backend back to the example organisation as it starts: the fake's
 * organisation restored, and (when an earlier test changed the group) an event that makes
 * the backend read the group again; then an empty queue.
 */
async function resetLiveEventsBackend(live: LiveEventsBackend) {
  live.fake.behaviour = {};
  live.fake.org = structuredClone(org);
  const initial = ['210000000001'];
  // 404 until the catalog has read the example Group from its file.
  await expect.poll(live.accountsOfPlatform, { timeout: 60_000 }).not.toBe(404);
  if (
    JSON.stringify(await live.accountsOfPlatform()) !== JSON.stringify(initial)
  ) {
    await live.sqs.send(
      new SendMessageCommand({
        QueueUrl: live.queueUrl,
        MessageBody: assignmentEvent('CreateAccountAssignment', '210000000001'),
      }),
    );
  }
  await expect
    .poll(live.accountsOfPlatform, { timeout: 60_000 })
    .toEqual(initial);
  await expect
    .poll(() => queueDepth(live.sqs, live.queueUrl), { timeout: 60_000 })
    .toBe(0);
}

export const test = base.extend<
  { liveEvents: LiveEventsBackend },
  {
    deniedGuestBackend: BackendInstance;
    sharedLiveEvents: LiveEventsBackend;
  }
>({
  deniedGuestBackend: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const backend = BackendInstance.start(7301, DENIED_GUEST_OVERLAY);
      try {
        await backend.waitUntilHealthy();
        await use(backend);
      } finally {
        backend.kill();
      }
    },
    { scope: 'worker', timeout: 180_000 },
  ],
  sharedLiveEvents: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => startLiveEventsBackend(use),
    { scope: 'worker', timeout: 180_000 },
  ],
  // Each test gets the shared live backend as it started.
  liveEvents: async ({ sharedLiveEvents }, use) => {
    await resetLiveEventsBackend(sharedLiveEvents);
    await use(sharedLiveEvents);
  },
});
