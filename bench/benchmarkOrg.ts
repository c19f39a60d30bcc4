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
