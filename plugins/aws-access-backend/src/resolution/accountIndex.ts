import {
  AccountIndexEntry,
  AwsAccountAccess,
  grantingGroups,
} from '@aws-access/backstage-plugin-aws-access-common';

/**
 * Accounts as the portal's search indexes them: each with its roles by name and the
 * catalog teams behind the groups that grant them (from `teams`, group name to team ref).
 */
export function accountIndexEntries(
  accounts: AwsAccountAccess[],
  teams: Record<string, string>,
): AccountIndexEntry[] {
  return accounts.map(account => {
    const teamRefs = new Set<string>();
    for (const role of account.roles) {
      for (const group of grantingGroups(role.grantedVia)) {
        const team = teams[group];
        if (team) teamRefs.add(team);
      }
    }
    return {
      id: account.id,
      name: account.name,
      ...(account.environment && { environment: account.environment }),
      roles: account.roles.map(r => r.name),
      teams: [...teamRefs].sort(),
    };
  });
}
