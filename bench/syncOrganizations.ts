/*
 * Two organisations synced side by side, as the plugin does it: the backend's
 * `readAwsAccessConfig` reads an `awsAccess.organizations` block naming two Identity Center
 * instances, and `startOrganization` wires each one (its own stores, credentials, reader
 * and request pacers: each instance has its own quota in its own management account) and
 * schedules its full sync. The scheduler here holds the tasks instead of running them, so
 * both syncs start together and their wall time is measured; the backend's other services
 * are Backstage's in-memory test doubles, the database SQLite in memory.
 *
 * Each organisation has its own fake Identity Center, limited to 20 sso-admin and 10
 * Organizations requests per second: the 1,000-account benchmark org and a 2,000-account
 * one with another seed, on instances of their own (instance ARN, identity store id,
 * account and group ids differ; some account names and group display names are the same).
 * The floor is the larger organisation's: they run in parallel.
 */
import {
  SchedulerService,
  SchedulerServiceTaskFunction,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { metrics as openTelemetry } from '@opentelemetry/api';
import {
  FakeIdentityCenter,
  FakeOrg,
  generateOrg,
} from '@aws-access/fake-identity-center';
import knexFactory from 'knex';
import { AwsAccessMetrics } from '../plugins/aws-access-backend/src/metrics/AwsAccessMetrics';
import {
  StartedOrganization,
  startOrganization,
} from '../plugins/aws-access-backend/src/organizations/startOrganization';
import { readAwsAccessConfig } from '../plugins/aws-access-backend/src/readAwsAccessConfig';
import { benchmarkOrg, inOwnInstance } from './benchmarkOrg';
import { print } from './print';
import {
  ORGANIZATIONS_QUOTA,
  SSO_ADMIN_QUOTA,
  callsAndWall,
  exactGroups,
  floorSeconds,
  sum,
  syncLowerBound,
} from './syncFigures';

/** Keeps the tasks the plugin schedules, for the benchmark to run when it chooses. */
class HeldTasks implements SchedulerService {
  readonly tasks: SchedulerServiceTaskFunction[] = [];

  async scheduleTask(task: { fn: SchedulerServiceTaskFunction }) {
    this.tasks.push(task.fn);
  }

  async triggerTask(): Promise<void> {
    throw new Error('The benchmark runs the held tasks itself');
  }

  async cancelTask(): Promise<void> {}

  createScheduledTaskRunner(_schedule: SchedulerServiceTaskScheduleDefinition) {
    return { run: this.scheduleTask.bind(this) };
  }

  async getScheduledTasks() {
    return [];
  }
}

/** One `awsAccess.organizations` entry: an Identity Center instance behind `url`. */
function organizationConfig(id: string, n: number, url: string) {
  return {
    id,
    sso: {
      sessionName: id,
      startUrl: `https://d-${String(n).repeat(10)}.awsapps.com/start`,
      region: 'eu-north-1',
    },
    source: 'identityCenter',
    // No instanceArn: each reader finds its instance with ListInstances, one of the calls
    // the lower bound counts, as in the one-organisation runs.
    identityCenter: {
      region: 'eu-north-1',
      requestsPerSecond: SSO_ADMIN_QUOTA,
      organizationsRequestsPerSecond: ORGANIZATIONS_QUOTA,
      endpoints: { ssoAdmin: url, identityStore: url, organizations: url },
      schedule: {
        frequency: { hours: 6 },
        timeout: { minutes: 15 },
        initialDelay: { seconds: 0 },
      },
    },
  };
}

/** Starts every configured organisation as the plugin does, one after another. */
async function startOrganizations(config: ConfigReader) {
  const knex = knexFactory({
    client: 'better-sqlite3',
    connection: ':memory:',
    useNullAsDefault: true,
  });
  const logger = mockServices.rootLogger({ level: 'warn' });
  const scheduler = new HeldTasks();
  const deps = {
    rootConfig: config,
    logger,
    database: mockServices.database({ knex, migrations: { skip: false } }),
    scheduler,
    catalog: catalogServiceMock({ entities: [] }),
    auth: mockServices.auth(),
    metrics: new AwsAccessMetrics(
      openTelemetry.getMeter('aws-access-bench'),
      logger,
    ),
    onChange: () => {},
    lastEventAt: () => undefined,
  };
  const started: StartedOrganization[] = [];
  for (const organization of readAwsAccessConfig(config).organizations) {
    started.push(await startOrganization(organization, deps));
  }
  return { started, tasks: scheduler.tasks, close: () => knex.destroy() };
}

/** Prints each organisation's figures, then the `sync orgs=2 …` line. */
export async function syncTwoOrganizations(): Promise<void> {
  const orgs: Array<{ id: string; org: FakeOrg }> = [
    { id: 'org1k', org: inOwnInstance(benchmarkOrg(), 1) },
    {
      id: 'org2k',
      org: inOwnInstance(
        generateOrg({
          accounts: 2000,
          permissionSets: 100,
          groups: 800,
          assignments: 16000,
          seed: 7,
        }),
        2,
      ),
    },
  ];
  const fakes = await Promise.all(
    orgs.map(({ org }) =>
      FakeIdentityCenter.start(org, {
        ssoAdminRequestsPerSecond: SSO_ADMIN_QUOTA,
        organizationsRequestsPerSecond: ORGANIZATIONS_QUOTA,
      }),
    ),
  );
  const config = new ConfigReader({
    aws: {
      mainAccount: { accessKeyId: 'AKIAFAKE', secretAccessKey: 'fake' },
    },
    awsAccess: {
      organizations: orgs.map(({ id }, i) =>
        organizationConfig(id, i + 1, fakes[i].url),
      ),
    },
  });
  const { started, tasks, close } = await startOrganizations(config);

  const begun = process.hrtime.bigint();
  await Promise.all(tasks.map(run => run(new AbortController().signal)));
  const wallS = Number(process.hrtime.bigint() - begun) / 1e9;
  await Promise.all(fakes.map(fake => fake.stop()));

  const figures = await Promise.all(
    started.map(async ({ entry }, i) => {
      const { org } = orgs[i];
      const status = await entry.source.getStatus();
      const snapshot = await entry.source.getSnapshot();
      const calls = status.callsByOperation ?? {};
      return {
        id: entry.settings.id,
        calls: sum(Object.values(calls)),
        lowerBound: syncLowerBound(org).calls,
        floorS: floorSeconds(calls),
        syncS: (status.durationMs ?? 0) / 1000,
        accounts: org.accounts.length,
        groups: org.groups.length,
        exact: exactGroups(org, snapshot),
      };
    }),
  );
  await close();

  for (const f of figures) {
    print(
      `organization id=${f.id} accounts=${f.accounts} groups=${f.groups} calls=${f.calls} ` +
        `lower_bound=${f.lowerBound} sync_s=${f.syncS.toFixed(
          2,
        )} floor_s=${f.floorS.toFixed(2)} groups_exact=${f.exact}/${f.groups}`,
    );
  }
  const total = (pick: (f: (typeof figures)[number]) => number) =>
    sum(figures.map(pick));
  print(
    `sync orgs=${figures.length} ${callsAndWall({
      calls: total(f => f.calls),
      lowerBound: total(f => f.lowerBound),
      wallS,
      floorS: Math.max(...figures.map(f => f.floorS)),
    })} accounts=${total(f => f.accounts)} groups_exact=${total(
      f => f.exact,
    )}/${total(f => f.groups)}`,
  );
}
