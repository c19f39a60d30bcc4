import { AccountGrantsResponse } from '@aws-access/backstage-plugin-aws-access-common';
import { byName } from './AccessCollector';
import { OrganizationSnapshotRef } from './accountAccess';

/** Which groups hold which permission sets in one account of an organisation, by group display name. */
export function accountGrants(
  { organization, snapshot }: OrganizationSnapshotRef,
  accountId: string,
): Pick<AccountGrantsResponse, 'account' | 'grants'> {
  const account = snapshot.accounts.find(a => a.id === accountId);
  const groups = new Map(snapshot.groups.map(g => [g.id, g.displayName]));
  const permissionSets = new Map(snapshot.permissionSets.map(p => [p.name, p]));
  const grants = new Map<string, AccountGrantsResponse['grants'][number]>();
  for (const a of snapshot.assignments) {
    if (a.accountId !== accountId || a.principalType !== 'GROUP') {
      continue;
    }
    let grant = grants.get(a.principalId);
    if (!grant) {
      grant = {
        groupId: a.principalId,
        group: groups.get(a.principalId) ?? a.principalId,
        roles: [],
      };
      grants.set(a.principalId, grant);
    }
    if (!grant.roles.some(r => r.name === a.permissionSetName)) {
      const p = permissionSets.get(a.permissionSetName);
      grant.roles.push({
        name: a.permissionSetName,
        ...(p?.description && { description: p.description }),
        ...(p?.sessionDuration && { sessionDuration: p.sessionDuration }),
      });
    }
  }
  const list = [...grants.values()].sort((x, y) =>
    x.group.localeCompare(y.group),
  );
  list.forEach(g => g.roles.sort(byName));
  return {
    account: {
      organization: organization.id,
      id: accountId,
      name: account?.name ?? accountId,
      ...(account?.environment && { environment: account.environment }),
    },
    grants: list,
  };
}
