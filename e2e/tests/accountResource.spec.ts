import { expect, test } from '@playwright/test';
import { signInAsGuest } from './signIn';

test('an account Resource shows which groups hold which roles there', async ({
  page,
}) => {
  await signInAsGuest(page);
  await page.goto('/catalog/default/resource/payments-prod-account/aws-access');
  const table = page.getByRole('table', {
    name: 'Access to account 605112784586',
  });
  await expect(table).toBeVisible();
  const rows = table.getByRole('row');
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(1)).toContainText('aws-security-auditors');
  await expect(rows.nth(1)).toContainText('ReadOnlyAccess');
  await expect(rows.nth(2)).toContainText('payments');
});

test('a Group matched by its Entra ID object id shows its accounts', async ({
  page,
}) => {
  await signInAsGuest(page);
  await page.goto('/aws-access?team=group%3Adefault%2Fsecurity');
  for (const id of [
    '318204556245',
    '472901338694',
    '605112784586',
    '087521752123',
  ]) {
    await expect(page.getByText(`Account ${id}`)).toBeVisible();
  }
});
