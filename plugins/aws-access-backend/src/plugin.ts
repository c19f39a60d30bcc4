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
import { awsAccessPermissions } from '@aws-access/backstage-plugin-aws-access-common';
import { registerAwsAccessActions } from './actions/registerAwsAccessActions';
import { AuditTrail } from './audit/AuditTrail';
import { readAwsAccessConfig } from './readAwsAccessConfig';
import { AwsAccessMetrics } from './metrics/AwsAccessMetrics';
import { subscribeToIdentityCenterEvents } from './events/subscribeToIdentityCenterEvents';
import {
  SYNC_TASK_ID,
  createIdentityCenterSync,
} from './identityCenter/createIdentityCenterSync';
import { ReadAuthorizer } from './permissions/ReadAuthorizer';
import { CallerEntityCache } from './resolution/CallerEntityCache';
import { EntityAccessResolver } from './resolution/EntityAccessResolver';
import { SubjectResolver } from './resolution/SubjectResolver';
import { createRouter } from './router/createRouter';
import {
  DatabaseSnapshotSource,
  staleAfterForSchedule,
} from './snapshot/DatabaseSnapshotSource';
import { SnapshotStore } from './snapshot/SnapshotStore';
import { SyncStatusStore } from './snapshot/SyncStatusStore';
import { SnapshotChangeSignal } from './signals/SnapshotChangeSignal';
import { StaticSnapshotSource } from './staticOrganization/StaticSnapshotSource';
import { buildStaticSnapshot } from './staticOrganization/buildStaticSnapshot';
import { AccessSnapshotSource } from './snapshot/types';

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

        let source: AccessSnapshotSource;
        if (awsAccessConfig.source.type === 'static') {
          source = new StaticSnapshotSource(
            buildStaticSnapshot(awsAccessConfig.source.organization),
          );
        } else {
          const { settings, schedule, events } = awsAccessConfig.source;
          // Runs the plugin's migrations.
          const store = await SnapshotStore.create(deps.database);
          const syncStatus = await SyncStatusStore.create(deps.database);
          metrics.observeSnapshotAge(async () => {
            const { lastSuccessAt } = await syncStatus.getStatus();
            return lastSuccessAt ? new Date(lastSuccessAt) : undefined;
          });
          // Open pages reload when a sync or an event changes the snapshot.
          const changeSignal = new SnapshotChangeSignal(deps.signals, logger);
          const onChange = () => changeSignal.send();
          const { sync, reader } = await createIdentityCenterSync({
            settings,
            store,
            syncStatus,
            rootConfig: config,
            logger,
            catalog,
            auth: deps.auth,
            onChange,
            metrics,
          });
          // Global scope: one instance of a cluster syncs per interval.
          await deps.scheduler.scheduleTask({
            id: SYNC_TASK_ID,
            ...schedule,
            scope: 'global',
            fn: signal => sync.run(signal),
          });
          // Subscribes to the events topic: changes are read as they happen.
          const live = events
            ? await subscribeToIdentityCenterEvents({
                events: deps.events,
                settings,
                eventsSettings: events,
                reader,
                store,
                syncStatus,
                logger,
                onChange,
                metrics,
              })
            : undefined;
          if (live) {
            deps.lifecycle.addShutdownHook(() => live.refresh.stop());
          }
          source = new DatabaseSnapshotSource(
            store,
            syncStatus,
            staleAfterForSchedule(schedule),
            live?.stats,
          );
        }

        const entities = new CallerEntityCache(catalog);
        const readAuthorizer = new ReadAuthorizer(deps.permissions);
        const resolver = new EntityAccessResolver({
          entities,
          source,
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
        const shared = {
          audit: new AuditTrail(deps.auditor, deps.auth),
          userInfo: deps.userInfo,
          readAuthorizer,
          entities,
          resolver,
          subjects,
          source,
          settings: awsAccessConfig.cli,
        };
        deps.httpRouter.use(
          createRouter({
            ...shared,
            httpAuth: deps.httpAuth,
            notifications: deps.notifications,
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
