import {
  AuthService,
  DatabaseService,
  LoggerService,
  RootConfigService,
  SchedulerService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { DefaultAwsCredentialsManager } from '@backstage/integration-aws-node';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { catalogUserQueries } from '../identityCenter/catalogUserQueries';
import { HumanDuration, durationToMilliseconds } from '@backstage/types';
import { AwsAccessConfig } from '../config/readAwsAccessConfig';
import { IdentityCenterReader } from '../identityCenter/IdentityCenterReader';
import { IdentityCenterSync } from '../identityCenter/IdentityCenterSync';
import { DatabaseSnapshotSource } from './DatabaseSnapshotSource';
import { SnapshotStore } from './SnapshotStore';
import { StaticSnapshotSource } from './StaticSnapshotSource';
import { AccessSnapshotSource } from './types';

export const SYNC_TASK_ID = 'aws-access-identity-center-sync';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Three missed intervals make data stale; for cron or manual schedules, a day. */
function staleAfterMs(
  schedule: SchedulerServiceTaskScheduleDefinition,
): number {
  const frequency = schedule.frequency as object;
  if ('cron' in frequency || 'trigger' in frequency) {
    return DAY_MS;
  }
  if ('toMillis' in frequency && typeof frequency.toMillis === 'function') {
    return 3 * (frequency.toMillis() as number);
  }
  return 3 * durationToMilliseconds(frequency as HumanDuration);
}

/**
 * Builds the configured source. For Identity Center this also schedules the sync; the
 * scheduler's global scope makes one instance of a cluster run it per interval.
 */
export async function createSnapshotSource(options: {
  source: AwsAccessConfig['source'];
  rootConfig: RootConfigService;
  database: DatabaseService;
  scheduler: SchedulerService;
  logger: LoggerService;
  catalog: CatalogService;
  auth: AuthService;
}): Promise<AccessSnapshotSource> {
  const { source, rootConfig, database, scheduler, logger } = options;
  if (source.type === 'static') {
    return new StaticSnapshotSource(source.snapshot);
  }
  const store = await SnapshotStore.create(database);
  const { sdkCredentialProvider } =
    await DefaultAwsCredentialsManager.fromConfig(
      rootConfig,
    ).getCredentialProvider(
      source.settings.accountId ? { accountId: source.settings.accountId } : {},
    );
  const sync = new IdentityCenterSync(
    new IdentityCenterReader(source.settings, sdkCredentialProvider),
    store,
    logger,
    catalogUserQueries(options.catalog, options.auth),
  );
  await scheduler.scheduleTask({
    id: SYNC_TASK_ID,
    ...source.schedule,
    scope: 'global',
    fn: signal => sync.run(signal),
  });
  return new DatabaseSnapshotSource(store, staleAfterMs(source.schedule));
}
