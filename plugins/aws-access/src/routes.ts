import { createRouteRef, createSubRouteRef } from '@backstage/core-plugin-api';

export const rootRouteRef = createRouteRef({
  id: 'aws-access',
});

/** One account looked up across the organisation: `/aws-access/accounts/605112784586`. */
export const accountRouteRef = createSubRouteRef({
  id: 'aws-access/account',
  parent: rootRouteRef,
  path: '/accounts/:accountId',
});

/**
 * Temporary-access requests: those the reader may approve and their own,
 * `/aws-access/requests`; the backend's notifications link here.
 */
export const requestsRouteRef = createSubRouteRef({
  id: 'aws-access/requests',
  parent: rootRouteRef,
  path: '/requests',
});
