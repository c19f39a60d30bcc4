import { expect, test } from '@playwright/test';
import {
  SendMessageBatchCommand,
  SendMessageCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import { FakeIdentityCenter } from '@aws-access/fake-identity-center';
import { BackendInstance } from '../support/backendInstance';
import {
  PS,
  assignmentEvent,
  createQueue,
  liveOverlays,
  org,
  queueDepth,
} from '../support/liveEvents';

/*
 * The example backend with events on: Backstage's own SQS events module polls a queue on
 * the SQS-compatible server the test command starts (fauxqs), the plugin reads the
 * changes from the fake Identity Center with the real SDK, and the API shows them.
 */

const sqsUrl = process.env.AWS_ACCESS_TEST_SQS_URL;
const PORT = 7211;
test.describe('Identity Center changes through Amazon SQS', () => {
  test.setTimeout(300_000);
  let fake: FakeIdentityCenter;
  let backend: BackendInstance | undefined;

  test.afterAll(async () => {
    backend?.kill();
    await fake?.stop();
  });

  test('an event on the queue changes the API; hostile messages do not stop it', async () => {
    expect(
      sqsUrl,
      'AWS_ACCESS_TEST_SQS_URL is set by scripts/test.sh',
    ).toBeTruthy();
    // The SQS module's client and this one take credentials from the environment.
    process.env.AWS_ACCESS_KEY_ID = 'AKIAFAKESQS';
    process.env.AWS_SECRET_ACCESS_KEY = 'fake';
    const sqs = new SQSClient({ region: 'eu-north-1', endpoint: sqsUrl });
    const name = `aws-access-e2e-${Date.now()}`;
    const { queueUrl, deadLetterQueueUrl } = await createQueue(sqs, name);

    fake = await FakeIdentityCenter.start(structuredClone(org));
    backend = BackendInstance.start(
      PORT,
      ...liveOverlays(fake.url, queueUrl, sqsUrl!),
    );
    await backend.waitUntilHealthy();
    const token = await backend.guestToken();
    const accountsOfPlatform = async () => {
      const res = await fetch(
        `${
          backend!.baseUrl
        }/api/aws-access/entities/group/default/platform/accounts`,
        { headers: { authorization: `Bearer ${token}` } },
      );
      // 404 until the catalog has read the example Group from its file.
      if (res.status === 404) return res.status;
      expect(res.status).toBe(200);
      const body = (await res.json()) as { accounts: Array<{ id: string }> };
      return body.accounts.map(a => a.id).sort();
    };
    await expect
      .poll(accountsOfPlatform, { timeout: 60_000 })
      .toEqual(['210000000001']);

    // A team lead grants access in Identity Center; AWS puts the event on the queue.
    fake.org.assignments.push({
      accountId: '210000000002',
      permissionSetArn: PS,
      principalType: 'GROUP',
      principalId: 'g-platform',
    });
    await sqs.send(
      new SendMessageCommand({
        QueueUrl: queueUrl,
        MessageBody: assignmentEvent('CreateAccountAssignment', '210000000002'),
      }),
    );
    await expect
      .poll(accountsOfPlatform, { timeout: 60_000 })
      .toEqual(['210000000001', '210000000002']);

    const depth = (url: string) => queueDepth(sqs, url);

    // Bodies that are not JSON (one truncated mid-record): the SQS module cannot parse
    // them, leaves them on the queue, and the redrive policy moves them aside.
    for (const body of [
      'this is not JSON {',
      assignmentEvent('CreateAccountAssignment', '210000000003').slice(0, 180),
    ]) {
      await sqs.send(
        new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: body }),
      );
    }
    await expect.poll(() => depth(queueUrl), { timeout: 60_000 }).toBe(0);
    expect(await depth(deadLetterQueueUrl)).toBe(2);

    // Another instance's event and the same event 2,000 times; then one more real
    // change must still arrive.
    await sqs.send(
      new SendMessageCommand({
        QueueUrl: queueUrl,
        MessageBody: assignmentEvent(
          'CreateAccountAssignment',
          '210000000003',
          'arn:aws:sso:::instance/ssoins-0000000000000000',
        ),
      }),
    );
    const duplicate = assignmentEvent(
      'CreateAccountAssignment',
      '210000000002',
    );
    for (let batch = 0; batch < 200; batch++) {
      await sqs.send(
        new SendMessageBatchCommand({
          QueueUrl: queueUrl,
          Entries: Array.from({ length: 10 }, (_, i) => ({
            Id: String(i),
            MessageBody: duplicate,
          })),
        }),
      );
    }
    fake.org.assignments = fake.org.assignments.filter(
      a => a.accountId !== '210000000001',
    );
    await sqs.send(
      new SendMessageCommand({
        QueueUrl: queueUrl,
        MessageBody: assignmentEvent('DeleteAccountAssignment', '210000000001'),
      }),
    );
    await expect
      .poll(accountsOfPlatform, { timeout: 120_000 })
      .toEqual(['210000000002']);
    await expect.poll(() => depth(queueUrl), { timeout: 60_000 }).toBe(0);
    expect(await depth(deadLetterQueueUrl)).toBe(2);

    const status = (await (
      await fetch(`${backend.baseUrl}/api/aws-access/status`, {
        headers: { authorization: `Bearer ${token}` },
      })
    ).json()) as Record<string, unknown>;
    expect(status.stale).toBe(false);
    expect(status.eventsReceived).toBe(2003);
    expect(status.eventsIgnored).toMatchObject({ otherInstance: 1 });
    expect(status.lastChangeLagMs).toEqual(expect.any(Number));
  });
});
