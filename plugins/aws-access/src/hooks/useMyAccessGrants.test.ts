import { accessGrant } from '../__testUtils__/fixtures';
import { openGrantFor } from './useMyAccessGrants';

const target = {
  organization: 'default',
  accountId: '318204556071',
  role: 'ReadOnlyAccess',
};

describe('openGrantFor', () => {
  it('finds the open request for the same organisation, account and role only', () => {
    const open = accessGrant({ id: 'open', state: 'active' });
    expect(
      openGrantFor(
        [
          accessGrant({ id: 'org', organization: 'other' }),
          accessGrant({ id: 'account', accountId: '111111111111' }),
          accessGrant({ id: 'role', role: 'ReadOnlyBilling' }),
          accessGrant({ id: 'closed', state: 'denied' }),
          open,
        ],
        target,
      ),
    ).toBe(open);
    expect(
      openGrantFor([accessGrant({ state: 'removed' })], target),
    ).toBeUndefined();
    expect(openGrantFor(undefined, target)).toBeUndefined();
  });

  it('uses a request made here until the list knows it, then the list', () => {
    const submitted = accessGrant({ id: 'new', state: 'pending' });
    expect(openGrantFor(undefined, target, submitted)).toBe(submitted);
    expect(openGrantFor([], target, submitted)).toBe(submitted);
    const listed = { ...submitted, state: 'active' as const };
    expect(openGrantFor([listed], target, submitted)).toBe(listed);
    expect(
      openGrantFor([{ ...submitted, state: 'denied' }], target, submitted),
    ).toBeUndefined();
  });
});
