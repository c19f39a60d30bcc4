import { expect, test } from '@playwright/test';
import { signInAsGuest } from './signIn';

test('a user who holds roles lands on My access, their own team first', async ({
  page,
}) => {
  await signInAsGuest(page);
  await page.goto('/aws-access');
  await expect(
    page.getByRole('heading', { name: 'My AWS access' }),
  ).toBeVisible();
  await expect(page.getByText('Account 318204556245')).toBeVisible();
  await expect(page.getByText('Choose a team')).toHaveCount(0);
  // The guest's sign-in makes them part of guests and platform: those two come first.
  const teams = page.getByRole('navigation', { name: 'Teams' });
  const buttons = teams.getByRole('button');
  await expect(buttons.nth(0)).toContainText(
    'Your team · group:default/guests',
  );
  await expect(buttons.nth(1)).toContainText(
    'Your team · group:default/platform',
  );
  await expect(buttons.nth(2)).not.toContainText('Your team');
  await teams.getByRole('button', { name: /Payments/ }).click();
  await expect(
    page.getByRole('heading', { name: 'AWS accounts of Payments' }),
  ).toBeVisible();
});

test('an account id from an ARN leads to who holds which role there and whom to ask', async ({
  page,
}) => {
  await signInAsGuest(page);
  await page.goto('/aws-access');
  const box = page.getByRole('textbox', { name: 'Find an AWS account' });
  await box.fill('arn:aws:iam::605112784586:role/deploy');
  await box.press('Enter');
  await expect(page).toHaveURL(/\/aws-access\/accounts\/605112784586$/);
  await expect(
    page.getByRole('heading', { name: 'payments-prod (605112784586)' }),
  ).toBeVisible();
  const table = page.getByRole('table', { name: 'Who holds roles here' });
  await expect(table).toContainText('payments');
  await expect(
    table.getByRole('link', { name: 'Payments', exact: true }),
  ).toHaveAttribute('href', '/catalog/default/group/payments');
  await expect(
    page.getByText('You hold no role in this account.'),
  ).toBeVisible();
  const account = page.getByRole('region', {
    name: 'Account payments-prod (605112784586)',
  });
  await expect(account).toContainText('You do not have this role. Ask');
  await expect(account).toContainText('sso_account_id = 605112784586');
});

test('part of a name finds accounts, and the link can be shared', async ({
  page,
}) => {
  await signInAsGuest(page);
  await page.goto('/aws-access');
  await page
    .getByRole('textbox', { name: 'Find an AWS account' })
    .fill('payments-p');
  const hits = page.getByRole('list', { name: 'Matching accounts' });
  await hits.getByRole('link', { name: 'payments-prod' }).click();
  await expect(page).toHaveURL(/\/aws-access\/accounts\/605112784586$/);

  await page.goto('/aws-access/accounts/318204556245');
  await expect(
    page.getByRole('heading', { name: 'platform-prod (318204556245)' }),
  ).toBeVisible();
  await expect(
    page.getByRole('region', { name: 'Account platform-prod (318204556245)' }),
  ).toContainText('You have this role');

  await page.goto('/aws-access/accounts/999999999999');
  await expect(
    page.getByText('No account "999999999999" in IAM Identity Center'),
  ).toBeVisible();
});

test('the lookup API needs a signed-in caller', async ({ request }) => {
  for (const path of ['/accounts?query=payments', '/accounts/605112784586']) {
    const res = await request.get(
      `http://localhost:7007/api/aws-access${path}`,
    );
    expect(res.status()).toBe(401);
  }
});
