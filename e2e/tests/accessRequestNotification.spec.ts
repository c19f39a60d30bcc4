import { expect, test } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BackendInstance } from '../support/backendInstance';
import { routeToBackend } from '../support/routeToBackend';
import { signInAsGuest } from './signIn';

/*
 * "Ask" sends the owning team a Backstage notification. Guest sign-in is one user per
 * backend, so the requester and the team member sign in to two runs of one backend that
 * share a file-backed SQLite database: the guest (in guests and platform) asks Payments for
 * a role in payments-prod; the backend stops; it starts again on the same database with
 * Kari Berg, a member of Payments, as the guest, who finds the notification. The app on
 * :3000 has all its backend calls answered by the run of the moment.
 */

const PORT = 7321;
const PAYMENTS_PROD = '605112784586';

function overlay(databaseDir: string, guest: string) {
  return `backend:
  database:
    client: better-sqlite3
    connection: { directory: '${databaseDir}' }
auth:
  providers:
    guest:
      userEntityRef: ${guest}
awsAccess:
  requestAccess:
    notifyTeam: true
`;
}

/** Starts a run and waits until it serves AWS access and the catalog has read the org. */
async function startRun(databaseDir: string, guest: string) {
  const backend = BackendInstance.start(PORT, overlay(databaseDir, guest));
  await backend.waitUntilHealthy();
  const token = await backend.guestToken();
  await expect
    .poll(
      async () =>
        (
          await fetch(
            `${backend.baseUrl}/api/catalog/entities/by-name/group/default/payments`,
            { headers: { authorization: `Bearer ${token}` } },
          )
        ).status,
      { timeout: 120_000 },
    )
    .toBe(200);
  return backend;
}

test.describe('asking the owning team for a role', () => {
  test.setTimeout(420_000);
  let databaseDir: string;
  let backend: BackendInstance | undefined;

  test.beforeAll(() => {
    databaseDir = mkdtempSync(join(tmpdir(), 'aws-access-notify-db-'));
  });

  test.afterAll(async () => {
    await backend?.stop();
    rmSync(databaseDir, { recursive: true, force: true });
  });

  test("the team's member finds the request among their notifications", async ({
    browser,
  }) => {
    // The guest lacks every role in payments-prod and asks Payments for one.
    backend = await startRun(databaseDir, 'user:default/guest');
    const requester = await browser.newContext();
    const asking = await requester.newPage();
    await routeToBackend(asking, backend);
    await signInAsGuest(asking);
    await asking.goto(`/aws-access/accounts/${PAYMENTS_PROD}`);
    const account = asking.getByRole('region', {
      name: `Account payments-prod (${PAYMENTS_PROD})`,
    });
    const ask = account.getByRole('button', {
      name: 'Ask Payments for ReadOnlyAccess in payments-prod',
    });
    await expect(ask).toHaveText('Ask Payments');
    await ask.click();
    // Announced in a status region (the account's copy buttons have their own, empty).
    await expect(
      account.getByRole('status').filter({ hasText: 'Request sent' }),
    ).toHaveText('Request sent to Payments.');
    await requester.close();
    await backend.stop();

    // The same database, now with a member of Payments signed in.
    backend = await startRun(databaseDir, 'user:default/kari.berg');
    const member = await browser.newContext();
    const reading = await member.newPage();
    await routeToBackend(reading, backend);
    await signInAsGuest(reading);
    await reading
      .getByRole('navigation')
      .getByRole('link', { name: 'Notifications' })
      .click();
    await expect(reading).toHaveURL(/\/notifications$/);
    // The requester, the role and the account in the title; the group in the description.
    const title = `Guest asks for ReadOnlyAccess in payments-prod (${PAYMENTS_PROD})`;
    const notification = reading.getByRole('link', { name: title });
    await expect(notification).toBeVisible();
    await expect(reading.getByRole('row', { name: title })).toContainText(
      'Add Guest (user:default/guest) to the IAM Identity Center group "payments".',
    );
    await notification.click();
    await expect(reading).toHaveURL(
      new RegExp(
        `/aws-access/accounts/${PAYMENTS_PROD}\\?organization=default$`,
      ),
    );
    await expect(
      reading.getByRole('heading', {
        name: `payments-prod (${PAYMENTS_PROD})`,
      }),
    ).toBeVisible();
    await member.close();
  });
});
