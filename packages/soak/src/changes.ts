import { FakeOrg } from '@aws-access/fake-identity-center';

type Assignment = FakeOrg['assignments'][number];

/** One assignment made or removed in Identity Center. */
export interface AssignmentChange {
  kind: 'create' | 'delete';
  assignment: Assignment;
}

/**
 * Up to `count` distinct groups that are not busy (a change of theirs is not yet seen),
 * in random order.
 */
export function pickGroups<G extends { id: string }>(
  groups: G[],
  busy: ReadonlySet<string>,
  count: number,
  random: () => number,
): G[] {
  const free = groups.filter(g => !busy.has(g.id));
  for (let i = free.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [free[i], free[j]] = [free[j], free[i]];
  }
  return free.slice(0, count);
}

/**
 * A change to one group's assignments: half the time one of its assignments goes, else
 * it gets a role in an account where it does not hold that role yet. A group without
 * assignments always gets one.
 */
export function pickChange(
  org: FakeOrg,
  groupId: string,
  random: () => number,
): AssignmentChange {
  const held = org.assignments.filter(
    a => a.principalType === 'GROUP' && a.principalId === groupId,
  );
  if (held.length > 0 && random() < 0.5) {
    return {
      kind: 'delete',
      assignment: held[Math.floor(random() * held.length)],
    };
  }
  const taken = new Set(held.map(a => `${a.accountId}|${a.permissionSetArn}`));
  for (;;) {
    const accountId =
      org.accounts[Math.floor(random() * org.accounts.length)].id;
    const permissionSetArn =
      org.permissionSets[Math.floor(random() * org.permissionSets.length)].arn;
    if (!taken.has(`${accountId}|${permissionSetArn}`)) {
      return {
        kind: 'create',
        assignment: {
          accountId,
          permissionSetArn,
          principalType: 'GROUP',
          principalId: groupId,
        },
      };
    }
  }
}

/** Makes the change in the organisation the fake serves (its list is read on every call). */
export function applyChange(org: FakeOrg, change: AssignmentChange): void {
  if (change.kind === 'create') {
    org.assignments.push(change.assignment);
    return;
  }
  const index = org.assignments.indexOf(change.assignment);
  if (index >= 0) {
    org.assignments.splice(index, 1);
  }
}
