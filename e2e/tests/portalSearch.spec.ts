import { expect, test } from '@playwright/test';
import { signInAsGuest } from './signIn';

test("the portal's search finds an account by id and by name, and the hit leads to the account", async ({
  page,
}) => {
  await signInAsGuest(page);
  await page.goto('/search?query=605112784586');
  const hit = page.getByRole('link', { name: /payments-prod/ });
  // The collator indexes a few seconds after the backend starts.
  await expect(async () => {
    await page.reload();
    await expect(hit.first()).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  // The plugin's own result item: environment, teams and roles from the index.
  await expect(page.getByText(/AWS account 605112784586/)).toBeVisible();
  await expect(page.getByText('Teams: payments, security')).toBeVisible();
  await expect(page.getByText('Roles: ReadOnlyAccess')).toBeVisible();
  await expect(page.getByText('AWS accounts', { exact: true })).toBeVisible();
  await hit.first().click();
  await expect(page).toHaveURL(/\/aws-access\/accounts\/605112784586$/);
  await expect(
    page.getByRole('heading', { name: 'payments-prod (605112784586)' }),
  ).toBeVisible();

  await page.goto('/search?query=data-prod');
  await expect(
    page.getByRole('link', { name: /data-prod/ }).first(),
  ).toBeVisible();
});
