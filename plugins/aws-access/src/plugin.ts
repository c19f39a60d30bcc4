import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { awsAccessApiRef, AwsAccessClient } from './api';
import { accountRouteRef, rootRouteRef } from './routes';

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
