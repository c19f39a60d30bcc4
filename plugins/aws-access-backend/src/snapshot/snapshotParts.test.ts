import { SnapshotPart, applyPart, applyParts } from './snapshotParts';
import { AccessSnapshot, SnapshotAssignment } from './types';

const assignment = (
  principalId: string,
  accountId: string,
  principalType: 'GROUP' | 'USER' = 'GROUP',
): SnapshotAssignment => ({
  accountId,
  permissionSetName: 'ReadOnly',
  principalType,
  principalId,
});

const principal = (
  principalId: string,
  accounts: string[],
  principalType: 'GROUP' | 'USER' = 'GROUP',
): Extract<SnapshotPart, { kind: 'principal' }> => ({
  kind: 'principal',
  principalType,
  principalId,
  assignments: accounts.map(a => assignment(principalId, a, principalType)),
});

const snapshot: AccessSnapshot = {
  accounts: [{ id: '111111111111', name: 'one' }],
  permissionSets: [{ name: 'ReadOnly', arn: 'ps-1' }],
  groups: [{ id: 'g-1', displayName: 'one', externalIds: [] }],
  assignments: [
    assignment('g-1', '111111111111'),
    assignment('g-2', '111111111111'),
    assignment('g-2', '222222222222'),
    assignment('g-3', '333333333333'),
    // A user with the same id as a group is another principal.
    assignment('g-1', '444444444444', 'USER'),
  ],
};

describe('applyParts', () => {
  it('makes the same snapshot as applying the parts one after the other', () => {
    const parts: SnapshotPart[] = [
      principal('g-2', ['555555555555']),
      { kind: 'groups', groups: [] },
      principal('g-1', []),
      principal('g-4', ['666666666666']),
      { kind: 'permissionSet', arn: 'ps-1' },
      // A later read of the same principal wins.
      principal('g-2', ['777777777777', '888888888888']),
    ];
    const oneByOne = parts.reduce(applyPart, snapshot);
    const batched = applyParts(snapshot, parts);
    expect(batched).toEqual(oneByOne);
    expect(batched.assignments).toEqual([
      assignment('g-3', '333333333333'),
      assignment('g-1', '444444444444', 'USER'),
      assignment('g-4', '666666666666'),
      assignment('g-2', '777777777777'),
      assignment('g-2', '888888888888'),
    ]);
  });

  it('adds a user the snapshot does not list yet, once, both ways', () => {
    const withUsers = {
      ...snapshot,
      users: [{ id: 'u-1', catalogRef: 'user:default/ada' }],
    };
    const parts: SnapshotPart[] = [
      {
        ...principal('u-2', ['111111111111'], 'USER'),
        user: { id: 'u-2', catalogRef: 'user:default/grace' },
      },
      {
        ...principal('u-1', [], 'USER'),
        user: { id: 'u-1', catalogRef: 'user:default/ada' },
      },
      {
        ...principal('u-2', ['222222222222'], 'USER'),
        user: { id: 'u-2', catalogRef: 'user:default/grace' },
      },
    ];
    const batched = applyParts(withUsers, parts);
    expect(batched).toEqual(parts.reduce(applyPart, withUsers));
    expect(batched.users).toEqual([
      { id: 'u-1', catalogRef: 'user:default/ada' },
      { id: 'u-2', catalogRef: 'user:default/grace' },
    ]);
    expect(withUsers.users).toHaveLength(1);
  });

  it('leaves the input alone', () => {
    const before = JSON.stringify(snapshot);
    applyParts(snapshot, [
      principal('g-1', []),
      { kind: 'accounts', accounts: [] },
    ]);
    expect(JSON.stringify(snapshot)).toBe(before);
    expect(applyParts(snapshot, [])).toEqual(snapshot);
  });
});
