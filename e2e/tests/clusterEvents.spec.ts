import { expect, test } from '@playwright/test';
import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { FakeIdentityCenter } from '@aws-access/fake-identity-center';
import { BackendInstance } from '../support/backendInstance';
import { FakeOrg } from '@aws-access/fake-identity-center';
import {
  organizationsOverlay,
  postgresOverlay,
  sqsEventsOverlay,
} from '../support/backendOverlays';
import {
  PS,
  assignmentEvent,
  assignmentEventBody,
  createQueue,
  org,
} from '../support/liveEvents';

/*
 * Two backend instances on one PostgreSQL database with two organisations and events on,
 * polling one queue: each change is read and written once, by the organisation whose
 * instance it names, both instances serve it, and killing the instance while it applies
 * a change loses nothing once the next event arrives.
 */

/** A second organisation: its own instance and account, the same group name. */
const SANDBOX_INSTANCE = 'arn:aws:sso:::instance/ssoins-5a5d5a5d5a5d5a5d';
const SANDBOX_PS = `${SANDBOX_INSTANCE.replace(
  'instance',
  'permissionSet',
)}/ps-2222`;
const sandboxOrg: FakeOrg = {
  instanceArn: SANDBOX_INSTANCE,
  identityStoreId: 'd-5a5d5a5d5a',
  accounts: [
    { id: '220000000001', name: 'live-dev', email: 'sb-dev@example.org' },
    { id: '220000000002', name: 'live-prod', email: 'sb-prod@example.org' },
  ],
  permissionSets: [{ arn: SANDBOX_PS, name: 'LiveOperator' }],
  groups: [{ id: 'g-platform-sandbox', displayName: 'aws-platform-team' }],
  assignments: [
    {
      accountId: '220000000001',
      permissionSetArn: SANDBOX_PS,
      principalType: 'GROUP',
      principalId: 'g-platform-sandbox',
    },
  ],
};

const sqsUrl = process.env.AWS_ACCESS_TEST_SQS_URL;
const postgresUrl = process.env.AWS_ACCESS_TEST_POSTGRES_URL;
const prefix = `awsaccess_events_${Date.now()}_`;
const KEYS = ['AKIAEVENTSA', 'AKIAEVENTSB'];

test.describe('two instances with events on', () => {
  test.setTimeout(480_000);
  let fake: FakeIdentityCenter;
  let sandbox: FakeIdentityCenter;
  let instances: BackendInstance[] = [];

  test.afterAll(async () => {
    instances.forEach(i => i.kill());
    await fake?.stop();
    await sandbox?.stop();
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
    sandbox = await FakeIdentityCenter.start(structuredClone(sandboxOrg));
    const overlays = (key: string) => [
      postgresOverlay(postgresUrl!, prefix),
      organizationsOverlay(
        [
          { id: 'prod', title: 'Production', fakeUrl: fake.url },
          { id: 'sandbox', title: 'Sandbox', fakeUrl: sandbox.url },
        ],
        {
          accessKeyId: key,
          maxAttempts: 2,
          schedule:
            '{ frequency: { hours: 6 }, timeout: { minutes: 5 }, initialDelay: { seconds: 0 } }',
          // One queue, one topic: events find their organisation by instance.
          events: '{ enabled: true, settleMilliseconds: 500 }',
        },
      ),
      sqsEventsOverlay(queueUrl, sqsUrl!),
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
      const body = (await res.json()) as {
        accounts: Array<{ id: string; organization: string }>;
      };
      return body.accounts.map(a => `${a.organization}:${a.id}`).sort();
    };
    const listingsOf = (of: FakeIdentityCenter, since: number) =>
      of.log.filter(
        e =>
          e.operation === 'ListAccountAssignmentsForPrincipal' && e.at >= since,
      );
    const listings = (since: number) => listingsOf(fake, since);
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
    // The same group name in both organisations: the team has the accounts of each.
    for (const i of [0, 1]) {
      await expect
        .poll(() => accountsOn(i), { timeout: 60_000 })
        .toEqual(['prod:210000000001', 'sandbox:220000000001']);
    }

    // One change: one listing, by one instance, of its own organisation only; both serve it.
    const first = Date.now();
    grant('210000000002');
    await send('210000000002');
    for (const i of [0, 1]) {
      await expect
        .poll(() => accountsOn(i), { timeout: 60_000 })
        .toEqual([
          'prod:210000000001',
          'prod:210000000002',
          'sandbox:220000000001',
        ]);
    }
    // A change in the other organisation, on the same queue.
    sandbox.org.assignments.push({
      accountId: '220000000002',
      permissionSetArn: SANDBOX_PS,
      principalType: 'GROUP',
      principalId: 'g-platform-sandbox',
    });
    await sqs.send(
      new SendMessageCommand({
        QueueUrl: queueUrl,
        MessageBody: assignmentEventBody('CreateAccountAssignment', {
          instanceArn: SANDBOX_INSTANCE,
          accountId: '220000000002',
          permissionSetArn: SANDBOX_PS,
          principalId: 'g-platform-sandbox',
        }),
      }),
    );
    for (const i of [0, 1]) {
      await expect
        .poll(() => accountsOn(i), { timeout: 60_000 })
        .toEqual([
          'prod:210000000001',
          'prod:210000000002',
          'sandbox:220000000001',
          'sandbox:220000000002',
        ]);
    }
    await new Promise(r => setTimeout(r, 3000));
    expect(listings(first)).toHaveLength(1);
    expect(listingsOf(sandbox, first)).toHaveLength(1);

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
      'prod:210000000001',
      'prod:210000000002',
      'sandbox:220000000001',
      'sandbox:220000000002',
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
      .toEqual([
        'prod:210000000001',
        'prod:210000000003',
        'sandbox:220000000001',
        'sandbox:220000000002',
      ]);
  });
});
