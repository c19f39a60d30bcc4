import { expect } from '@playwright/test';
import { SendMessageCommand } from '@aws-sdk/client-sqs';
import {
  routeSignalsToBackend,
  routeToBackend,
} from '../support/routeToBackend';
import { PS, assignmentEvent } from '../support/liveEvents';
import { test } from '../support/sharedBackends';
import { signInAsGuest } from './signIn';

/*
 * An open AWS Access page follows Identity Center: the app on :3000 talks to a second
 * backend with events on for everything AWS Access (its API and its signals), and a
 * change sent through SQS appears on the page, and a removed role disappears, without a
 * reload. The backend is shared with liveEvents.spec.ts (support/sharedBackends.ts) and
 * handed to this test at the example organisation.
 */

test.describe('an open page updates itself', () => {
  test.setTimeout(300_000);
  let closeSignals: (() => void) | undefined;

  test.afterAll(() => closeSignals?.());

  test('a role granted in Identity Center appears on the open page', async ({
    page,
    liveEvents,
  }) => {
    const { sqs, fake, queueUrl, backend, token } = liveEvents;

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
