import {
  AuthService,
  LoggerService,
  RootConfigService,
} from '@backstage/backend-plugin-api';
import { DefaultAwsCredentialsManager } from '@backstage/integration-aws-node';
import type { AwsCredentialIdentityProvider } from '@aws-sdk/types';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { AwsAccessMetrics } from '../metrics/AwsAccessMetrics';
import { SnapshotStore } from '../snapshot/SnapshotStore';
import { SyncStatusStore } from '../snapshot/SyncStatusStore';
import { catalogUserQueries } from './catalogUserQueries';
import { RequestPacers, createRequestPacers } from './clients';
import { IdentityCenterReader } from './IdentityCenterReader';
import { IdentityCenterSync } from './IdentityCenterSync';
import { IdentityCenterSettings } from './settings';

/** The scheduler task that runs the full sync; one instance of a cluster runs it per interval. */
export const SYNC_TASK_ID = 'aws-access-identity-center-sync';

/**
 * Wires a full sync: AWS credentials from `aws.accounts` (the configured account or the
 * main one), the reader, and the catalog Users whose direct assignments to read. Starts
 * nothing; the plugin schedules `run`. The reader is returned too: incremental refreshes
 * share it, and with it the request budget.
 */
export async function createIdentityCenterSync(options: {
  settings: IdentityCenterSettings;
  store: SnapshotStore;
  syncStatus: SyncStatusStore;
  rootConfig: RootConfigService;
  logger: LoggerService;
  catalog: CatalogService;
  auth: AuthService;
  /** Called after a sync served a new snapshot. */
  onChange?: () => void;
  metrics?: Pick<AwsAccessMetrics, 'recordSync' | 'recordCall'>;
}): Promise<{
  sync: IdentityCenterSync;
  reader: IdentityCenterReader;
  /** The credentials and pacers the reader uses; writes share them (and the quota). */
  credentials: AwsCredentialIdentityProvider;
  pacers: RequestPacers;
}> {
  const { settings } = options;
  const { sdkCredentialProvider } =
    await DefaultAwsCredentialsManager.fromConfig(
      options.rootConfig,
    ).getCredentialProvider(
      settings.accountId ? { accountId: settings.accountId } : {},
    );
  const { metrics } = options;
  const pacers = createRequestPacers(settings);
  const reader = new IdentityCenterReader(
    settings,
    sdkCredentialProvider,
    pacers,
    metrics && (call => metrics.recordCall(call)),
  );
  const sync = new IdentityCenterSync(
    reader,
    options.store,
    options.syncStatus,
    options.logger,
    {
      users: catalogUserQueries(options.catalog, options.auth),
      onChange: options.onChange,
      metrics,
    },
  );
  return { sync, reader, credentials: sdkCredentialProvider, pacers };
}
