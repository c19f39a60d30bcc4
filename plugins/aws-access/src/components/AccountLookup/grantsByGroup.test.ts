import { DIRECT_ASSIGNMENT } from '@aws-access/backstage-plugin-aws-access-common';
import { grantsByGroup } from './grantsByGroup';

describe('grantsByGroup', () => {
  it('lists each group with its roles, direct assignments last', () => {
    expect(
      grantsByGroup({
        organization: 'prod',
        id: '605112784586',
        name: 'payments-prod',
        roles: [
          { name: 'Admin', grantedVia: [DIRECT_ASSIGNMENT, 'sre'] },
          { name: 'PowerUser', grantedVia: ['payments'] },
          { name: 'ReadOnly', grantedVia: ['sre', 'payments'] },
        ],
      }),
    ).toEqual([
      { group: 'payments', roles: ['PowerUser', 'ReadOnly'] },
      { group: 'sre', roles: ['Admin', 'ReadOnly'] },
      { group: DIRECT_ASSIGNMENT, roles: ['Admin'] },
    ]);
  });

  it('has nothing for an account nobody holds a role in', () => {
    expect(
      grantsByGroup({ organization: 'prod', id: '1', name: 'x', roles: [] }),
    ).toEqual([]);
  });
});
