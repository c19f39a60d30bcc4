import {
  AccountIndexEntry,
  AwsAccountAccess,
  GrantingTeams,
  grantingGroups,
  teamOfGroup,
} from '@aws-access/backstage-plugin-aws-access-common';

/**
 * Accounts as the portal's search indexes them: each with its organisation, its roles by
 * name and the catalog teams behind the groups that grant them.
 *
 * @param titles - organisation titles by id
 */
export function accountIndexEntries(
  accounts: AwsAccountAccess[],
  teams: GrantingTeams,
  titles: ReadonlyMap<string, string>,
): AccountIndexEntry[] {
  return accounts.map(account => {
    const teamRefs = new Set<string>();
    for (const role of account.roles) {
      for (const group of grantingGroups(role.grantedVia)) {
        const team = teamOfGroup(teams, account, group);
        if (team) teamRefs.add(team);
      }
    }
    return {
      organization: account.organization,
      organizationTitle:
        titles.get(account.organization) ?? account.organization,
      id: account.id,
      name: account.name,
      ...(account.environment && { environment: account.environment }),
      roles: account.roles.map(r => r.name),
      teams: [...teamRefs].sort(),
    };
  });
}
