import { Page } from '@playwright/test';
import { BackendInstance } from './backendInstance';

const PORTAL_BACKEND = 'http://localhost:7007';

/**
 * Has the app's calls to the portal's backend under `path` (all of them by default)
 * answered by `backend` instead, with `token` as the caller when given (else the page's
 * own credentials, such as a guest signed in through `backend`).
 */
export async function routeToBackend(
  page: Page,
  backend: BackendInstance,
  options: { path?: string; token?: string } = {},
) {
  const { path = '', token } = options;
  await page.route(`${PORTAL_BACKEND}${path}/**`, async route => {
    const request = route.request();
    const response = await route.fetch({
      url: request.url().replace(PORTAL_BACKEND, backend.baseUrl),
      ...(token && {
        headers: { ...request.headers(), authorization: `Bearer ${token}` },
      }),
    });
    await route.fulfill({ response });
  });
}
