import { expect, test } from '@playwright/test';
import { signInAsGuest } from './signIn';

test("the portal's search finds an account by id and by name, and the hit leads to the account", async ({
  page,
}) => {
  await signInAsGuest(page);
  const hit = page.getByRole('link', { name: 'payments-prod', exact: true });
  // The collators index a few seconds after the backend starts.
  await expect(async () => {
    await page.goto('/search?query=605112784586');
    await expect(hit).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  // The plugin's own result item: environment, teams and roles from the index.
  await expect(page.getByText(/AWS account 605112784586/)).toBeVisible();
  await expect(page.getByText('Teams: payments, security')).toBeVisible();
  await expect(page.getByText('Roles: ReadOnlyAccess')).toBeVisible();
  await hit.click();
  // The location names the organisation: account ids are unique only within one.
  await expect(page).toHaveURL(
    /\/aws-access\/accounts\/605112784586\?organization=default$/,
  );
  await expect(
    page.getByRole('heading', { name: 'payments-prod (605112784586)' }),
  ).toBeVisible();

  // By name, with the catalog's hits beside them; the result type keeps only accounts.
  await page.goto('/search?query=payments');
  await expect(
    page.getByRole('link', { name: 'payments-dev', exact: true }),
  ).toBeVisible();
  await expect(
    page.getByText(/Payments team|payment-gateway/i).first(),
  ).toBeVisible();
  await page.getByText('AWS accounts', { exact: true }).click();
  await expect(page.getByText(/^AWS account \d{12}/)).toHaveCount(3);
  await expect(page.getByText(/payment-gateway/i)).toHaveCount(0);
});
