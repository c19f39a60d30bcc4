/*
 * Sync benchmark: reads a synthetic organisation (1,000 accounts, 60 permission sets,
 * 300 groups, ~6,000 group assignments) from the fake Identity Center limited to
 * 20 sso-admin requests per second, with the plugin's real reader and the real SDK.
 * Prints figures; asserts nothing. Run: ./scripts/bench.sh sync
 */
import { benchmarkOrg } from './benchmarkOrg';
import { print } from './print';
import { FakeIdentityCenter } from '@aws-access/fake-identity-center';
import { IdentityCenterReader } from '../plugins/aws-access-backend/src/identityCenter/IdentityCenterReader';
import { IdentityCenterSettings } from '../plugins/aws-access-backend/src/identityCenter/settings';

const QUOTA = 20;
const credentials = async () => ({
  accessKeyId: 'AKIAFAKE',
  secretAccessKey: 'fake',
});

function settings(
  url: string,
  requestsPerSecond: number,
): IdentityCenterSettings {
  return {
    region: 'eu-north-1',
    organizationsRegion: 'us-east-1',
    requestsPerSecond,
    concurrency: 8,
    maxAttempts: 8,
    endpoints: { ssoAdmin: url, identityStore: url, organizations: url },
  };
}

const SSO_ADMIN_OPERATIONS = new Set([
  'ListInstances',
  'ListPermissionSets',
  'DescribePermissionSet',
  'ListAccountAssignmentsForPrincipal',
  'ListAccountsForProvisionedPermissionSet',
  'ListAccountAssignments',
]);

async function main() {
  const org = benchmarkOrg();
  const P = org.permissionSets.length;
  const A = org.accounts.length;
  const G = org.groups.length;
  const perGroup = new Map<string, number>();
  for (const a of org.assignments) {
    perGroup.set(a.principalId, (perGroup.get(a.principalId) ?? 0) + 1);
  }
  const lowerBound =
    1 +
    Math.ceil(P / 100) +
    P +
    Math.ceil(A / 20) +
    Math.ceil(G / 100) +
    org.groups.reduce(
      (sum, g) => sum + Math.max(1, Math.ceil((perGroup.get(g.id) ?? 0) / 100)),
      0,
    );

  const limited = await FakeIdentityCenter.start(org, {
    ssoAdminRequestsPerSecond: QUOTA,
  });
  const started = process.hrtime.bigint();
  const result = await new IdentityCenterReader(
    settings(limited.url, QUOTA),
    credentials,
  ).read();
  const wallS = Number(process.hrtime.bigint() - started) / 1e9;
  await limited.stop();

  const calls = Object.values(result.calls).reduce((a, b) => a + b, 0);
  const ssoAdminCalls = Object.entries(result.calls)
    .filter(([op]) => SSO_ADMIN_OPERATIONS.has(op))
    .reduce((sum, [, n]) => sum + n, 0);
  const floorS = ssoAdminCalls / QUOTA;

  // The per-account-by-permission-set method, counted on an unlimited fake (it would take
  // minutes at the real quota).
  const unlimited = await FakeIdentityCenter.start(org);
  const naive = await new IdentityCenterReader(
    settings(unlimited.url, 10_000),
    credentials,
  ).read({ forceMethod: 'perAccount' });
  await unlimited.stop();
  const naiveCalls = Object.values(naive.calls).reduce((a, b) => a + b, 0);

  print(
    `org accounts=${A} permission_sets=${P} groups=${G} assignments=${org.assignments.length} ` +
      `snapshot_assignments=${result.snapshot.assignments.length} method=${result.assignmentsMethod}`,
  );
  print(`calls_by_operation ${JSON.stringify(result.calls)}`);
  print(
    `sso_admin_calls=${ssoAdminCalls} throttled=${
      ssoAdminCalls - (lowerBound - Math.ceil(A / 20) - Math.ceil(G / 100))
    }`,
  );
  print(
    `sync calls=${calls} lower_bound=${lowerBound} calls_ratio=${(
      calls / lowerBound
    ).toFixed(3)} ` +
      `wall_s=${wallS.toFixed(2)} floor_s=${floorS.toFixed(2)} wall_ratio=${(
        wallS / floorS
      ).toFixed(3)} ` +
      `naive_calls=${naiveCalls}`,
  );
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
