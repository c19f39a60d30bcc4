import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { readAwsAccessConfig } from './config/readAwsAccessConfig';
import { EntityAccessResolver } from './resolution/EntityAccessResolver';
import { createRouter } from './router/createRouter';
import { StaticSnapshotSource } from './snapshot/StaticSnapshotSource';

/**
 * The AWS Access backend plugin: serves which AWS accounts and roles catalog entities
 * have in IAM Identity Center.
 *
 * @public
 */
export const awsAccessPlugin = createBackendPlugin({
  pluginId: 'aws-access',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        catalog: catalogServiceRef,
      },
      async init({ config, httpAuth, httpRouter, catalog }) {
        const awsAccessConfig = readAwsAccessConfig(config);
        const source = new StaticSnapshotSource(
          awsAccessConfig.source.snapshot,
        );
        httpRouter.use(
          await createRouter({
            httpAuth,
            catalog,
            resolver: new EntityAccessResolver(catalog, source),
            settings: awsAccessConfig.cli,
          }),
        );
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });
      },
    });
  },
});
