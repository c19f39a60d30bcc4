import { expect, test } from '@playwright/test';
import { signInAsGuest } from './signIn';

test("a Component's AWS tab shows its owner's accounts, narrowed by annotation", async ({
  page,
}) => {
  await signInAsGuest(page);
  await page.goto('/catalog/default/component/payment-gateway/aws-access');
  await expect(
    page.getByRole('region', { name: 'Account payments-prod (605112784586)' }),
  ).toBeVisible();
  await expect(
    page.getByRole('region', { name: 'Account payments-test (605112784419)' }),
  ).toBeVisible();
  await expect(page.getByText('Account 605112784302')).toHaveCount(0);
});
