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
