import {
  AwsAccountAccess,
  DIRECT_ASSIGNMENT,
} from '@aws-access/backstage-plugin-aws-access-common';
import {
  AccessSnapshot,
  SnapshotAccount,
  SnapshotAssignment,
  SnapshotPermissionSet,
} from '../snapshot/types';
import { AccessCollector } from './AccessCollector';

/** One organisation's snapshot; an `OrganizationSnapshot` is one. */
export interface OrganizationSnapshotRef {
  organization: { id: string };
  snapshot: AccessSnapshot;
}

const principalKey = (type: 'GROUP' | 'USER', id: string) => `${type}:${id}`;

interface SnapshotIndex {
  organization: string;
  byPrincipal: Map<string, SnapshotAssignment[]>;
  accounts: Map<string, SnapshotAccount>;
  permissionSets: Map<string, SnapshotPermissionSet>;
  groupNames: Map<string, string>;
  results: Map<string, AwsAccountAccess[]>;
  everyone?: AwsAccountAccess[];
}

const MAX_RESULTS_PER_SNAPSHOT = 5000;
const indexes = new WeakMap<AccessSnapshot, SnapshotIndex>();

/**
 * Lookup tables for one organisation's snapshot, built on first use and dropped with the
 * snapshot. Every organisation has snapshot objects of its own.
 */
function indexOf(
  snapshot: AccessSnapshot,
  organization: string,
): SnapshotIndex {
  let index = indexes.get(snapshot);
  if (index && index.organization !== organization) {
    throw new TypeError(
      `One snapshot object was given for organisations '${index.organization}' and '${organization}'`,
    );
  }
  if (!index) {
    const byPrincipal = new Map<string, SnapshotAssignment[]>();
    for (const assignment of snapshot.assignments) {
      const key = principalKey(
        assignment.principalType,
        assignment.principalId,
      );
      const list = byPrincipal.get(key) ?? [];
      list.push(assignment);
      byPrincipal.set(key, list);
    }
    index = {
      organization,
      byPrincipal,
      accounts: new Map(snapshot.accounts.map(a => [a.id, a])),
      permissionSets: new Map(snapshot.permissionSets.map(p => [p.name, p])),
      groupNames: new Map(snapshot.groups.map(g => [g.id, g.displayName])),
      results: new Map(),
    };
    indexes.set(snapshot, index);
  }
  return index;
}

function collect(
  index: SnapshotIndex,
  principals: string[],
  onlyAccountIds?: ReadonlySet<string>,
): AwsAccountAccess[] {
  const collector = new AccessCollector();
  for (const principal of principals) {
    for (const assignment of index.byPrincipal.get(principal) ?? []) {
      if (onlyAccountIds && !onlyAccountIds.has(assignment.accountId)) {
        continue;
      }
      const account = index.accounts.get(assignment.accountId);
      const permissionSet = index.permissionSets.get(
        assignment.permissionSetName,
      );
      collector.add(
        {
          organization: index.organization,
          id: assignment.accountId,
          name: account?.name ?? assignment.accountId,
          ...(account?.environment && { environment: account.environment }),
          ...(account?.region && { region: account.region }),
        },
        {
          name: assignment.permissionSetName,
          ...(permissionSet?.description && {
            description: permissionSet.description,
          }),
          ...(permissionSet?.sessionDuration && {
            sessionDuration: permissionSet.sessionDuration,
          }),
        },
        [
          assignment.principalType === 'USER'
            ? DIRECT_ASSIGNMENT
            : index.groupNames.get(assignment.principalId) ??
              assignment.principalId,
        ],
      );
    }
  }
  return collector.toList();
}

/**
 * Collects the accounts and roles the given Identity Center groups hold, with the groups
 * that grant each role, optionally narrowed to a set of account ids. Results depend only
 * on the snapshot and the arguments, so they are remembered per snapshot; callers must
 * not modify them.
 */
export function accountAccessForGroups(
  { organization, snapshot }: OrganizationSnapshotRef,
  groupIds: ReadonlySet<string>,
  onlyAccountIds?: ReadonlySet<string>,
  userIds: ReadonlySet<string> = new Set(),
): AwsAccountAccess[] {
  const index = indexOf(snapshot, organization.id);
  const principals = [
    ...[...groupIds].map(id => principalKey('GROUP', id)),
    ...[...userIds].map(id => principalKey('USER', id)),
  ].sort();
  const key = `${principals.join(',')}|${
    onlyAccountIds ? [...onlyAccountIds].sort().join(',') : '*'
  }`;
  let accounts = index.results.get(key);
  if (!accounts) {
    accounts = collect(index, principals, onlyAccountIds);
    if (index.results.size >= MAX_RESULTS_PER_SNAPSHOT) {
      index.results.clear();
    }
    index.results.set(key, accounts);
  }
  return accounts;
}

/**
 * Every account with every role assigned in it and the groups that grant each: the whole
 * organisation as one list, built once per snapshot. Callers must not modify it.
 */
export function accountAccessOfEveryone({
  organization,
  snapshot,
}: OrganizationSnapshotRef): AwsAccountAccess[] {
  const index = indexOf(snapshot, organization.id);
  if (!index.everyone) {
    index.everyone = collect(index, [...index.byPrincipal.keys()].sort());
  }
  return index.everyone;
}
