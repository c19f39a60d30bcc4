import {
  NO_FRESHNESS,
  ReadPart,
  versionAfterFullRead,
  versionAfterParts,
} from './versionRules';
import { AccessSnapshot } from './types';

const assignment = (principalId: string, accountId = '111111111111') => ({
  accountId,
  permissionSetName: 'ReadOnly',
  principalType: 'GROUP' as const,
  principalId,
});

const snapshot = (principals: string[]): AccessSnapshot => ({
  accounts: [{ id: '111111111111', name: 'one' }],
  permissionSets: [{ name: 'ReadOnly' }],
  groups: [],
  assignments: principals.map(p => assignment(p)),
});

const principalPart = (
  principalId: string,
  readSeq: number,
  accounts: string[] = ['111111111111'],
): ReadPart => ({
  readSeq,
  part: {
    kind: 'principal',
    principalType: 'GROUP',
    principalId,
    assignments: accounts.map(a => assignment(principalId, a)),
  },
});

describe('versionAfterFullRead', () => {
  it('serves the first full read as it is', () => {
    expect(
      versionAfterFullRead({ freshness: NO_FRESHNESS }, snapshot(['g-1']), 3),
    ).toEqual({
      snapshot: snapshot(['g-1']),
      freshness: { fullRead: 3, parts: {} },
    });
  });

  it('loses to a full read begun later', () => {
    const current = {
      snapshot: snapshot(['g-1']),
      freshness: { fullRead: 5, parts: {} },
    };
    expect(versionAfterFullRead(current, snapshot([]), 4)).toBeUndefined();
  });

  it('carries over a part read after it began, and drops one read before', () => {
    const current = {
      snapshot: snapshot(['g-new', 'g-old']),
      freshness: {
        fullRead: 1,
        parts: { 'principal:GROUP:g-new': 7, 'principal:GROUP:g-old': 2 },
      },
    };
    const next = versionAfterFullRead(current, snapshot(['g-1']), 5)!;
    expect(next.snapshot.assignments.map(a => a.principalId)).toEqual([
      'g-1',
      'g-new',
    ]);
    expect(next.freshness).toEqual({
      fullRead: 5,
      parts: { 'principal:GROUP:g-new': 7 },
    });
  });
});

describe('versionAfterParts', () => {
  it('has nothing to patch before the first full read', () => {
    expect(
      versionAfterParts({ freshness: NO_FRESHNESS }, [principalPart('g', 1)]),
    ).toEqual({ applied: 0, outdated: 1 });
  });

  it('replaces a principal wholesale with a newer read', () => {
    const current = {
      snapshot: snapshot(['g-1', 'g-2']),
      freshness: { fullRead: 2, parts: {} },
    };
    const outcome = versionAfterParts(current, [
      principalPart('g-1', 3, ['222222222222', '333333333333']),
    ]);
    expect(outcome.applied).toBe(1);
    expect(outcome.version!.snapshot.assignments).toEqual([
      assignment('g-2'),
      assignment('g-1', '222222222222'),
      assignment('g-1', '333333333333'),
    ]);
    expect(outcome.version!.freshness.parts).toEqual({
      'principal:GROUP:g-1': 3,
    });
    // What it was given is never changed.
    expect(current.snapshot).toEqual(snapshot(['g-1', 'g-2']));
  });

  it('drops a part older than the full read or than the last read of that part', () => {
    const current = {
      snapshot: snapshot(['g-1']),
      freshness: { fullRead: 4, parts: { 'principal:GROUP:g-2': 9 } },
    };
    expect(
      versionAfterParts(current, [
        principalPart('g-1', 3, []),
        principalPart('g-2', 8, []),
      ]),
    ).toEqual({ applied: 0, outdated: 2 });
  });

  it('applies the newer of two reads of the same part in one batch', () => {
    const current = {
      snapshot: snapshot([]),
      freshness: { fullRead: 1, parts: {} },
    };
    const outcome = versionAfterParts(current, [
      principalPart('g-1', 6, ['222222222222']),
      principalPart('g-1', 5, []),
    ]);
    expect(outcome).toMatchObject({ applied: 1, outdated: 1 });
    expect(outcome.version!.snapshot.assignments).toEqual([
      assignment('g-1', '222222222222'),
    ]);
  });
});
