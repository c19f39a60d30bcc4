import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { awsAccessPermissions } from '@aws-access/backstage-plugin-aws-access-common';
import { readAwsAccessConfig } from './config/readAwsAccessConfig';
import { ReadAuthorizer } from './permissions/ReadAuthorizer';
import { CallerEntityCache } from './resolution/CallerEntityCache';
import { EntityAccessResolver } from './resolution/EntityAccessResolver';
import { createRouter } from './router/createRouter';
import { createSnapshotSource } from './snapshot/createSnapshotSource';

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
        logger: coreServices.logger,
        database: coreServices.database,
        scheduler: coreServices.scheduler,
        auth: coreServices.auth,
        httpAuth: coreServices.httpAuth,
        userInfo: coreServices.userInfo,
        httpRouter: coreServices.httpRouter,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        catalog: catalogServiceRef,
      },
      async init(deps) {
        const { config, httpAuth, httpRouter, catalog } = deps;
        const awsAccessConfig = readAwsAccessConfig(config);
        deps.permissionsRegistry.addPermissions(awsAccessPermissions);
        const source = await createSnapshotSource({
          source: awsAccessConfig.source,
          rootConfig: config,
          database: deps.database,
          scheduler: deps.scheduler,
          logger: deps.logger,
          catalog,
          auth: deps.auth,
        });
        const entities = new CallerEntityCache(catalog);
        httpRouter.use(
          await createRouter({
            httpAuth,
            userInfo: deps.userInfo,
            readAuthorizer: new ReadAuthorizer(deps.permissions),
            entities,
            source,
            resolver: new EntityAccessResolver(
              entities,
              source,
              awsAccessConfig.groupMatching,
            ),
            settings: awsAccessConfig.cli,
            portal: {
              name: config.getOptionalString('app.title'),
              url: config.getOptionalString('app.baseUrl'),
            },
          }),
        );
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });
      },
    });
  },
});
