import { expect, test } from '@playwright/test';
import { signInAsGuest } from '../tests/signIn';

const docs = `${__dirname}/../../docs`;

test('the AWS Access page with a team chosen', async ({ page }) => {
  await signInAsGuest(page);
  await page.goto('/aws-access?team=group%3Adefault%2Fpayments');
  await expect(page.getByText('Account 605112784586')).toBeVisible();
  await page.screenshot({
    path: `${docs}/aws-access-page.png`,
    fullPage: false,
  });
});

test('the AWS tab of a component', async ({ page }) => {
  await signInAsGuest(page);
  await page.goto('/catalog/default/component/payment-gateway/aws-access');
  await expect(page.getByText('Account 605112784586')).toBeVisible();
  await page.getByText('CLI steps for payments-prod-ReadOnlyAccess').click();
  await expect(page.getByRole('table').first()).toBeVisible();
  await page.screenshot({
    path: `${docs}/aws-access-entity-tab.png`,
    fullPage: true,
  });
});

test('an account found from the lookup box', async ({ page }) => {
  await signInAsGuest(page);
  await page.goto('/aws-access/accounts/605112784586');
  await expect(
    page.getByRole('heading', { name: 'payments-prod (605112784586)' }),
  ).toBeVisible();
  await page.screenshot({
    path: `${docs}/aws-access-account.png`,
    fullPage: false,
  });
});

test("an account in the portal's search", async ({ page }) => {
  await signInAsGuest(page);
  await expect(async () => {
    await page.goto('/search?query=payments');
    await expect(page.getByText('Teams: payments, security')).toBeVisible({
      timeout: 2_000,
    });
    // The catalog's hits sit beside the accounts once it is indexed too.
    await expect(page.getByText(/payment-gateway/i).first()).toBeVisible({
      timeout: 2_000,
    });
  }).toPass({ timeout: 30_000 });
  await page.screenshot({
    path: `${docs}/aws-access-search.png`,
    fullPage: false,
  });
});
