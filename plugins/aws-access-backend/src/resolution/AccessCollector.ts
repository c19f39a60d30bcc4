import {
  AwsAccountAccess,
  AwsRole,
} from '@aws-access/backstage-plugin-aws-access-common';

/** Orders accounts, roles and grants by their `name`, as every list in the API is. */
export const byName = (a: { name: string }, b: { name: string }) =>
  a.name.localeCompare(b.name);

/**
 * Builds an account list one grant at a time: one entry per account, one role per
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
    let entry = this.accounts.get(account.id);
    if (!entry) {
      entry = { ...account, roles: [] };
      this.accounts.set(account.id, entry);
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
    const list = [...this.accounts.values()].sort(byName);
    list.forEach(a => a.roles.sort(byName));
    return list;
  }
}
