import { expect, test } from '@playwright/test';
import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { FakeIdentityCenter } from '@aws-access/fake-identity-center';
import { BackendInstance } from '../support/backendInstance';
import {
  routeSignalsToBackend,
  routeToBackend,
} from '../support/routeToBackend';
import {
  PS,
  assignmentEvent,
  createQueue,
  liveOverlays,
  org,
} from '../support/liveEvents';
import { signInAsGuest } from './signIn';

/*
 * An open AWS Access page follows Identity Center: the app on :3000 talks to a second
 * backend with events on for everything AWS Access (its API and its signals), and a
 * change sent through SQS appears on the page, and a removed role disappears, without a
 * reload.
 */

const sqsUrl = process.env.AWS_ACCESS_TEST_SQS_URL;
const PORT = 7212;

test.describe('an open page updates itself', () => {
  test.setTimeout(300_000);
  let fake: FakeIdentityCenter;
  let backend: BackendInstance | undefined;
  let closeSignals: (() => void) | undefined;

  test.afterAll(async () => {
    closeSignals?.();
    backend?.kill();
    await fake?.stop();
  });

  test('a role granted in Identity Center appears on the open page', async ({
    page,
  }) => {
    expect(
      sqsUrl,
      'AWS_ACCESS_TEST_SQS_URL is set by scripts/test.sh',
    ).toBeTruthy();
    process.env.AWS_ACCESS_KEY_ID = 'AKIAFAKESQS';
    process.env.AWS_SECRET_ACCESS_KEY = 'fake';
    const sqs = new SQSClient({ region: 'eu-north-1', endpoint: sqsUrl });
    const { queueUrl } = await createQueue(
      sqs,
      `aws-access-page-${Date.now()}`,
    );
    fake = await FakeIdentityCenter.start(structuredClone(org));
    backend = BackendInstance.start(
      PORT,
      ...liveOverlays(fake.url, queueUrl, sqsUrl!),
    );
    await backend.waitUntilHealthy();
    const token = await backend.guestToken();

    // The app's AWS Access calls go to the live backend, with its guest token.
    await routeToBackend(page, backend, { path: '/api/aws-access', token });
    // So does its signals connection.
    closeSignals = await routeSignalsToBackend(page, backend, token);

    await signInAsGuest(page);
    await page.goto('/aws-access?team=group%3Adefault%2Fplatform');
    await expect(page.getByText('Account 210000000001')).toBeVisible({
      timeout: 60_000,
    });
    await expect(page.getByText('Account 210000000002')).toHaveCount(0);
    // A reload would lose this mark.
    await page.evaluate(() => {
      (window as unknown as { notReloaded: boolean }).notReloaded = true;
    });

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
    await expect(page.getByText('Account 210000000002')).toBeVisible({
      timeout: 60_000,
    });

    fake.org.assignments = fake.org.assignments.filter(
      a => a.accountId !== '210000000001',
    );
    await sqs.send(
      new SendMessageCommand({
        QueueUrl: queueUrl,
        MessageBody: assignmentEvent('DeleteAccountAssignment', '210000000001'),
      }),
    );
    await expect(page.getByText('Account 210000000001')).toHaveCount(0, {
      timeout: 60_000,
    });
    expect(
      await page.evaluate(
        () => (window as unknown as { notReloaded?: boolean }).notReloaded,
      ),
    ).toBe(true);
  });
});
