import { expect } from '@playwright/test';
import {
  SendMessageBatchCommand,
  SendMessageCommand,
} from '@aws-sdk/client-sqs';
import { PS, assignmentEvent, queueDepth } from '../support/liveEvents';
import { test } from '../support/sharedBackends';

/*
 * The example backend with events on: Backstage's own SQS events module polls a queue on
 * the SQS-compatible server the test command starts (fauxqs), the plugin reads the
 * changes from the fake Identity Center with the real SDK, and the API shows them. The
 * backend is shared with liveSignals.spec.ts (support/sharedBackends.ts): each test gets
 * it back at the example organisation, and counts what this test sent from there.
 */

test.describe('Identity Center changes through Amazon SQS', () => {
  test.setTimeout(300_000);

  test('an event on the queue changes the API; hostile messages do not stop it', async ({
    liveEvents,
  }) => {
    const { sqs, fake, queueUrl, deadLetterQueueUrl, accountsOfPlatform } =
      liveEvents;
    await expect
      .poll(accountsOfPlatform, { timeout: 60_000 })
      .toEqual(['210000000001']);
    const depth = (url: string) => queueDepth(sqs, url);
    const before = await liveEvents.status();
    const deadLettersBefore = await depth(deadLetterQueueUrl);

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
    expect(await depth(deadLetterQueueUrl)).toBe(deadLettersBefore + 2);

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
    expect(await depth(deadLetterQueueUrl)).toBe(deadLettersBefore + 2);

    const status = await liveEvents.status();
    expect(status.stale).toBe(false);
    expect((status.eventsReceived ?? 0) - (before.eventsReceived ?? 0)).toBe(
      2003,
    );
    expect(
      (status.eventsIgnored?.otherInstance ?? 0) -
        (before.eventsIgnored?.otherInstance ?? 0),
    ).toBe(1);
    expect(status.organizations[0].lastChangeLagMs).toEqual(expect.any(Number));
  });
});
