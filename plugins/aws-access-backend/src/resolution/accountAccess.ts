import { AwsAccountAccess } from '@aws-access/backstage-plugin-aws-access-common';
import { AccessSnapshot } from '../snapshot/types';

const byName = (a: { name: string }, b: { name: string }) =>
  a.name.localeCompare(b.name);

/**
 * Collects the accounts and roles the given Identity Center groups hold, with the groups
 * that grant each role. Optionally narrowed to a set of account ids.
 */
export function accountAccessForGroups(
  snapshot: AccessSnapshot,
  groupIds: ReadonlySet<string>,
  onlyAccountIds?: ReadonlySet<string>,
): AwsAccountAccess[] {
  const groupNames = new Map(snapshot.groups.map(g => [g.id, g.displayName]));
  const accountsById = new Map(snapshot.accounts.map(a => [a.id, a]));
  const permissionSets = new Map(snapshot.permissionSets.map(p => [p.name, p]));
  const result = new Map<string, AwsAccountAccess>();

  for (const assignment of snapshot.assignments) {
    if (
      assignment.principalType !== 'GROUP' ||
      !groupIds.has(assignment.principalId) ||
      (onlyAccountIds && !onlyAccountIds.has(assignment.accountId))
    ) {
      continue;
    }
    let access = result.get(assignment.accountId);
    if (!access) {
      const account = accountsById.get(assignment.accountId);
      access = {
        id: assignment.accountId,
        name: account?.name ?? assignment.accountId,
        ...(account?.environment && { environment: account.environment }),
        ...(account?.region && { region: account.region }),
        roles: [],
      };
      result.set(assignment.accountId, access);
    }
    let role = access.roles.find(r => r.name === assignment.permissionSetName);
    if (!role) {
      const permissionSet = permissionSets.get(assignment.permissionSetName);
      role = {
        name: assignment.permissionSetName,
        ...(permissionSet?.description && {
          description: permissionSet.description,
        }),
        ...(permissionSet?.sessionDuration && {
          sessionDuration: permissionSet.sessionDuration,
        }),
        grantedVia: [],
      };
      access.roles.push(role);
    }
    const groupName =
      groupNames.get(assignment.principalId) ?? assignment.principalId;
    if (!role.grantedVia.includes(groupName)) {
      role.grantedVia.push(groupName);
    }
  }

  const accounts = [...result.values()].sort(byName);
  accounts.forEach(a => a.roles.sort(byName));
  return accounts;
}
