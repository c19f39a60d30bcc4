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
    try {
      const response = await fetchAgainOnReset(() =>
        route.fetch({
          url: request.url().replace(PORTAL_BACKEND, backend.baseUrl),
          ...(token && {
            headers: { ...request.headers(), authorization: `Bearer ${token}` },
          }),
        }),
      );
      await route.fulfill({ response });
    } catch (error) {
      // The page closed while its request was on the way: nobody waits for the answer.
      if (/has been (closed|disposed)/.test(String(error))) return;
      throw error;
    }
  });
}

/**
 * The request sent again when the backend closed the kept-alive connection it went out on
 * (the server's idle time-out meeting the request; a browser sends it again too), at most
 * twice. Any other failure, and any answer, is the test's.
 */
async function fetchAgainOnReset<T>(send: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await send();
    } catch (error) {
      if (attempt === 3 || !/ECONNRESET|socket hang up/.test(String(error))) {
        throw error;
      }
    }
  }
}

/**
 * Relays the app's signals connection, message for message, to `backend` with `token` as
 * the caller, so the page hears the signals that backend sends. Returns a function that
 * closes the upstream connections.
 */
export async function routeSignalsToBackend(
  page: Page,
  backend: BackendInstance,
  token: string,
) {
  const upstreams: WebSocket[] = [];
  await page.routeWebSocket(/\/api\/signals/, route => {
    const upstream = new WebSocket(
      `${backend.baseUrl.replace('http', 'ws')}/api/signals`,
      token,
    );
    upstreams.push(upstream);
    const pending: string[] = [];
    upstream.onopen = () => pending.splice(0).forEach(m => upstream.send(m));
    upstream.onmessage = event => route.send(String(event.data));
    route.onMessage(message => {
      if (upstream.readyState === WebSocket.OPEN) {
        upstream.send(String(message));
      } else {
        pending.push(String(message));
      }
    });
  });
  return () => upstreams.forEach(ws => ws.close());
}
