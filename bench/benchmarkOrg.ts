import { FakeOrg, generateOrg } from '@aws-access/fake-identity-center';

/** The synthetic organisation both backend benchmarks use (issue: 1,000 / 60 / 300 / ~6,000). */
export function benchmarkOrg() {
  return generateOrg({
    accounts: 1000,
    permissionSets: 60,
    groups: 300,
    assignments: 6000,
  });
}

/**
 * `org` as organisation `n` (1 to 9) would hold it, on an Identity Center instance of its own:
 * its instance ARN, identity store id, account ids, group ids and permission set ARNs are
 * its own, while account names and group display names stay as generated, so organisations
 * built from the generator share some of both.
 */
export function inOwnInstance(org: FakeOrg, n: number): FakeOrg {
  const instanceId = `ssoins-fake${String(n).padStart(12, '0')}`;
  const instanceArn = `arn:aws:sso:::instance/${instanceId}`;
  const oldInstanceId = org.instanceArn.split('/').pop()!;
  const accountId = (id: string) => String(Number(id) + n * 10_000_000_000);
  const groupId = (id: string) => `${n}${id.slice(1)}`;
  const permissionSetArn = (arn: string) =>
    arn.replace(`/${oldInstanceId}/`, `/${instanceId}/`);
  return {
    ...org,
    instanceArn,
    identityStoreId: `d-${String(n).padStart(10, '0')}`,
    accounts: org.accounts.map(a => ({ ...a, id: accountId(a.id) })),
    permissionSets: org.permissionSets.map(p => ({
      ...p,
      arn: permissionSetArn(p.arn),
    })),
    groups: org.groups.map(g => ({ ...g, id: groupId(g.id) })),
    assignments: org.assignments.map(a => ({
      ...a,
      accountId: accountId(a.accountId),
      permissionSetArn: permissionSetArn(a.permissionSetArn),
      principalId:
        a.principalType === 'GROUP' ? groupId(a.principalId) : a.principalId,
    })),
  };
}

/** Catalog Groups named like the synthetic organisation's groups (group-0, group-1, …), as YAML documents. */
export function groupEntities(count: number): string[] {
  return Array.from({ length: count }, (_, i) =>
    [
      'apiVersion: backstage.io/v1alpha1',
      'kind: Group',
      'metadata:',
      `  name: group-${i}`,
      'spec:',
      '  type: team',
      '  children: []',
    ].join('\n'),
  );
}
