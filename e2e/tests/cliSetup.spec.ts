import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { signInAsGuest } from './signIn';

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

const teamPage = '/aws-access?team=group%3Adefault%2Fplatform';

test('"Copy all" puts on the clipboard exactly what "Download config" returns', async ({
  page,
}) => {
  await signInAsGuest(page);
  await page.goto(teamPage);
  await page.getByRole('button', { name: /Default region/ }).click();
  await page.getByRole('option', { name: 'eu-west-1' }).click();

  await page.getByRole('button', { name: 'Copy all' }).click();
  const copied = await page.evaluate(() => navigator.clipboard.readText());

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download config' }).click(),
  ]);
  const downloaded = readFileSync(await download.path(), 'utf8');
  expect(downloaded).toBe(copied);
  expect(downloaded).toContain('[profile platform-prod-AdministratorAccess]');
  expect(downloaded).toContain('region = eu-west-1');
  expect(downloaded.match(/^\[sso-session sikt\]$/gm)).toHaveLength(1);
});

test('the onboarding checklist survives a reload', async ({ page }) => {
  await signInAsGuest(page);
  await page.goto(teamPage);
  const step = page.getByRole('checkbox', { name: 'Signed in' });
  await expect(step).not.toBeChecked();
  // The settings backend stores the tick; wait for that before reloading.
  const saved = page.waitForResponse(
    r =>
      r.url().includes('/api/user-settings/') && r.request().method() === 'PUT',
  );
  await step.click();
  await saved;
  await expect(step).toBeChecked();
  await expect(page.getByText('1 of 7 done')).toBeVisible();
  await page.reload();
  await expect(page.getByRole('checkbox', { name: 'Signed in' })).toBeChecked();
  await expect(page.getByText('1 of 7 done')).toBeVisible();
});

test('a console link carries the account and the role', async ({ page }) => {
  await signInAsGuest(page);
  await page.goto(teamPage);
  const link = page.getByRole('link', {
    name: /Open console in platform-prod as AdministratorAccess/,
  });
  const href = await link.getAttribute('href');
  const url = new URL(href!.replace('/#/', '/'));
  expect(url.origin + url.pathname).toBe(
    'https://d-c3670fd13e.awsapps.com/start/console',
  );
  expect(url.searchParams.get('account_id')).toBe('318204556245');
  expect(url.searchParams.get('role_name')).toBe('AdministratorAccess');
});
