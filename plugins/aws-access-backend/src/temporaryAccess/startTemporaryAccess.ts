import {
  AuditorService,
  AuthService,
  DatabaseService,
  LifecycleService,
  LoggerService,
  PermissionsRegistryService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { AWS_ACCESS_GRANTS_SIGNAL_CHANNEL } from '@aws-access/backstage-plugin-aws-access-common';
import { UserEntity } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { NotificationService } from '@backstage/plugin-notifications-node';
import { SignalsService } from '@backstage/plugin-signals-node';
import { userQuery } from '../identityCenter/catalogUserQueries';
import { Organizations } from '../organizations/Organizations';
import { StartedOrganization } from '../organizations/startOrganization';
import {
  GrantAuthorizer,
  awsAccessGrantResourceRef,
  grantPermissionRules,
} from '../permissions/grantPermissions';
import { AccountDetailsDeps } from '../resolution/accountDetails';
import { AccessGrants } from './AccessGrants';
import { GrantStore } from './GrantStore';
import { grantAuditMeta, workAuditEvent } from './grantAudit';
import { GrantOrganization, GrantWorkEvent, GrantWorker } from './GrantWorker';
import { IdentityCenterWriter } from './IdentityCenterWriter';
import { grantPlace, workNotification } from './grantNotifications';
import { GrantRecord } from './types';

export interface TemporaryAccessDeps extends AccountDetailsDeps {
  started: StartedOrganization[];
  organizations: Organizations;
  database: DatabaseService;
  auth: AuthService;
  catalog: CatalogService;
  permissions: PermissionsService;
  permissionsRegistry: PermissionsRegistryService;
  notifications: NotificationService;
  signals: SignalsService;
  auditor: AuditorService;
  lifecycle: LifecycleService;
  logger: LoggerService;
}

/**
 * Wires temporary access when at least one organisation's policy turns it on: the grants
 * table, the permission resource type, a writer per organisation, the worker (started
 * with the backend, stopped before it) and the service the routes call.
 */
export async function startTemporaryAccess(
  deps: TemporaryAccessDeps,
): Promise<AccessGrants | undefined> {
  const { logger } = deps;
  deps.permissionsRegistry.addResourceType({
    resourceRef: awsAccessGrantResourceRef,
    rules: Object.values(grantPermissionRules),
  });
  const identityCenter = deps.started.filter(o => o.identityCenter);
  const enabled = identityCenter.filter(o => o.entry.settings.temporaryAccess);
  if (identityCenter.length === 0) {
    return undefined;
  }
  const store = await GrantStore.create(deps.database);
  // Switching the feature off stops requests, never clean-up: while grants made before
  // are still to be taken back, the worker runs (and can write to every organisation).
  const leftToRemove = (await store.nextDueAt()) !== undefined;
  if (enabled.length === 0 && !leftToRemove) {
    return undefined;
  }
  const writers = new Map<string, GrantOrganization>(
    identityCenter.map(o => {
      const ic = o.identityCenter!;
      const writer = new IdentityCenterWriter({
        settings: ic.settings,
        credentials: ic.credentials,
        pacers: ic.pacers,
        reader: ic.reader,
        onCall: call => ic.metrics.recordCall(call),
      });
      return [
        o.entry.settings.id,
        {
          grants: o.entry.settings.temporaryAccess !== undefined,
          writer,
          refresh: ic.refresh,
          knownUserId: async catalogRef =>
            (await ic.store.getSnapshot())?.users?.find(
              u => u.catalogRef === catalogRef,
            )?.id,
        },
      ];
    }),
  );
  const changed = (grant: GrantRecord) => {
    deps.signals
      .publish({
        recipients: { type: 'broadcast' },
        channel: AWS_ACCESS_GRANTS_SIGNAL_CHANNEL,
        message: { grantId: grant.id },
      })
      .catch(error =>
        logger.warn('Could not signal a grant change', {
          error: String((error as Error)?.message ?? error),
        }),
      );
  };
  const onEvent = async (grant: GrantRecord, event: GrantWorkEvent) => {
    changed(grant);
    const audit = await deps.auditor.createEvent({
      ...workAuditEvent(grant, event),
      meta: {
        actor: 'aws-access temporary access worker',
        ...grantAuditMeta(grant),
      },
    });
    if (event === 'granted' || event === 'removed') {
      await audit.success();
    } else {
      await audit.fail({ error: new Error(grant.lastError ?? event) });
    }
    const notification = workNotification(
      grant,
      event,
      grantPlace(deps.organizations, grant.organization),
    );
    if (notification) {
      await deps.notifications.send(notification).catch(error =>
        logger.warn('Could not send a temporary access notification', {
          grant: grant.id,
          error: String((error as Error)?.message ?? error),
        }),
      );
    }
  };
  const worker = new GrantWorker({
    store,
    organizations: id => writers.get(id),
    userLookup: async ref => {
      const user = await deps.catalog.getEntityByRef(ref, {
        credentials: await deps.auth.getOwnServiceCredentials(),
      });
      return user ? userQuery(user as UserEntity) : undefined;
    },
    onEvent,
    logger: logger.child({ task: 'temporary-access' }),
  });
  const accessGrants = new AccessGrants({
    organizations: deps.organizations,
    resolver: deps.resolver,
    userInfo: deps.userInfo,
    entities: deps.entities,
    store,
    authorizer: new GrantAuthorizer(
      deps.permissions,
      deps.permissionsRegistry.getPermissionRuleset(awsAccessGrantResourceRef),
    ),
    listeners: {
      notify: n => deps.notifications.send(n),
      changed,
      poke: () => worker.poke(),
    },
    logger,
  });
  deps.lifecycle.addStartupHook(() => worker.start());
  deps.lifecycle.addShutdownHook(() => worker.stop());
  if (enabled.length === 0) {
    logger.warn(
      'Temporary access is off, but grants made before are still to be taken back: removing them as they end',
    );
    return undefined;
  }
  logger.info('Temporary access is on', {
    organizations: enabled.map(o => o.entry.settings.id).join(', '),
  });
  return accessGrants;
}
