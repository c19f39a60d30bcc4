import { Browser, expect, Page, test } from '@playwright/test';
import { FakeIdentityCenter, FakeOrg } from '@aws-access/fake-identity-center';
import {
  identityCenterOverlay,
  temporaryAccessOverlay,
} from '../support/backendOverlays';
import { BackendInstance } from '../support/backendInstance';
import { waitForCatalogUsers } from '../support/catalogUsers';
import {
  routeSignalsToBackend,
  routeToBackend,
} from '../support/routeToBackend';
import { SwitchableGuest } from '../support/switchableGuest';
import { signInAsGuest } from '../tests/signIn';

/*
 * The README's pictures of temporary access. The example portal's organisation is static
 * and cannot grant anything, so this starts a backend of its own on a fake Identity Center
 * with a temporary-access policy (as e2e/tests/temporaryAccess.spec.ts does) and gives it
 * some history through the API: Kari Berg (Payments) holds an analytics role that Ola
 * Hansen (Data) approved, the guest holds a Payments read-only role Kari approved after
 * Ola denied a stronger one. Ingrid Nordmann then asks for a Payments role in the dialog
 * (the first picture), and Kari's Requests view shows it to approve (the second).
 */

const docs = `${__dirname}/../../docs`;
const PORT = 7371;

const INSTANCE = 'arn:aws:sso:::instance/ssoins-5c00000000000000';
const psArn = (n: number) =>
  `arn:aws:sso:::permissionSet/ssoins-5c00000000000000/ps-5c0000000000000${n}`;
const CHECKOUT = { id: '230000000001', name: 'checkout-prod' };
const ANALYTICS = { id: '230000000002', name: 'analytics-prod' };

const GUEST = 'user:default/guest';
const KARI = 'user:default/kari.berg';
const OLA = 'user:default/ola.hansen';
const INGRID = 'user:default/ingrid.nordmann';

const person = (name: string) => ({
  id: `u-5c00-${name.split('.')[0]}`,
  userName: `${name}@example.org`,
  emails: [`${name}@example.org`],
});

/** Payments holds the checkout roles, Data the analytics one (groups matched by name). */
const org: FakeOrg = {
  instanceArn: INSTANCE,
  identityStoreId: 'd-5c00000000',
  accounts: [
    { ...CHECKOUT, email: 'checkout-prod@example.org' },
    { ...ANALYTICS, email: 'analytics-prod@example.org' },
  ],
  permissionSets: [
    { arn: psArn(1), name: 'CheckoutOperator', sessionDuration: 'PT1H' },
    { arn: psArn(2), name: 'CheckoutReadOnly', sessionDuration: 'PT4H' },
    { arn: psArn(3), name: 'DataReader', sessionDuration: 'PT8H' },
  ],
  groups: [
    { id: 'g-payments', displayName: 'payments' },
    { id: 'g-data', displayName: 'data' },
  ],
  // The guest has no email in the catalog; the backend finds them by user name.
  users: [
    { id: 'u-5c00-guest', userName: 'guest' },
    person('kari.berg'),
    person('ola.hansen'),
    person('ingrid.nordmann'),
  ],
  assignments: [
    [CHECKOUT.id, psArn(1), 'g-payments'],
    [CHECKOUT.id, psArn(2), 'g-payments'],
    [ANALYTICS.id, psArn(3), 'g-data'],
  ].map(([accountId, permissionSetArn, principalId]) => ({
    accountId,
    permissionSetArn,
    principalType: 'GROUP' as const,
    principalId,
  })),
};

/** A call to the backend's AWS Access API as `token`'s user; fails on any error. */
async function callApi<T>(
  backend: BackendInstance,
  token: string,
  path: string,
  body?: object,
): Promise<T> {
  const res = await fetch(`${backend.baseUrl}/api/aws-access${path}`, {
    method: body ? 'POST' : 'GET',
    headers: {
      authorization: `Bearer ${token}`,
      ...(body && { 'content-type': 'application/json' }),
    },
    body: body && JSON.stringify(body),
  });
  if (!res.ok) {
    throw new Error(`${path}: ${res.status} ${await res.text()}`);
  }
  return (await res.json()) as T;
}

/** How much of the page's scrolling area lies below the viewport, in pixels. */
function hiddenBelow(page: Page): Promise<number> {
  return page.evaluate(() =>
    Math.max(
      0,
      ...[...document.querySelectorAll('*')]
        .filter(e => /auto|scroll/.test(getComputedStyle(e).overflowY))
        .map(e => e.scrollHeight - e.clientHeight),
    ),
  );
}

type Grant = { id: string; state: string };

/** Asks for `role` in `account` as `token`'s user; returns the grant's id. */
async function request(
  backend: BackendInstance,
  token: string,
  account: { id: string },
  role: string,
  durationMinutes: number,
  reason: string,
) {
  const grant = await callApi<Grant>(backend, token, '/access-grants', {
    accountId: account.id,
    role,
    durationMinutes,
    reason,
  });
  return grant.id;
}

/** Waits until the requester sees grant `id` active (assigned in Identity Center). */
async function waitUntilActive(
  backend: BackendInstance,
  token: string,
  id: string,
) {
  await expect
    .poll(
      async () =>
        (
          await callApi<{ grants: Grant[] }>(backend, token, '/access-grants')
        ).grants.find(g => g.id === id)?.state,
      { timeout: 60_000 },
    )
    .toBe('active');
}

