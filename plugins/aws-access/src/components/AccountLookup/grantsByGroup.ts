import {
  AwsAccountAccess,
  DIRECT_ASSIGNMENT,
  grantingGroups,
} from '@aws-access/backstage-plugin-aws-access-common';

/** One Identity Center group and the roles it grants in an account. */
export interface GroupGrant {
  group: string;
  roles: string[];
}

/**
 * Turns an account's roles (each with its granting groups) around into the groups
 * holding roles there, each with its roles, by group name; roles assigned to people
 * directly come last under {@link DIRECT_ASSIGNMENT}.
 */
export function grantsByGroup(account: AwsAccountAccess): GroupGrant[] {
  const byGroup = new Map<string, string[]>();
  const direct: string[] = [];
  for (const role of account.roles) {
    for (const group of grantingGroups(role.grantedVia)) {
      byGroup.set(group, [...(byGroup.get(group) ?? []), role.name]);
    }
    if (role.grantedVia.includes(DIRECT_ASSIGNMENT)) {
      direct.push(role.name);
    }
  }
  const list = [...byGroup.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([group, roles]) => ({ group, roles }));
  return direct.length
    ? [...list, { group: DIRECT_ASSIGNMENT, roles: direct }]
    : list;
}
