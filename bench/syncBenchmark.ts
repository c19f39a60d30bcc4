/*
 * Sync benchmark: reads two synthetic organisations, the benchmark org (1,000 accounts,
 * 60 permission sets, 300 groups, ~6,000 group assignments) and five times that (5,000 /
 * 200 / 2,000 / 40,000), from the fake Identity Center limited to 20 sso-admin and 10
 * Organizations requests per second, with the plugin's real reader and the real SDK; then
 * syncs two organisations side by side, each on an instance of its own (see
 * syncOrganizations). Prints figures, one `sync` line per run, the two-organisation one
 * last; asserts nothing. Run: ./scripts/bench.sh sync
 */
import { benchmarkOrg } from './benchmarkOrg';
import { print } from './print';
import {
  FakeIdentityCenter,
  FakeOrg,
  generateOrg,
} from '@aws-access/fake-identity-center';
import { IdentityCenterReader } from '../plugins/aws-access-backend/src/identityCenter/IdentityCenterReader';
import { IdentityCenterSettings } from '../plugins/aws-access-backend/src/identityCenter/settings';
import {
  ORGANIZATIONS_QUOTA,
  SSO_ADMIN_QUOTA,
  callsAndWall,
  exactGroups,
  floorSeconds,
  ssoAdminCalls,
  sum,
  syncLowerBound,
} from './syncFigures';
import { syncTwoOrganizations } from './syncOrganizations';

const credentials = async () => ({
  accessKeyId: 'AKIAFAKE',
  secretAccessKey: 'fake',
});

function settings(
  url: string,
  requestsPerSecond: number,
  organizationsRequestsPerSecond: number,
): IdentityCenterSettings {
  return {
    region: 'eu-north-1',
    organizationsRegion: 'us-east-1',
    requestsPerSecond,
    organizationsRequestsPerSecond,
    concurrency: 8,
    maxAttempts: 8,
    endpoints: { ssoAdmin: url, identityStore: url, organizations: url },
  };
}

async function benchmark(org: FakeOrg) {
  const P = org.permissionSets.length;
  const A = org.accounts.length;
  const G = org.groups.length;
  const { calls: lowerBound, listingPages } = syncLowerBound(org);

  const limited = await FakeIdentityCenter.start(org, {
    ssoAdminRequestsPerSecond: SSO_ADMIN_QUOTA,
    organizationsRequestsPerSecond: ORGANIZATIONS_QUOTA,
  });
  const started = process.hrtime.bigint();
  const result = await new IdentityCenterReader(
    settings(limited.url, SSO_ADMIN_QUOTA, ORGANIZATIONS_QUOTA),
    credentials,
  ).read();
  const wallS = Number(process.hrtime.bigint() - started) / 1e9;
  await limited.stop();

  const calls = sum(Object.values(result.calls));
  const ssoAdmin = ssoAdminCalls(result.calls);
  const floorS = floorSeconds(result.calls);

  // The per-account-by-permission-set method, counted on an unlimited fake (it would take
  // minutes at the real quota).
  const unlimited = await FakeIdentityCenter.start(org);
  const naive = await new IdentityCenterReader(
    settings(unlimited.url, 10_000, 10_000),
    credentials,
  ).read({ forceMethod: 'perAccount' });
  await unlimited.stop();
  const naiveCalls = sum(Object.values(naive.calls));

  print(
    `org accounts=${A} permission_sets=${P} groups=${G} assignments=${org.assignments.length} ` +
      `snapshot_assignments=${result.snapshot.assignments.length} method=${result.assignmentsMethod}`,
  );
  print(`calls_by_operation ${JSON.stringify(result.calls)}`);
  print(
    `sso_admin_calls=${ssoAdmin} throttled=${
      ssoAdmin - (lowerBound - listingPages)
    }`,
  );
  print(
    `sync ${callsAndWall({ calls, lowerBound, wallS, floorS })} ` +
      `naive_calls=${naiveCalls} accounts=${A} groups_exact=${exactGroups(
        org,
        result.snapshot,
      )}/${G}`,
  );
}

async function main() {
  await benchmark(benchmarkOrg());
  await benchmark(
    generateOrg({
      accounts: 5000,
      permissionSets: 200,
      groups: 2000,
      assignments: 40000,
    }),
  );
  await syncTwoOrganizations();
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
