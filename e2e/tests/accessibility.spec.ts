import { BrowserContext, expect, Page, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from '../support/axe';
import { signInAsGuest } from './signIn';

/*
 * axe on every view of the plugin the example portal shows, one signed-in page shared by
 * all of them. The views that need another backend (a large team, request links, stale
 * data) are checked in accessibilityIdentityCenter.spec.ts, the 403 in
 * permissionDenied.spec.ts.
 */

const paymentsPage = '/aws-access?team=group%3Adefault%2Fpayments';
let context: BrowserContext;
let page: Page;

test.beforeAll(async ({ browser }) => {
  // axe opens its own page in the same context: the context must be the test's own.
  context = await browser.newContext();
  page = await context.newPage();
  await signInAsGuest(page);
});
test.afterAll(() => context?.close());

test('the AWS Access page: My access, with account search hits', async () => {
  await page.goto('/aws-access');
  await expect(
    page.getByRole('heading', { name: 'My AWS access' }),
  ).toBeVisible();
  await expect(page.getByText('Account 318204556245')).toBeVisible();
  await page
    .getByRole('textbox', { name: 'Find an AWS account' })
    .fill('payments');
  await expect(
    page.getByRole('list', { name: 'Matching accounts' }),
  ).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'My access');
});

test("a team's page with the ask controls, the checklist and troubleshooting", async () => {
  await page.goto(paymentsPage);
  await expect(
    page.getByRole('button', { name: /^Ask Payments for/ }).first(),
  ).toBeVisible();
  await expect(page.getByText('Onboarding checklist')).toBeVisible();
  await expect(page.getByText('Troubleshooting')).toBeVisible();
  await page
    .getByRole('button', { name: /CLI steps for payments-dev-PowerUserAccess/ })
    .click();
  await expect(
    page.getByRole('table', {
      name: 'aws configure sso answers for payments-dev-PowerUserAccess',
    }),
  ).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'a team');
});

// The environment filter is the same component; the keyboard test opens it too.
test('the filters, open', async () => {
  await page.goto(paymentsPage);
  await page.getByRole('button', { name: /^Role/ }).click();
  await expect(page.getByRole('option', { name: 'All roles' })).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'role filter open');
  await page.keyboard.press('Escape');
});

test('the setup dialog', async () => {
  await page.goto(paymentsPage);
  await page.getByRole('button', { name: 'Set up this machine' }).click();
  await expect(
    page.getByRole('dialog', { name: 'Set up this machine' }),
  ).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'setup dialog');
});

test('a team without accounts', async () => {
  await page.goto('/aws-access?team=group%3Adefault%2Fguests');
  await expect(
    page.getByText("No AWS accounts found for 'group:default/guests'"),
  ).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'no accounts');
});

test('the account page and an unknown account', async () => {
  await page.goto('/aws-access/accounts/605112784586');
  await expect(
    page.getByRole('table', { name: 'Who holds roles here' }),
  ).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'account page');
  await page.goto('/aws-access/accounts/999999999999');
  await expect(
    page.getByText('No account "999999999999" in IAM Identity Center'),
  ).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'unknown account');
});

test('the entity tab, the account tab of a Resource and the card', async () => {
  await page.goto('/catalog/default/component/payment-gateway/aws-access');
  await expect(
    page.getByRole('region', { name: 'Account payments-prod (605112784586)' }),
  ).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'entity tab');
  await page.goto('/catalog/default/resource/payments-prod-account/aws-access');
  await expect(
    page.getByRole('table', { name: 'Access to account 605112784586' }),
  ).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'account Resource tab');
  await page.goto('/catalog/default/group/payments');
  await expect(page.getByText('AWS accounts', { exact: true })).toBeVisible();
  await expect(page.getByText('payments-prod (605112784586)')).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'entity card');
});

test('the search result item', async () => {
  const hit = page.getByRole('link', { name: 'payments-prod', exact: true });
  // The collators index a few seconds after the backend starts.
  await expect(async () => {
    await page.goto('/search?query=605112784586');
    await expect(hit).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await expectNoSeriousA11yViolations(page, 'search result', {
    listitem:
      "Backstage's search page (new frontend system) puts each result's <li> in a <div>, not a list",
  });
});
