import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import {
  actionsRegistryServiceRef,
  metricsServiceRef,
} from '@backstage/backend-plugin-api/alpha';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import { notificationService } from '@backstage/plugin-notifications-node';
import { signalsServiceRef } from '@backstage/plugin-signals-node';
import {
  AwsCliSettings,
  awsAccessPermissions,
} from '@aws-access/backstage-plugin-aws-access-common';
import { registerAwsAccessActions } from './actions/registerAwsAccessActions';
import { AuditTrail } from './audit/AuditTrail';
import { readAwsAccessConfig } from './readAwsAccessConfig';
import { AwsAccessMetrics } from './metrics/AwsAccessMetrics';
import { EventStats } from './events/EventStats';
import { subscribeToIdentityCenterEvents } from './events/subscribeToIdentityCenterEvents';
import { Organizations } from './organizations/Organizations';
import {
  StartedOrganization,
  startOrganization,
} from './organizations/startOrganization';
import { ReadAuthorizer } from './permissions/ReadAuthorizer';
import { CallerEntityCache } from './resolution/CallerEntityCache';
import { EntityAccessResolver } from './resolution/EntityAccessResolver';
import { SubjectResolver } from './resolution/SubjectResolver';
import { createRouter } from './router/createRouter';
import { SnapshotChangeSignal } from './signals/SnapshotChangeSignal';
import { startTemporaryAccess } from './temporaryAccess/startTemporaryAccess';

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
        actionsRegistry: actionsRegistryServiceRef,
        events: eventsServiceRef,
        signals: signalsServiceRef,
        notifications: notificationService,
        lifecycle: coreServices.lifecycle,
        auditor: coreServices.auditor,
        metrics: metricsServiceRef,
      },
      async init(deps) {
        const { config, logger, catalog } = deps;
        const awsAccessConfig = readAwsAccessConfig(config);
        deps.permissionsRegistry.addPermissions(awsAccessPermissions);
        const metrics = new AwsAccessMetrics(deps.metrics, logger);

        // Open pages reload when a sync or an event changes a snapshot.
        const changeSignal = new SnapshotChangeSignal(deps.signals, logger);
        let eventStats: EventStats | undefined;
        const startDeps = {
          rootConfig: config,
          logger,
          database: deps.database,
          scheduler: deps.scheduler,
          catalog,
          auth: deps.auth,
          metrics,
          onChange: () => changeSignal.send(),
          lastEventAt: (id: string) => eventStats?.lastEventAtOf(id),
        };
        const started: StartedOrganization[] = [];
        // One after another: the first runs the plugin's database migrations.
        for (const organization of awsAccessConfig.organizations) {
          started.push(await startOrganization(organization, startDeps));
        }
        // Subscribes to the events topics: changes are read as they happen.
        const withEvents = started.flatMap(o => (o.events ? [o.events] : []));
        if (withEvents.length > 0) {
          const live = await subscribeToIdentityCenterEvents({
            events: deps.events,
            organizations: withEvents,
            logger,
            metrics,
          });
          eventStats = live.stats;
        }
        deps.lifecycle.addShutdownHook(() =>
          started.forEach(o => o.identityCenter?.refresh.stop()),
        );
        const organizations = new Organizations(
          started.map(o => o.entry),
          eventStats,
        );
        const settings: AwsCliSettings = {
          organizations: organizations.settings,
          ...(awsAccessConfig.requestAccess && {
            requestAccess: awsAccessConfig.requestAccess,
          }),
        };

        const entities = new CallerEntityCache(catalog);
        const readAuthorizer = new ReadAuthorizer(deps.permissions);
        const resolver = new EntityAccessResolver({
          entities,
          organizations,
          matching: awsAccessConfig.groupMatching,
          logger,
        });
        const subjects = new SubjectResolver({
          auth: deps.auth,
          readAuthorizer,
          userInfo: deps.userInfo,
          entities,
          resolver,
        });
        // Off unless an organisation's policy turns it on: it writes to Identity Center.
        const accessGrants = await startTemporaryAccess({
          ...deps,
          started,
          organizations,
          resolver,
          entities,
          logger,
        });
        const shared = {
          audit: new AuditTrail(deps.auditor, deps.auth),
          userInfo: deps.userInfo,
          readAuthorizer,
          entities,
          resolver,
          subjects,
          organizations,
          settings,
        };
        deps.httpRouter.use(
          createRouter({
            ...shared,
            httpAuth: deps.httpAuth,
            notifications: deps.notifications,
            accessGrants,
            logger,
            metrics,
            portal: {
              name: config.getOptionalString('app.title'),
              url: config.getOptionalString('app.baseUrl'),
            },
          }),
        );
        registerAwsAccessActions(deps.actionsRegistry, {
          ...shared,
          auth: deps.auth,
        });
        deps.httpRouter.addAuthPolicy({
          path: '/health',
          allow: 'unauthenticated',
        });
      },
    });
  },
});
