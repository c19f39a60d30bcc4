import {
  AccessSnapshot,
  SnapshotAccount,
  SnapshotAssignment,
  SnapshotGroup,
  SnapshotPermissionSet,
  SnapshotUser,
} from './types';

/**
 * One piece of a snapshot that an incremental refresh re-reads on its own: all assignments
 * of one principal, one permission set, the groups, or the account list. A part read later
 * than the snapshot it lands in replaces that piece wholesale.
 */
export type SnapshotPart =
  | {
      kind: 'principal';
      principalType: 'GROUP' | 'USER';
      principalId: string;
      assignments: SnapshotAssignment[];
      /**
       * For a user the snapshot may not list yet (a temporary grant to someone without
       * direct assignments): the catalog user it stands for, added when missing.
       */
      user?: SnapshotUser;
    }
  | {
      kind: 'permissionSet';
      arn: string;
      /** Absent when the permission set no longer exists. */
      permissionSet?: SnapshotPermissionSet & { arn: string };
    }
  | { kind: 'groups'; groups: SnapshotGroup[] }
  | { kind: 'accounts'; accounts: SnapshotAccount[] };

/** The key of a principal's assignments; refresh requests coalesce under the same keys. */
export const principalKey = (type: 'GROUP' | 'USER', id: string) =>
  `principal:${type}:${id}`;

/** The key of one permission set. */
export const permissionSetKey = (arn: string) => `permissionSet:${arn}`;

/** Identifies the piece of a snapshot a part replaces; equal keys replace each other. */
export function partKey(part: SnapshotPart): string {
  switch (part.kind) {
    case 'principal':
      return principalKey(part.principalType, part.principalId);
    case 'permissionSet':
      return permissionSetKey(part.arn);
    case 'groups':
    case 'accounts':
      return part.kind;
    default:
      return unreachable(part);
  }
}

/** A new snapshot with the part's piece replaced; the input is never changed. */
export function applyPart(
  snapshot: AccessSnapshot,
  part: SnapshotPart,
): AccessSnapshot {
  switch (part.kind) {
    case 'principal': {
      const others = snapshot.assignments.filter(
        a =>
          a.principalId !== part.principalId ||
          a.principalType !== part.principalType,
      );
      return withUsers(
        { ...snapshot, assignments: [...others, ...part.assignments] },
        part.user ? [part.user] : [],
      );
    }
    case 'permissionSet': {
      const others = snapshot.permissionSets.filter(p => p.arn !== part.arn);
      return {
        ...snapshot,
        permissionSets: part.permissionSet
          ? [...others, part.permissionSet]
          : others,
      };
    }
    case 'groups':
      return { ...snapshot, groups: part.groups };
    case 'accounts':
      return { ...snapshot, accounts: part.accounts };
    default:
      return unreachable(part);
  }
}

/**
 * A new snapshot with each part's piece replaced, in order (a later part of the same key
 * wins), as `applyPart` one after the other would make it. The principals' assignments
 * are replaced in one pass: part by part, a batch of N principals would copy the whole
 * assignment list N times: at 40,000 assignments and 500 principals, some 160
 * megabytes of garbage for one write.
 */
export function applyParts(
  snapshot: AccessSnapshot,
  parts: SnapshotPart[],
): AccessSnapshot {
  const principals = new Map<string, SnapshotAssignment[]>();
  const users: SnapshotUser[] = [];
  let next = snapshot;
  for (const part of parts) {
    if (part.kind === 'principal') {
      if (part.user) {
        users.push(part.user);
      }
      const key = partKey(part);
      // Delete first, so that the later read's assignments come last, as applyPart puts them.
      principals.delete(key);
      principals.set(key, part.assignments);
    } else {
      next = applyPart(next, part);
    }
  }
  if (principals.size === 0) {
    return next;
  }
  const others = next.assignments.filter(
    a => !principals.has(principalKey(a.principalType, a.principalId)),
  );
  return withUsers(
    { ...next, assignments: [...others, ...[...principals.values()].flat()] },
    users,
  );
}

/** The snapshot with the users it does not list yet added; the same object when none. */
function withUsers(
  snapshot: AccessSnapshot,
  users: SnapshotUser[],
): AccessSnapshot {
  const known = new Set((snapshot.users ?? []).map(u => u.id));
  const added = users.filter(u => !known.has(u.id) && known.add(u.id));
  return added.length === 0
    ? snapshot
    : { ...snapshot, users: [...(snapshot.users ?? []), ...added] };
}

/**
 * The part with the given key as the snapshot holds it, so a newer piece can be carried
 * over onto a snapshot read earlier. Undefined for a key that names no kind of part.
 */
export function extractPart(
  snapshot: AccessSnapshot,
  key: string,
): SnapshotPart | undefined {
  const [kind, ...rest] = key.split(':');
  const id = rest.join(':');
  if (kind === 'principal') {
    const [principalType, ...idParts] = rest;
    const principalId = idParts.join(':');
    if (principalType !== 'GROUP' && principalType !== 'USER') {
      return undefined;
    }
    const user =
      principalType === 'USER'
        ? snapshot.users?.find(u => u.id === principalId)
        : undefined;
    return {
      kind,
      principalType,
      principalId,
      assignments: snapshot.assignments.filter(
        a => a.principalType === principalType && a.principalId === principalId,
      ),
      ...(user && { user }),
    };
  }
  if (kind === 'permissionSet') {
    const found = snapshot.permissionSets.find(p => p.arn === id);
    return {
      kind,
      arn: id,
      ...(found && { permissionSet: { ...found, arn: id } }),
    };
  }
  if (key === 'groups') {
    return { kind: 'groups', groups: snapshot.groups };
  }
  if (key === 'accounts') {
    return { kind: 'accounts', accounts: snapshot.accounts };
  }
  return undefined;
}

function unreachable(value: never): never {
  throw new Error(`Unknown snapshot part ${JSON.stringify(value)}`);
}
