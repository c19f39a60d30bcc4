import { generateOrg } from '@aws-access/fake-identity-center';

/** The synthetic organisation both backend benchmarks use (issue: 1,000 / 60 / 300 / ~6,000). */
export function benchmarkOrg() {
  return generateOrg({
    accounts: 1000,
    permissionSets: 60,
    groups: 300,
    assignments: 6000,
  });
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
