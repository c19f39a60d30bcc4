import { expect } from '@playwright/test';
import { expectNoSeriousA11yViolations } from '../support/axe';
import { routeToBackend } from '../support/routeToBackend';
import { test } from '../support/sharedBackends';
import { signInAsGuest } from './signIn';

/*
 * A second backend whose permission policy denies 'aws-access.read' to the guest. The page
 * (served for the main backend) has its AWS Access API calls answered by that backend, with
 * its own guest token, so what the browser shows is a real denial by a real policy. The
 * backend is shared with mcpActions.spec.ts (support/sharedBackends.ts).
 */
test.describe('a caller the permission policy denies', () => {
  test.setTimeout(180_000);

  test('gets 403 naming the permission from the API', async ({
    deniedGuestBackend: denying,
  }) => {
    const token = await denying.guestToken();
    const res = await fetch(
      `${denying.baseUrl}/api/aws-access/entities/group/default/platform/accounts`,
      { headers: { authorization: `Bearer ${token}` } },
    );
    expect(res.status).toBe(403);
    const body = await res.json();
    expect(body.error.message).toBe(
      "You are not allowed to see AWS access (permission 'aws-access.read')",
    );
  });

  test('sees a clear, accessible message on the page, not a blank page', async ({
    page,
    deniedGuestBackend: denying,
  }) => {
    const token = await denying.guestToken();
    await routeToBackend(page, denying, { path: '/api/aws-access', token });
    await signInAsGuest(page);
    await page.goto('/aws-access?team=group%3Adefault%2Fplatform');
    await expect(
      page.getByText('You may not see AWS access here'),
    ).toBeVisible();
    await expect(
      page.getByText(
        "You are not allowed to see AWS access (permission 'aws-access.read'). Ask your Backstage administrators if you need it.",
      ),
    ).toBeVisible();
    await expectNoSeriousA11yViolations(page, 'denied (403)');
  });
});
