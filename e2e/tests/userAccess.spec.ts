import { expect, test } from '@playwright/test';
import { signInAsGuest } from './signIn';

test("a User's AWS tab shows the access of the teams they are in", async ({
  page,
}) => {
  await signInAsGuest(page);
  await page.goto('/catalog/default/user/ola.hansen/aws-access');
  // Ola is in data and payments.
  for (const id of ['472901338410', '605112784302']) {
    await expect(page.getByText(`Account ${id}`)).toBeVisible();
  }
  await expect(page.getByText('Account 318204556071')).toHaveCount(0);
});

test('"My access" shows the signed-in user\'s accounts and filters them', async ({
  page,
}) => {
  await signInAsGuest(page);
  await page.goto('/aws-access');
  await page.getByRole('button', { name: /My access/ }).click();
  await expect(
    page.getByRole('heading', { name: 'My AWS access' }),
  ).toBeVisible();
  // The guest is a member of platform.
  await expect(page.getByText('Account 318204556245')).toBeVisible();
  await page.getByLabel('Filter accounts').fill('shared');
  await expect(page.getByText('Account 087521752123')).toBeVisible();
  await expect(page.getByText('Account 318204556245')).toHaveCount(0);
});

test("another team's page says which roles you lack and whom to ask", async ({
  page,
}) => {
  await signInAsGuest(page);
  await page.goto('/aws-access?team=group%3Adefault%2Fplatform');
  const prod = page.getByRole('region', {
    name: 'Account platform-prod (318204556245)',
  });
  // The guest is in platform: they hold its roles.
  await expect(prod.getByText('You have this role').first()).toBeVisible();

  await page.goto('/aws-access?team=group%3Adefault%2Fpayments');
  const payments = page.getByRole('region', {
    name: 'Account payments-dev (605112784302)',
  });
  await expect(payments).toContainText('You do not have this role. Ask');
  await expect(payments).toContainText('to add you to "payments"');
  await expect(
    payments.getByRole('link', { name: 'Payments', exact: true }),
  ).toHaveAttribute('href', '/catalog/default/group/payments');
});
