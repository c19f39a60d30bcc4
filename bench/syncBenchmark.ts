/*
 * Sync benchmark: reads two synthetic organisations, the benchmark org (1,000 accounts,
 * 60 permission sets, 300 groups, ~6,000 group assignments) and five times that (5,000 /
 * 200 / 2,000 / 40,000), from the fake Identity Center limited to 20 sso-admin and 10
 * Organizations requests per second, with the plugin's real reader and the real SDK.
 * Prints figures, one `sync` line per size; asserts nothing. Run: ./scripts/bench.sh sync
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
import { AccessSnapshot } from '../plugins/aws-access-backend/src/snapshot/types';

const SSO_ADMIN_QUOTA = 20;
const ORGANIZATIONS_QUOTA = 10;
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

const SSO_ADMIN_OPERATIONS = new Set([
  'ListInstances',
  'ListPermissionSets',
  'DescribePermissionSet',
  'ListAccountAssignmentsForPrincipal',
  'ListAccountsForProvisionedPermissionSet',
  'ListAccountAssignments',
]);

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

/** Groups whose assignments in the snapshot are exactly those the fake serves. */
function exactGroups(org: FakeOrg, snapshot: AccessSnapshot): number {
  const nameByArn = new Map(org.permissionSets.map(p => [p.arn, p.name]));
  const keysByGroup = (
    rows: Array<{ principalId: string; key: string }>,
  ): Map<string, string> => {
    const keys = new Map<string, string[]>();
    for (const { principalId, key } of rows) {
      keys.set(principalId, [...(keys.get(principalId) ?? []), key]);
    }
    return new Map([...keys].map(([id, list]) => [id, list.sort().join('\n')]));
  };
  const expected = keysByGroup(
    org.assignments
      .filter(a => a.principalType === 'GROUP')
      .map(a => ({
        principalId: a.principalId,
        key: `${a.accountId} ${nameByArn.get(a.permissionSetArn)}`,
      })),
  );
  const actual = keysByGroup(
    snapshot.assignments
      .filter(a => a.principalType === 'GROUP')
      .map(a => ({
        principalId: a.principalId,
        key: `${a.accountId} ${a.permissionSetName}`,
      })),
  );
  const snapshotGroups = new Set(snapshot.groups.map(g => g.id));
  return org.groups.filter(
    g =>
      snapshotGroups.has(g.id) &&
      (expected.get(g.id) ?? '') === (actual.get(g.id) ?? ''),
  ).length;
}

async function benchmark(org: FakeOrg) {
  const P = org.permissionSets.length;
  const A = org.accounts.length;
  const G = org.groups.length;
  const perGroup = new Map<string, number>();
  for (const a of org.assignments) {
    perGroup.set(a.principalId, (perGroup.get(a.principalId) ?? 0) + 1);
  }
  const listingPages = Math.ceil(A / 20) + Math.ceil(G / 100);
  const lowerBound =
    1 +
    Math.ceil(P / 100) +
    P +
    listingPages +
    sum(
      org.groups.map(g =>
        Math.max(1, Math.ceil((perGroup.get(g.id) ?? 0) / 100)),
      ),
    );

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
  const ssoAdminCalls = sum(
    Object.entries(result.calls)
      .filter(([op]) => SSO_ADMIN_OPERATIONS.has(op))
      .map(([, n]) => n),
  );
  const floorS = ssoAdminCalls / SSO_ADMIN_QUOTA;

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
    `sso_admin_calls=${ssoAdminCalls} throttled=${
      ssoAdminCalls - (lowerBound - listingPages)
    }`,
  );
  print(
    `sync calls=${calls} lower_bound=${lowerBound} calls_ratio=${(
      calls / lowerBound
    ).toFixed(3)} ` +
      `wall_s=${wallS.toFixed(2)} floor_s=${floorS.toFixed(2)} wall_ratio=${(
        wallS / floorS
      ).toFixed(3)} ` +
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
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
