import { FakeOrg } from '@aws-access/fake-identity-center';
import {
  StatusTally,
  compareGroups,
  expectedRolesByGroup,
  rssGrowthPct,
  shownRoles,
} from './checks';

const org: FakeOrg = {
  instanceArn: 'arn:aws:sso:::instance/ssoins-0000000000000000',
  identityStoreId: 'd-0000000000',
  accounts: [
    { id: '111111111111', name: 'a', email: 'a@example.org' },
    { id: '222222222222', name: 'b', email: 'b@example.org' },
  ],
  permissionSets: [
    { arn: 'ps-admin', name: 'Admin' },
    { arn: 'ps-read', name: 'Read' },
  ],
  groups: [
    { id: 'g-1', displayName: 'team-1' },
    { id: 'g-2', displayName: 'team-2' },
  ],
  users: [{ id: 'u-1', userName: 'kari' }],
  assignments: [
    {
      accountId: '222222222222',
      permissionSetArn: 'ps-read',
      principalType: 'GROUP',
      principalId: 'g-1',
    },
    {
      accountId: '111111111111',
      permissionSetArn: 'ps-admin',
      principalType: 'GROUP',
      principalId: 'g-1',
    },
    {
      accountId: '111111111111',
      permissionSetArn: 'ps-admin',
      principalType: 'USER',
      principalId: 'u-1',
    },
  ],
};

describe('expectedRolesByGroup and shownRoles', () => {
  it('describe the truth and an answer the same way', () => {
    const expected = expectedRolesByGroup(org);
    expect(expected).toEqual(
      new Map([
        ['team-1', ['111111111111 Admin', '222222222222 Read']],
        ['team-2', []],
      ]),
    );
    expect(
      shownRoles([
        { id: '222222222222', roles: [{ name: 'Read' }] },
        { id: '111111111111', roles: [{ name: 'Admin' }] },
      ]),
    ).toEqual(expected.get('team-1'));
  });
});

describe('compareGroups', () => {
  const expected = expectedRolesByGroup(org);
  const exactly = new Map<string, string[] | undefined>([
    ['team-1', ['222222222222 Read', '111111111111 Admin']],
    ['team-2', []],
  ]);

  it('counts a group exact only when every instance shows exactly its roles', () => {
    expect(compareGroups(expected, [exactly, exactly])).toEqual({
      exact: 2,
      total: 2,
      mismatched: [],
    });
    const missingOne = new Map(exactly).set('team-1', ['111111111111 Admin']);
    const extraOne = new Map(exactly).set('team-2', ['111111111111 Read']);
    expect(compareGroups(expected, [exactly, missingOne])).toEqual({
      exact: 1,
      total: 2,
      mismatched: ['team-1'],
    });
    expect(compareGroups(expected, [extraOne, exactly]).mismatched).toEqual([
      'team-2',
    ]);
  });

  it('counts a group an instance did not answer for as not exact', () => {
    const unanswered = new Map(exactly).set('team-2', undefined);
    expect(compareGroups(expected, [exactly, unanswered]).exact).toBe(1);
  });
});

describe('StatusTally', () => {
  it('tells faults from "try again later" and from client errors', () => {
    const tally = new StatusTally();
    [200, 200, 503, 500, 502, 404, 'error' as const].forEach(s =>
      tally.record(s),
    );
    expect(tally.total).toBe(7);
    expect(tally.serverErrorsOtherThan503).toBe(2);
    expect(tally.unexpected).toBe(4);
    expect(String(tally)).toBe('200=2 404=1 500=1 502=1 503=1 error=1');
  });
});

describe('rssGrowthPct', () => {
  const MINUTE = 60_000;
  const samples = (values: Array<[number, number]>) =>
    values.map(([atMs, rssKb]) => ({ atMs, rssKb }));

  it('compares the last window with the first window after the warm-up', () => {
    const growth = rssGrowthPct(
      samples([
        [0, 500_000], // warm-up: ignored
        [5 * MINUTE, 300_000],
        [5.5 * MINUTE, 320_000],
        [20 * MINUTE, 400_000], // neither window
        [29.5 * MINUTE, 330_000],
        [30 * MINUTE, 330_000],
      ]),
      5 * MINUTE,
      MINUTE,
    );
    expect(growth).toBeCloseTo(6.45, 2);
  });

  it('is negative when memory shrank, undefined without both windows', () => {
    expect(
      rssGrowthPct(
        samples([
          [MINUTE, 200],
          [3 * MINUTE, 180],
        ]),
        MINUTE,
        30_000,
      ),
    ).toBeCloseTo(-10);
    expect(rssGrowthPct(samples([[0, 100]]), MINUTE, 30_000)).toBeUndefined();
    expect(rssGrowthPct([], MINUTE, 30_000)).toBeUndefined();
  });
});
