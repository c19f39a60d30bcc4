import { expect } from '@playwright/test';
import { BackendInstance } from './backendInstance';

/** Waits until `backend`'s catalog has read these users (names in the default namespace). */
export async function waitForCatalogUsers(
  backend: BackendInstance,
  names: string[],
) {
  const token = await backend.guestToken();
  for (const name of names) {
    await expect
      .poll(
        async () =>
          (
            await fetch(
              `${backend.baseUrl}/api/catalog/entities/by-name/user/default/${name}`,
              { headers: { authorization: `Bearer ${token}` } },
            )
          ).status,
        { timeout: 120_000 },
      )
      .toBe(200);
  }
}
