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