test.describe('temporary access', () => {
  test.setTimeout(360_000);
  let fake: FakeIdentityCenter | undefined;
  let backend: BackendInstance | undefined;
  const cleanups: Array<() => unknown> = [];

  test.afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
    backend?.kill();
    await fake?.stop();
  });

  /** A page of a new context signed in as the guest provider's current user. */
  async function pageAs(browser: Browser, token: string) {
    const context = await browser.newContext();
    cleanups.push(() => context.close());
    const page = await context.newPage();
    await routeToBackend(page, backend!, { token });
    cleanups.push(await routeSignalsToBackend(page, backend!, token));
    await signInAsGuest(page);
    return page;
  }

  test('the request dialog, and the Requests view of an approver', async ({
    browser,
  }) => {
    fake = await FakeIdentityCenter.start(structuredClone(org));
    const guest = new SwitchableGuest(KARI);
    backend = BackendInstance.start(
      PORT,
      identityCenterOverlay(fake.url, {
        instance: {
          instanceArn: INSTANCE,
          identityStoreId: org.identityStoreId,
        },
        schedule:
          '{ frequency: { hours: 6 }, timeout: { minutes: 5 }, initialDelay: { seconds: 0 } }',
      }),
      temporaryAccessOverlay([
        { name: 'CheckoutOperator', maxDurationMinutes: 240 },
        { name: 'CheckoutReadOnly' },
        { name: 'DataReader', maxDurationMinutes: 480 },
      ]),
      guest.overlay,
    );
    await backend.waitUntilHealthy();
    await waitForCatalogUsers(
      backend,
      [GUEST, KARI, OLA, INGRID].map(ref => ref.replace('user:default/', '')),
    );

    const olaToken = await guest.tokenOf(backend, OLA);
    const guestToken = await guest.tokenOf(backend, GUEST);
    const kariToken = await guest.tokenOf(backend, KARI);

    await test.step('history: an approval to Kari, a denial and an approval to the guest', async () => {
      const kariRead = await request(
        backend!,
        kariToken,
        ANALYTICS,
        'DataReader',
        120,
        'Check the settlement report against the ledger',
      );
      await callApi(
        backend!,
        olaToken,
        `/access-grants/${kariRead}/approve`,
        {},
      );
      const guestOperator = await request(
        backend!,
        guestToken,
        CHECKOUT,
        'CheckoutOperator',
        15,
        'Read the checkout logs for INC-4821',
      );
      await callApi(
        backend!,
        olaToken,
        `/access-grants/${guestOperator}/deny`,
        {
          reason: 'CheckoutReadOnly has the logs',
        },
      );
      const guestRead = await request(
        backend!,
        guestToken,
        CHECKOUT,
        'CheckoutReadOnly',
        60,
        'Read the checkout logs for INC-4821',
      );
      await callApi(
        backend!,
        kariToken,
        `/access-grants/${guestRead}/approve`,
        {},
      );
      await waitUntilActive(backend!, kariToken, kariRead);
      await waitUntilActive(backend!, guestToken, guestRead);
    });

    await test.step('Ingrid asks for a Payments role in the dialog', async () => {
      const page = await pageAs(browser, await guest.tokenOf(backend!, INGRID));
      await page.goto('/aws-access?team=group%3Adefault%2Fpayments');
      const card = page.getByRole('region', {
        name: `Account ${CHECKOUT.name} (${CHECKOUT.id})`,
      });
      await card
        .getByRole('button', {
          name: `Request temporary access: CheckoutOperator in ${CHECKOUT.name}`,
        })
        .click({ timeout: 60_000 });
      const dialog = page.getByRole('dialog', {
        name: 'Request temporary access',
      });
      await dialog
        .getByRole('combobox', { name: 'Duration' })
        .selectOption({ label: '4 hours' });
      await dialog
        .getByRole('textbox', { name: 'Reason' })
        .fill('Replay the refunds that failed in INC-4821');
      // The page behind as it opened, not scrolled down to the card.
      await page.evaluate(() =>
        document.querySelectorAll('*').forEach(element => {
          if (!element.closest('[role=dialog]')) element.scrollTop = 0;
        }),
      );
      // Animations finished: the reason's label has moved onto the outline.
      await page.screenshot({
        path: `${docs}/aws-access-request-dialog.png`,
        animations: 'disabled',
      });
      await dialog
        .getByRole('button', { name: 'Request', exact: true })
        .click();
      await expect(dialog.getByRole('status')).toContainText(
        'waiting for approval',
      );
    });

    await test.step("Kari's Requests view: one to approve, her own, her team's", async () => {
      const page = await pageAs(browser, await guest.tokenOf(backend!, KARI));
      await page.goto('/aws-access/requests');
      const toApprove = page.getByRole('table', { name: 'To approve' });
      await expect(toApprove.getByRole('row')).toHaveCount(2, {
        timeout: 30_000,
      });
      await expect(toApprove).toContainText('Ingrid Nordmann');
      await expect(
        page.getByRole('table', { name: 'My requests' }),
      ).toContainText('left');
      const others = page.getByRole('table', {
        name: 'Other requests to your teams',
      });
      await expect(others.getByRole('row')).toHaveCount(3);
      await expect(others).toContainText('left');
      await expect(others).toContainText('Guest');
      await expect(others).toContainText('CheckoutReadOnly has the logs');
      // The whole view: the page scrolls inside Backstage's layout, not the document.
      const { width, height } = page.viewportSize()!;
      await page.setViewportSize({
        width,
        height: height + (await hiddenBelow(page)),
      });
      await page.screenshot({
        path: `${docs}/aws-access-requests.png`,
        animations: 'disabled',
      });
    });
  });
});
