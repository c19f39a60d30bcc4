import { generateOrg } from '@aws-access/fake-identity-center';
import { applyChange, pickChange, pickGroups } from './changes';

/** A deterministic stand-in for Math.random that walks through the given values. */
const sequence = (...values: number[]) => {
  let i = 0;
  return () => values[i++ % values.length];
};

/** Random, but the first draw is `first` (which decides between removing and adding). */
const startingWith = (first: number) => {
  let drawn = false;
  return () => {
    if (drawn) return Math.random();
    drawn = true;
    return first;
  };
};

const org = () =>
  generateOrg({ accounts: 20, permissionSets: 3, groups: 5, assignments: 30 });

describe('pickGroups', () => {
  it('picks distinct groups that are not busy', () => {
    const groups = org().groups;
    const busy = new Set([groups[0].id, groups[1].id]);
    const picked = pickGroups(groups, busy, 10, Math.random);
    expect(picked).toHaveLength(3);
    expect(new Set(picked.map(g => g.id)).size).toBe(3);
    expect(picked.some(g => busy.has(g.id))).toBe(false);
    expect(pickGroups(groups, new Set(), 2, Math.random)).toHaveLength(2);
  });
});

describe('pickChange and applyChange', () => {
  it('removes one of the group’s assignments', () => {
    const o = org();
    const group = o.assignments[0].principalId;
    const before = o.assignments.filter(a => a.principalId === group).length;
    const change = pickChange(o, group, sequence(0.1, 0));
    expect(change.kind).toBe('delete');
    expect(change.assignment.principalId).toBe(group);
    applyChange(o, change);
    expect(o.assignments.filter(a => a.principalId === group)).toHaveLength(
      before - 1,
    );
    expect(o.assignments).not.toContain(change.assignment);
  });

  it('adds a role the group does not hold yet', () => {
    const o = org();
    const group = o.assignments[0].principalId;
    for (let i = 0; i < 20; i++) {
      const change = pickChange(o, group, startingWith(0.9));
      expect(change.kind).toBe('create');
      const key = (a: { accountId: string; permissionSetArn: string }) =>
        `${a.accountId}|${a.permissionSetArn}`;
      expect(
        o.assignments.filter(a => a.principalId === group).map(key),
      ).not.toContain(key(change.assignment));
      applyChange(o, change);
      expect(o.assignments).toContain(change.assignment);
    }
  });

  it('always adds to a group without assignments', () => {
    const o = org();
    o.assignments = [];
    expect(pickChange(o, o.groups[0].id, sequence(0.1)).kind).toBe('create');
  });
});
