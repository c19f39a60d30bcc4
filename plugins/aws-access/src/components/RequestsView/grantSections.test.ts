import { AccessGrant } from '@aws-access/backstage-plugin-aws-access-common';
import { grantSections, minutesLeft } from './grantSections';

const grant = (
  id: string,
  requester: string,
  actions: AccessGrant['actions'],
): AccessGrant => ({
  id,
  organization: 'default',
  accountId: '318204556071',
  accountName: 'platform-dev',
  role: 'ReadOnlyAccess',
  requester,
  durationMinutes: 60,
  state: 'pending',
  approvers: ['group:default/platform'],
  createdAt: '2026-12-01T08:00:00.000Z',
  overdue: false,
  actions,
});

describe('grantSections', () => {
  it('puts what the reader may decide first, then their own, then the rest, in order', () => {
    const me = 'user:default/guest';
    const grants = [
      grant('a', 'user:default/ada', ['approve', 'deny']),
      grant('b', me, ['cancel']),
      grant('c', 'user:default/bob', ['revoke']),
      grant('d', 'user:default/eve', ['deny']),
      grant('e', me, []),
      grant('f', 'user:default/bob', []),
    ];
    const ids = (list: AccessGrant[]) => list.map(g => g.id);
    const sections = grantSections(grants, me);
    expect(ids(sections.toApprove)).toEqual(['a', 'd']);
    expect(ids(sections.mine)).toEqual(['b', 'e']);
    expect(ids(sections.others)).toEqual(['c', 'f']);
  });

  it('shows no request as the reader’s own until the reader is known', () => {
    const sections = grantSections(
      [grant('b', 'user:default/guest', [])],
      undefined,
    );
    expect(sections.mine).toEqual([]);
    expect(sections.others).toHaveLength(1);
  });
});

describe('minutesLeft', () => {
  const now = Date.parse('2026-12-01T08:00:00.000Z');

  it('rounds up to whole minutes and stops at zero', () => {
    expect(minutesLeft('2026-12-01T09:30:00.000Z', now)).toBe(90);
    expect(minutesLeft('2026-12-01T08:00:01.000Z', now)).toBe(1);
    expect(minutesLeft('2026-12-01T07:59:00.000Z', now)).toBe(0);
  });

  it('knows nothing without an expiry', () => {
    expect(minutesLeft(undefined, now)).toBeUndefined();
    expect(minutesLeft('soon', now)).toBeUndefined();
  });
});
