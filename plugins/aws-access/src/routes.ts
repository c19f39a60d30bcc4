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
