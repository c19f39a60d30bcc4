import { expect, test } from '@playwright/test';
import { signInAsGuest } from './signIn';

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

test('a team shows its AWS accounts and a profile block that copies exactly', async ({
  page,
}) => {
  await signInAsGuest(page);
  await page.goto('/aws-access');
  await expect(
    page.getByRole('heading', { name: 'AWS Access', exact: true }),
  ).toBeVisible();

  const teams = page.getByRole('navigation', { name: 'Teams' });
  await teams.getByRole('button', { name: /Payments/ }).click();
  await expect(page).toHaveURL(/team=group%3Adefault%2Fpayments/);

  for (const id of ['605112784302', '605112784419', '605112784586']) {
    await expect(page.getByText(`Account ${id}`)).toBeVisible();
  }

  const prod = page.getByRole('region', {
    name: 'Account payments-prod (605112784586)',
  });
  await prod.getByRole('button', { name: /copy/i }).first().click();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(
    [
      '[profile payments-prod-ReadOnlyAccess]',
      'sso_session = sikt',
      'sso_account_id = 605112784586',
      'sso_role_name = ReadOnlyAccess',
      'region = eu-west-1',
      'output = json',
    ].join('\n'),
  );

  const session = page.getByRole('region', { name: 'SSO session sikt' });
  await session.getByRole('button', { name: /copy/i }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
    [
      '[sso-session sikt]',
      'sso_start_url = https://d-c3670fd13e.awsapps.com/start',
      'sso_region = eu-north-1',
      'sso_registration_scopes = sso:account:access',
    ].join('\n'),
  );
});

test('the API refuses callers that are not signed in', async ({ request }) => {
  const health = await request.get(
    'http://localhost:7007/api/aws-access/health',
  );
  expect(health.status()).toBe(200);
  const accounts = await request.get(
    'http://localhost:7007/api/aws-access/entities/group/default/payments/accounts',
  );
  expect(accounts.status()).toBe(401);
});
