import { expect, Page } from '@playwright/test';

/** Signs in with the guest provider the embedded default configures. */
export async function signInAsGuest(page: Page) {
  await page.goto('/');
  const enter = page.getByRole('button', { name: 'Enter' });
  await expect(enter).toBeVisible();
  await enter.click();
  await expect(page.getByRole('link', { name: 'AWS Access' })).toBeVisible();
}
