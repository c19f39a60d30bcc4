/*
 * What the sync benchmark measures a read against, for one organisation or several: the
 * fewest calls a complete read can make, the time the sso-admin quota allows at the least,
 * and whether every group's assignments arrived exactly.
 */
import { FakeOrg } from '@aws-access/fake-identity-center';
import { AccessSnapshot } from '../plugins/aws-access-backend/src/snapshot/types';

/** The quotas the fake enforces per instance, as AWS does per management account. */
export const SSO_ADMIN_QUOTA = 20;
export const ORGANIZATIONS_QUOTA = 10;

const SSO_ADMIN_OPERATIONS = new Set([
  'ListInstances',
  'ListPermissionSets',
  'DescribePermissionSet',
  'ListAccountAssignmentsForPrincipal',
  'ListAccountsForProvisionedPermissionSet',
  'ListAccountAssignments',
]);

export const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

/**
 * The fewest calls that read `org` completely: the instance, the permission sets (listed and
 * described), the account and group listings, and each group's assignments a page of 100 at a
 * time. `listingPages` are the account and group listings, the part outside sso-admin.
 */
export function syncLowerBound(org: FakeOrg): {
  calls: number;
  listingPages: number;
} {
  const P = org.permissionSets.length;
  const perGroup = new Map<string, number>();
  for (const a of org.assignments) {
    perGroup.set(a.principalId, (perGroup.get(a.principalId) ?? 0) + 1);
  }
  const listingPages =
    Math.ceil(org.accounts.length / 20) + Math.ceil(org.groups.length / 100);
  const calls =
    1 +
    Math.ceil(P / 100) +
    P +
    listingPages +
    sum(
      org.groups.map(g =>
        Math.max(1, Math.ceil((perGroup.get(g.id) ?? 0) / 100)),
      ),
    );
  return { calls, listingPages };
}

/** The calls that count against the sso-admin quota. */
export function ssoAdminCalls(calls: Record<string, number>): number {
  return sum(
    Object.entries(calls)
      .filter(([op]) => SSO_ADMIN_OPERATIONS.has(op))
      .map(([, n]) => n),
  );
}

/** The shortest time the sso-admin quota allows for these calls, in seconds. */
export const floorSeconds = (calls: Record<string, number>) =>
  ssoAdminCalls(calls) / SSO_ADMIN_QUOTA;

/** Groups whose assignments in the snapshot are exactly those the fake serves. */
export function exactGroups(org: FakeOrg, snapshot: AccessSnapshot): number {
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

/** `calls=… lower_bound=… calls_ratio=… wall_s=… floor_s=… wall_ratio=…`, as every `sync` line has them. */
export function callsAndWall(figures: {
  calls: number;
  lowerBound: number;
  wallS: number;
  floorS: number;
}): string {
  const { calls, lowerBound, wallS, floorS } = figures;
  return (
    `calls=${calls} lower_bound=${lowerBound} calls_ratio=${(
      calls / lowerBound
    ).toFixed(3)} ` +
    `wall_s=${wallS.toFixed(2)} floor_s=${floorS.toFixed(2)} wall_ratio=${(
      wallS / floorS
    ).toFixed(3)}`
  );
}
