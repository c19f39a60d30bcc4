import { useRouteRef } from '@backstage/core-plugin-api';
import { requestsRouteRef } from '../routes';

/**
 * The link to the Requests view, or undefined in an app that shows the entity tab but
 * does not mount the AWS Access page. `useRouteRef` throws for an unmounted route only
 * after its own hooks ran, so catching it keeps the hook order.
 */
export function useRequestsLink(): string | undefined {
  try {
    return useRouteRef(requestsRouteRef)();
  } catch {
    return undefined;
  }
}
