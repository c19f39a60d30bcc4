import { expect, test } from '@playwright/test';
import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { FakeIdentityCenter } from '@aws-access/fake-identity-center';
import { BackendInstance } from '../support/backendInstance';
import { postgresOverlay } from '../support/backendOverlays';
import {
  PS,
  assignmentEvent,
  createQueue,
  liveOverlays,
  org,
} from '../support/liveEvents';

/*
 * Two backend instances on one PostgreSQL database with events on, polling one queue:
 * each change is read and written once, both instances serve it, and killing the
 * instance while it applies a change loses nothing once the next event arrives.
 */

const sqsUrl = process.env.AWS_ACCESS_TEST_SQS_URL;
const postgresUrl = process.env.AWS_ACCESS_TEST_POSTGRES_URL;
const prefix = `awsaccess_events_${Date.now()}_`;
const KEYS = ['AKIAEVENTSA', 'AKIAEVENTSB'];

test.describe('two instances with events on', () => {
  test.setTimeout(480_000);
  let fake: FakeIdentityCenter;
  let instances: BackendInstance[] = [];

  test.afterAll(async () => {
    instances.forEach(i => i.kill());
    await fake?.stop();
  });

  test('apply each change once, serve it on both, lose nothing to a kill', async () => {
    expect(sqsUrl, 'set by scripts/test.sh').toBeTruthy();
    expect(postgresUrl, 'set by scripts/test.sh').toBeTruthy();
    process.env.AWS_ACCESS_KEY_ID = 'AKIAFAKESQS';
    process.env.AWS_SECRET_ACCESS_KEY = 'fake';
    const sqs = new SQSClient({ region: 'eu-north-1', endpoint: sqsUrl });
    const { queueUrl } = await createQueue(
      sqs,
      `aws-access-cluster-${Date.now()}`,
    );
    fake = await FakeIdentityCenter.start(structuredClone(org));
    const overlays = (key: string) => [
      postgresOverlay(postgresUrl!, prefix),
      ...liveOverlays(fake.url, queueUrl, sqsUrl!, key),
    ];
    // One after the other: the first creates the databases, the second joins them.
    instances = [BackendInstance.start(7231, ...overlays(KEYS[0]))];
    await instances[0].waitUntilHealthy();
    instances.push(BackendInstance.start(7232, ...overlays(KEYS[1])));
    await instances[1].waitUntilHealthy();
    const tokens = await Promise.all(instances.map(i => i.guestToken()));
    const accountsOn = async (i: number) => {
      const res = await fetch(
        `${instances[i].baseUrl}/api/aws-access/entities/group/default/platform/accounts`,
        { headers: { authorization: `Bearer ${tokens[i]}` } },
      );
      if (res.status === 404) return [];
      expect(res.status).toBe(200);
      const body = (await res.json()) as { accounts: Array<{ id: string }> };
      return body.accounts.map(a => a.id).sort();
    };
    const listings = (since: number) =>
      fake.log.filter(
        e =>
          e.operation === 'ListAccountAssignmentsForPrincipal' && e.at >= since,
      );
    const grant = (accountId: string) =>
      fake.org.assignments.push({
        accountId,
        permissionSetArn: PS,
        principalType: 'GROUP',
        principalId: 'g-platform',
      });
    const send = (accountId: string) =>
      sqs.send(
        new SendMessageCommand({
          QueueUrl: queueUrl,
          MessageBody: assignmentEvent('CreateAccountAssignment', accountId),
        }),
      );
    for (const i of [0, 1]) {
      await expect
        .poll(() => accountsOn(i), { timeout: 60_000 })
        .toEqual(['210000000001']);
    }

    // One change: one listing, by one instance, and both serve it.
    const first = Date.now();
    grant('210000000002');
    await send('210000000002');
    for (const i of [0, 1]) {
      await expect
        .poll(() => accountsOn(i), { timeout: 60_000 })
        .toEqual(['210000000001', '210000000002']);
    }
    await new Promise(r => setTimeout(r, 3000));
    expect(listings(first)).toHaveLength(1);

    // Kill the instance while it reads the next change; the next event repairs it.
    fake.behaviour = { latencyMs: 5000 };
    const second = Date.now();
    grant('210000000003');
    await send('210000000003');
    await expect
      .poll(() => listings(second).length, { timeout: 60_000 })
      .toBeGreaterThan(0);
    const victim = KEYS.indexOf(listings(second)[0].accessKeyId);
    const survivor = 1 - victim;
    instances[victim].kill();
    fake.behaviour = {};
    expect(await accountsOn(survivor)).toEqual([
      '210000000001',
      '210000000002',
    ]);
    // The next event, another change of the same group, brings the lost one along.
    fake.org.assignments = fake.org.assignments.filter(
      a => a.accountId !== '210000000002',
    );
    await sqs.send(
      new SendMessageCommand({
        QueueUrl: queueUrl,
        MessageBody: assignmentEvent('DeleteAccountAssignment', '210000000002'),
      }),
    );
    await expect
      .poll(() => accountsOn(survivor), { timeout: 60_000 })
      .toEqual(['210000000001', '210000000003']);
  });
});
