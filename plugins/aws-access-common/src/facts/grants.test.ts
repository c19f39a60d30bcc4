import { DIRECT_ASSIGNMENT, grantingGroups } from './grants';

describe('grantingGroups', () => {
  it('leaves out direct assignments', () => {
    expect(grantingGroups(['payments', DIRECT_ASSIGNMENT, 'sre'])).toEqual([
      'payments',
      'sre',
    ]);
  });
});
