import { AwsAccountAccess } from '@aws-access/backstage-plugin-aws-access-common';
import { AccessCollector } from './AccessCollector';

/** Unites account lists: one entry per account, roles and granting groups combined. */
export function mergeAccess(lists: AwsAccountAccess[][]): AwsAccountAccess[] {
  const collector = new AccessCollector();
  for (const { roles, ...account } of lists.flat()) {
    for (const { grantedVia, ...role } of roles) {
      collector.add(account, role, grantedVia);
    }
  }
  return collector.toList();
}
