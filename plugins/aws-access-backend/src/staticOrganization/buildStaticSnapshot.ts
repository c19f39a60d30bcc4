import { AwsAccessConfigError, keyOf } from '../config/AwsAccessConfigError';
import { AccessSnapshot } from '../snapshot/types';
import { StaticOrganizationConfig } from './config';

/**
 * The snapshot of the organisation declared in config. Cross-references are checked here
 * (duplicate account ids, assignments naming unknown accounts or permission sets), with
 * errors naming the config key, so a wrong value still stops the backend at startup.
 */
export function buildStaticSnapshot(
  raw: StaticOrganizationConfig,
): AccessSnapshot {
  const accounts = raw.accounts.map(a => ({ ...a }));
  const seenIds = new Set<string>();
  accounts.forEach((a, i) => {
    if (seenIds.has(a.id)) {
      throw new AwsAccessConfigError(
        keyOf(['static', 'accounts', i, 'id']),
        `account id '${a.id}' is declared twice`,
      );
    }
    seenIds.add(a.id);
  });

  const groups = raw.groups.map(g => ({
    id: g.id ?? g.displayName,
    displayName: g.displayName,
    externalIds: g.externalIds,
  }));
  const findAccount = (ref: string) =>
    accounts.find(a => a.id === ref) ?? accounts.find(a => a.name === ref);
  const findGroup = (ref: string) =>
    groups.find(g => g.id === ref) ?? groups.find(g => g.displayName === ref);

  const assignments: AccessSnapshot['assignments'] = [];
  const users: NonNullable<AccessSnapshot['users']> = [];
  raw.assignments.forEach((assignment, i) => {
    let principal: { type: 'GROUP' | 'USER'; id: string };
    if (assignment.user) {
      // Direct assignments name the catalog User; the ref stands in for an identity-store id.
      if (!users.some(u => u.id === assignment.user)) {
        users.push({ id: assignment.user, catalogRef: assignment.user });
      }
      principal = { type: 'USER', id: assignment.user };
    } else {
      const name = assignment.group!;
      let group = findGroup(name);
      if (!group) {
        group = { id: name, displayName: name, externalIds: [] };
        groups.push(group);
      }
      principal = { type: 'GROUP', id: group.id };
    }
    assignment.accounts.forEach((ref, j) => {
      const account = findAccount(ref);
      if (!account) {
        throw new AwsAccessConfigError(
          keyOf(['static', 'assignments', i, 'accounts', j]),
          `no account with id or name '${ref}' in awsAccess.static.accounts`,
        );
      }
      assignment.permissionSets.forEach((name, k) => {
        if (!raw.permissionSets.some(p => p.name === name)) {
          throw new AwsAccessConfigError(
            keyOf(['static', 'assignments', i, 'permissionSets', k]),
            `no permission set named '${name}' in awsAccess.static.permissionSets`,
          );
        }
        assignments.push({
          accountId: account.id,
          permissionSetName: name,
          principalType: principal.type,
          principalId: principal.id,
        });
      });
    });
  });

  return {
    accounts,
    permissionSets: raw.permissionSets,
    groups,
    users,
    assignments,
  };
}
