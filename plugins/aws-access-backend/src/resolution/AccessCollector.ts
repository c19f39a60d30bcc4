import {
  AwsAccountAccess,
  AwsRole,
} from '@aws-access/backstage-plugin-aws-access-common';

/** Orders accounts, roles and grants by their `name`, as every list in the API is. */
export const byName = (a: { name: string }, b: { name: string }) =>
  a.name.localeCompare(b.name);

/** Orders accounts by name, then organisation and id: the same name in two organisations stays two entries. */
export const accountOrder = (
  a: { name: string; organization: string; id: string },
  b: { name: string; organization: string; id: string },
) =>
  byName(a, b) ||
  a.organization.localeCompare(b.organization) ||
  a.id.localeCompare(b.id);

/** An account's identity across organisations. */
export const accountKey = (a: { organization: string; id: string }) =>
  `${a.organization}|${a.id}`;

/**
 * Builds an account list one grant at a time: one entry per account (of an organisation), one role per
 * permission set in it, and each granting group once per role. Never changes the objects
 * it is given, so memoised lists can be merged safely.
 */
export class AccessCollector {
  private readonly accounts = new Map<string, AwsAccountAccess>();

  /** Records that `grantedVia` grant `role` in `account`. */
  add(
    account: Omit<AwsAccountAccess, 'roles'>,
    role: Omit<AwsRole, 'grantedVia'>,
    grantedVia: string[],
  ): void {
    const key = accountKey(account);
    let entry = this.accounts.get(key);
    if (!entry) {
      entry = { ...account, roles: [] };
      this.accounts.set(key, entry);
    }
    let held = entry.roles.find(r => r.name === role.name);
    if (!held) {
      held = { ...role, grantedVia: [] };
      entry.roles.push(held);
    }
    for (const group of grantedVia) {
      if (!held.grantedVia.includes(group)) {
        held.grantedVia.push(group);
      }
    }
  }

  /** The accounts by name, each with its roles by name. */
  toList(): AwsAccountAccess[] {
    const list = [...this.accounts.values()].sort(accountOrder);
    list.forEach(a => a.roles.sort(byName));
    return list;
  }
}
