import { BrowserContext, expect, Page, test } from '@playwright/test';
import { FakeIdentityCenter, FakeOrg } from '@aws-access/fake-identity-center';
import { expectNoSeriousA11yViolations } from '../support/axe';
import { identityCenterOverlay } from '../support/backendOverlays';
import { BackendInstance } from '../support/backendInstance';
import {
  routeSignalsToBackend,
  routeToBackend,
} from '../support/routeToBackend';
import { signInAsGuest } from './signIn';

/*
 * The views only an Identity Center backend shows, on one backend for the whole file: a
 * large team (more accounts than a page shows), request links and ask buttons, a change
 * announced to screen readers after a snapshot signal, and stale data. The page's AWS
 * Access calls and its signals go to that backend with its guest token.
 */

const INSTANCE = 'arn:aws:sso:::instance/ssoins-a110000000000000';
const ps = (name: string) =>
  `arn:aws:sso:::permissionSet/ssoins-a110000000000000/ps-${name}`;
const PLATFORM_ACCOUNTS = 45;

const platformAccounts = Array.from({ length: PLATFORM_ACCOUNTS }, (_, i) => ({
  id: String(310000000000 + i),
  name: `platform-${String(i).padStart(2, '0')}`,
  email: `platform-${i}@example.org`,
}));

function grant(accountId: string, role: string, group: string) {
  return {
    accountId,
    permissionSetArn: ps(role),
    principalType: 'GROUP' as const,
    principalId: group,
  };
}

const org: FakeOrg = {
  instanceArn: INSTANCE,
  identityStoreId: 'd-a110000000',
  accounts: [
    ...platformAccounts,
    { id: '605112784302', name: 'payments-dev', email: 'pd@example.org' },
    { id: '605112784586', name: 'payments-prod', email: 'pp@example.org' },
  ],
  permissionSets: [
    { arn: ps('PowerUserAccess'), name: 'PowerUserAccess' },
    { arn: ps('ReadOnlyAccess'), name: 'ReadOnlyAccess' },
  ],
  // The example catalog's Groups "platform" (by annotation) and "payments" (by name).
  groups: [
    { id: 'g-platform', displayName: 'aws-platform-team' },
    { id: 'g-payments', displayName: 'payments' },
  ],
  assignments: [
    ...platformAccounts.map(a => grant(a.id, 'PowerUserAccess', 'g-platform')),
    grant('605112784302', 'PowerUserAccess', 'g-payments'),
    grant('605112784586', 'ReadOnlyAccess', 'g-payments'),
  ],
};

const overlays = (fakeUrl: string) => [
  identityCenterOverlay(fakeUrl, {
    maxAttempts: 1,
    instance: { instanceArn: INSTANCE, identityStoreId: org.identityStoreId },
    // Short, so that a change (and later a failure) shows within seconds.
    schedule:
      '{ frequency: { seconds: 5 }, timeout: { minutes: 1 }, initialDelay: { seconds: 0 } }',
  }),
  'awsAccess:\n  requestAccess:\n    urlTemplate: https://requests.example.org/new?account={accountId}&role={role}&group={group}\n',
];

test.describe.configure({ mode: 'serial' });

test.describe('views of an Identity Center backend', () => {
  test.setTimeout(180_000);
  let fake: FakeIdentityCenter;
  let backend: BackendInstance;
  let context: BrowserContext;
  let page: Page;
  let closeSignals: (() => void) | undefined;

  test.beforeAll(async ({ browser }) => {
    test.setTimeout(240_000);
    fake = await FakeIdentityCenter.start(structuredClone(org));
    backend = BackendInstance.start(7331, ...overlays(fake.url));
    await backend.waitUntilHealthy();
    const token = await backend.guestToken();
    context = await browser.newContext({
      permissions: ['clipboard-read', 'clipboard-write'],
    });
    page = await context.newPage();
    await routeToBackend(page, backend, { path: '/api/aws-access', token });
    closeSignals = await routeSignalsToBackend(page, backend, token);
    await signInAsGuest(page);
  });
  test.afterAll(async () => {
    closeSignals?.();
    await context?.close();
    backend?.kill();
    await fake?.stop();
  });

  test('a large team', async () => {
    await page.goto('/aws-access?team=group%3Adefault%2Fplatform');
    await expect(
      page.getByRole('button', { name: 'Show 20 more of 25 accounts' }),
    ).toBeVisible({ timeout: 60_000 });
    await expectNoSeriousA11yViolations(page, 'a large team');
  });

  test('request links and ask buttons', async () => {
    await page.goto('/aws-access?team=group%3Adefault%2Fpayments');
    await expect(
      page.getByRole('link', {
        name: 'Request access: ReadOnlyAccess in payments-prod through payments',
      }),
    ).toBeVisible();
    await expect(
      page
        .getByRole('button', {
          name: 'Ask Payments for ReadOnlyAccess in payments-prod',
        })
        .first(),
    ).toBeVisible();
    await expectNoSeriousA11yViolations(page, 'request and ask controls');
  });

  test('a change is announced in a live region, and focus stays where it was', async () => {
    await page.goto('/aws-access?team=group%3Adefault%2Fpayments');
    const copy = page.getByRole('button', {
      name: 'Copy profile payments-dev-PowerUserAccess',
    });
    await copy.focus();
    await page.keyboard.press('Enter');
    await expect(
      page.getByRole('status').filter({ hasText: 'Copied' }),
    ).toHaveCount(1);

    // Identity Center grants payments a role; the next sync signals the change.
    fake.org.assignments.push(
      grant('605112784586', 'PowerUserAccess', 'g-payments'),
    );
    await expect(
      page.getByRole('status').filter({
        hasText: 'AWS access changed; the page shows the new access now.',
      }),
    ).toHaveCount(1, { timeout: 60_000 });
    await expect(
      page.getByRole('button', {
        name: 'Copy profile payments-prod-PowerUserAccess',
      }),
    ).toBeVisible();
    await expect(copy).toBeFocused();
  });

  test('stale data', async () => {
    // Every later sync fails: the page says the data may be out of date.
    fake.behaviour = { failAfterRequests: 0 };
    const token = await backend.guestToken();
    await expect
      .poll(
        async () =>
          (
            (await (
              await fetch(`${backend.baseUrl}/api/aws-access/status`, {
                headers: { authorization: `Bearer ${token}` },
              })
            ).json()) as { stale: boolean }
          ).stale,
        { timeout: 60_000 },
      )
      .toBe(true);
    await page.goto('/aws-access?team=group%3Adefault%2Fpayments');
    await expect(
      page.getByText('AWS access data may be out of date'),
    ).toBeVisible();
    await expectNoSeriousA11yViolations(page, 'stale data');
  });
});
