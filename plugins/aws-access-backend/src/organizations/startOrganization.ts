import {
  AuthService,
  DatabaseService,
  LoggerService,
  RootConfigService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { EventsOrganization } from '../events/subscribeToIdentityCenterEvents';
import {
  SYNC_TASK_ID,
  createIdentityCenterSync,
} from '../identityCenter/createIdentityCenterSync';
import { IdentityCenterReader } from '../identityCenter/IdentityCenterReader';
import { IncrementalRefresh } from '../identityCenter/IncrementalRefresh';
import { IdentityCenterSettings } from '../identityCenter/settings';
import {
  AwsAccessMetrics,
  OrganizationMetrics,
} from '../metrics/AwsAccessMetrics';
import { RequestPacers } from '../identityCenter/clients';
import type { AwsCredentialIdentityProvider } from '@aws-sdk/types';
import { OrganizationConfig } from '../readAwsAccessConfig';
import {
  DatabaseSnapshotSource,
  staleAfterForSchedule,
} from '../snapshot/DatabaseSnapshotSource';
import { SnapshotStore } from '../snapshot/SnapshotStore';
import { SyncStatusStore } from '../snapshot/SyncStatusStore';
import { StaticSnapshotSource } from '../staticOrganization/StaticSnapshotSource';
import { buildStaticSnapshot } from '../staticOrganization/buildStaticSnapshot';
import { OrganizationEntry } from './Organizations';

/** What starting an organisation needs from the backend. */
export interface OrganizationStartDeps {
  rootConfig: RootConfigService;
  logger: LoggerService;
  database: DatabaseService;
  scheduler: SchedulerService;
  catalog: CatalogService;
  auth: AuthService;
  metrics: AwsAccessMetrics;
  /** Called when any organisation's served snapshot changes. */
  onChange: () => void;
  /** When this instance last received an event for an organisation. */
  lastEventAt: (organization: string) => Date | undefined;
}

/** What an Identity Center organisation offers beyond serving its snapshot. */
export interface IdentityCenterParts {
  settings: IdentityCenterSettings;
  reader: IdentityCenterReader;
  /** Re-reads single principals into the snapshot: events and grants feed it. */
  refresh: IncrementalRefresh;
  store: SnapshotStore;
  /** What the reader calls with; the writer shares them, and with them the quota. */
  credentials: AwsCredentialIdentityProvider;
  pacers: RequestPacers;
  metrics: OrganizationMetrics;
}

/** A started organisation: its entry, and its Identity Center and events parts. */
export interface StartedOrganization {
  entry: OrganizationEntry;
  identityCenter?: IdentityCenterParts;
  events?: EventsOrganization;
}

/** Reads again a principal whose new or removed assignment is still in progress. */
const RECHECK_MS = 2000;
const MAX_RECHECKS = 5;
/** Without events, how long a refresh waits to gather the requests of a burst. */
const DEFAULT_SETTLE_MS = 1000;

/** The scheduler task of one organisation's full sync. */
export function syncTaskId(organization: string): string {
  return `${SYNC_TASK_ID}:${organization}`;
}

/**
 * Starts one organisation: a declared one is served from memory; an Identity Center one
 * gets its own stores, reader (with its own request pacers: each instance has its own
 * quota) and scheduled full sync, so one organisation's outage never holds up another.
 */
export async function startOrganization(
  config: OrganizationConfig,
  deps: OrganizationStartDeps,
): Promise<StartedOrganization> {
  const { settings, source } = config;
  if (source.type === 'static') {
    return {
      entry: {
        settings,
        source: new StaticSnapshotSource(
          buildStaticSnapshot(source.organization),
        ),
      },
    };
  }
  const organization = settings.id;
  const logger = deps.logger.child({ organization });
  const metrics = deps.metrics.forOrganization(organization);
  // Runs the plugin's migrations.
  const store = await SnapshotStore.create(deps.database, { organization });
  const syncStatus = await SyncStatusStore.create(deps.database, {
    organization,
  });
  metrics.observeSnapshotAge(async () => {
    const { lastSuccessAt } = await syncStatus.getStatus();
    return lastSuccessAt ? new Date(lastSuccessAt) : undefined;
  });
  const { sync, reader, credentials, pacers } = await createIdentityCenterSync({
    settings: source.settings,
    store,
    syncStatus,
    rootConfig: deps.rootConfig,
    logger,
    catalog: deps.catalog,
    auth: deps.auth,
    onChange: deps.onChange,
    metrics,
  });
  const refresh = new IncrementalRefresh({
    metrics,
    reader,
    store,
    syncStatus,
    logger,
    settleMs: source.events?.settleMs ?? DEFAULT_SETTLE_MS,
    recheckMs: RECHECK_MS,
    maxRechecks: MAX_RECHECKS,
    onChange: deps.onChange,
  });
  metrics.observeRefreshQueueDepth(() => refresh.size);
  // Global scope: one instance of a cluster syncs each organisation per interval.
  await deps.scheduler.scheduleTask({
    id: syncTaskId(organization),
    ...source.schedule,
    scope: 'global',
    fn: signal => sync.run(signal),
  });
  return {
    entry: {
      settings,
      source: new DatabaseSnapshotSource(
        store,
        syncStatus,
        staleAfterForSchedule(source.schedule),
        source.events && (() => deps.lastEventAt(organization)),
      ),
    },
    identityCenter: {
      settings: source.settings,
      reader,
      refresh,
      store,
      credentials,
      pacers,
      metrics,
    },
    ...(source.events && {
      events: {
        id: organization,
        settings: source.settings,
        eventsSettings: source.events,
        reader,
        refresh,
      },
    }),
  };
}
