import {
  DatabaseService,
  LoggerService,
  RootConfigService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { DefaultAwsCredentialsManager } from '@backstage/integration-aws-node';
import { AwsAccessConfig } from '../config/readAwsAccessConfig';
import { IdentityCenterReader } from '../identityCenter/IdentityCenterReader';
import { IdentityCenterSync } from '../identityCenter/IdentityCenterSync';
import { DatabaseSnapshotSource } from './DatabaseSnapshotSource';
import { SnapshotStore } from './SnapshotStore';
import { StaticSnapshotSource } from './StaticSnapshotSource';
import { AccessSnapshotSource } from './types';

export const SYNC_TASK_ID = 'aws-access-identity-center-sync';

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
  );
  await scheduler.scheduleTask({
    id: SYNC_TASK_ID,
    ...source.schedule,
    scope: 'global',
    fn: signal => sync.run(signal),
  });
  return new DatabaseSnapshotSource(store);
}
