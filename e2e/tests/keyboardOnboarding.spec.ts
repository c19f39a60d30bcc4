import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { tabTo } from '../support/keyboard';

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

/*
 * A developer who uses the keyboard only: from the sign-in page through the sidebar to a
 * team, narrows its accounts with the role and environment filters, downloads the config
 * and copies one profile block. Tab, Enter, Space and the arrow keys; no clicks. Every Tab
 * stop must show where focus is (support/keyboard.ts).
 */
test('keyboard only: sidebar, team, filters, downloaded config and a copied profile', async ({
  page,
}) => {
  await page.goto('/');
  const enter = page.getByRole('button', { name: 'Enter' });
  await expect(enter).toBeVisible();
  // Material UI v4 crashes when a button gets keyboard focus in the moment between its
  // mount and its ripple's ('pulsate' of null): no person tabs that fast, so let it settle.
  await page.waitForLoadState('networkidle');
  await tabTo(page, enter);
  await page.keyboard.press('Enter');

  const sidebarLink = page.getByRole('link', { name: 'AWS Access' });
  await expect(sidebarLink).toBeVisible();
  await tabTo(page, sidebarLink);
  await page.keyboard.press('Enter');
  await expect(
    page.getByRole('heading', { name: 'My AWS access' }),
  ).toBeVisible();

  const teams = page.getByRole('navigation', { name: 'Teams' });
  await tabTo(page, teams.getByRole('button', { name: /Payments/ }));
  await page.keyboard.press('Enter');
  await expect(
    page.getByRole('heading', { name: 'AWS accounts of Payments' }),
  ).toBeVisible();

  // The role filter: Space opens it, the arrows move, Enter chooses; focus comes back.
  const role = page.getByRole('button', { name: /^Role/ });
  await tabTo(page, role);
  await page.keyboard.press('Space');
  const roles = page.getByRole('listbox', { name: 'Role' });
  await expect(roles).toBeVisible();
  // The menu takes focus on its chosen entry ("All roles"); the next one is PowerUserAccess.
  await expect(roles.getByRole('option', { name: 'All roles' })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(
    roles.getByRole('option', { name: 'PowerUserAccess' }),
  ).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(roles).toBeHidden();
  await expect(role).toBeFocused();
  await expect(role).toContainText('PowerUserAccess');
  await expect(page.getByText('Account 605112784586')).toHaveCount(0);

  // The environment filter the same way, opened with Enter this time.
  const environment = page.getByRole('button', { name: /^Environment/ });
  await tabTo(page, environment);
  await page.keyboard.press('Enter');
  const environments = page.getByRole('listbox', { name: 'Environment' });
  await expect(environments).toBeVisible();
  await expect(
    environments.getByRole('option', { name: 'All environments' }),
  ).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(environments.getByRole('option', { name: 'dev' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(environment).toBeFocused();
  await expect(page.getByText('Account 605112784419')).toHaveCount(0);
  await expect(page.getByText('Account 605112784302')).toBeVisible();

  // Back up to "Download config" (it comes before the filters).
  const downloadButton = page.getByRole('button', { name: 'Download config' });
  await tabTo(page, downloadButton, { backwards: true });
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.keyboard.press('Enter'),
  ]);
  const config = readFileSync(await download.path(), 'utf8');
  expect(config).toContain('[profile payments-dev-PowerUserAccess]');

  // The profile's copy button, named for the profile it copies.
  const copy = page.getByRole('button', {
    name: 'Copy profile payments-dev-PowerUserAccess',
  });
  await tabTo(page, copy);
  await page.keyboard.press('Space');
  await expect(
    page.getByRole('status').filter({ hasText: 'Copied' }),
  ).toHaveCount(1);
  await expect(copy).toBeFocused();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toMatch(/^\[profile payments-dev-PowerUserAccess\]\n/);
  expect(copied).toContain('sso_account_id = 605112784302');
});
