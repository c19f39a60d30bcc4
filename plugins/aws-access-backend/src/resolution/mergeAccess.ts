import { AwsAccountAccess } from '@aws-access/backstage-plugin-aws-access-common';

const byName = (a: { name: string }, b: { name: string }) =>
  a.name.localeCompare(b.name);

/** Unites account lists: one entry per account, roles and granting groups combined. */
export function mergeAccess(lists: AwsAccountAccess[][]): AwsAccountAccess[] {
  const accounts = new Map<string, AwsAccountAccess>();
  for (const account of lists.flat()) {
    const existing = accounts.get(account.id);
    if (!existing) {
      accounts.set(account.id, {
        ...account,
        roles: account.roles.map(r => ({
          ...r,
          grantedVia: [...r.grantedVia],
        })),
      });
      continue;
    }
    for (const role of account.roles) {
      const same = existing.roles.find(r => r.name === role.name);
      if (!same) {
        existing.roles.push({ ...role, grantedVia: [...role.grantedVia] });
      } else {
        for (const group of role.grantedVia) {
          if (!same.grantedVia.includes(group)) same.grantedVia.push(group);
        }
      }
    }
  }
  const merged = [...accounts.values()].sort(byName);
  merged.forEach(a => a.roles.sort(byName));
  return merged;
}
