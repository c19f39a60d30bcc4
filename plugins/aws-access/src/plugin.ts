import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { createSearchResultListItemExtension } from '@backstage/plugin-search-react';
import { awsAccessApiRef, AwsAccessClient } from './api';
import { isAwsAccountSearchResult } from './components/AwsAccountSearchResultListItem/isAwsAccountSearchResult';
import type { AwsAccountSearchResultListItemProps } from './components/AwsAccountSearchResultListItem';
import { accountRouteRef, requestsRouteRef, rootRouteRef } from './routes';

/**
 * The AWS Access frontend plugin for the legacy frontend system.
 *
 * @public
 */
export const awsAccessPlugin = createPlugin({
  id: 'aws-access',
  apis: [
    createApiFactory({
      api: awsAccessApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: deps => new AwsAccessClient(deps),
    }),
  ],
  routes: {
    root: rootRouteRef,
    account: accountRouteRef,
    requests: requestsRouteRef,
  },
});

/**
 * The AWS Access page: teams and their accounts, mount it at `/aws-access`.
 *
 * @public
 */
export const AwsAccessPage: () => JSX.Element = awsAccessPlugin.provide(
  createRoutableExtension({
    name: 'AwsAccessPage',
    component: () =>
      import('./components/AwsAccessPage').then(m => m.AwsAccessPage),
    mountPoint: rootRouteRef,
  }),
);

/**
 * Entity tab content: the entity's accounts, roles and `~/.aws/config` profiles.
 *
 * @public
 */
export const EntityAwsAccessContent: () => JSX.Element =
  awsAccessPlugin.provide(
    createComponentExtension({
      name: 'EntityAwsAccessContent',
      component: {
        lazy: () =>
          import('./components/EntityAwsAccessCard').then(
            m => m.EntityAwsAccessContent,
          ),
      },
    }),
  );

/**
 * Entity overview card: the entity's accounts and roles at a glance.
 *
 * @public
 */
export const EntityAwsAccessCard: () => JSX.Element = awsAccessPlugin.provide(
  createComponentExtension({
    name: 'EntityAwsAccessCard',
    component: {
      lazy: () =>
        import('./components/EntityAwsAccessCard').then(
          m => m.EntityAwsAccessCard,
        ),
    },
  }),
);

/**
 * A portal-search hit for an AWS account (documents of type `aws-account` from the AWS
 * Access search collator). Put it inside the search page's `<SearchResult>`.
 *
 * @public
 */
export const AwsAccountSearchResultListItem: (
  props: AwsAccountSearchResultListItemProps,
) => JSX.Element | null = awsAccessPlugin.provide(
  createSearchResultListItemExtension({
    name: 'AwsAccountSearchResultListItem',
    component: () =>
      import('./components/AwsAccountSearchResultListItem').then(
        m => m.AwsAccountSearchResultListItem,
      ),
    predicate: isAwsAccountSearchResult,
  }),
);
