import { DIRECT_ASSIGNMENT } from '@aws-access/backstage-plugin-aws-access-common';
import { accountIndexEntries } from './accountIndex';

describe('accountIndexEntries', () => {
  it('names each role once and the teams behind granting groups, without direct assignments', () => {
    expect(
      accountIndexEntries(
        [
          {
            id: '605112784586',
            name: 'payments-prod',
            environment: 'prod',
            roles: [
              { name: 'Admin', grantedVia: ['payments-admins', 'platform'] },
              {
                name: 'ReadOnly',
                grantedVia: ['payments', DIRECT_ASSIGNMENT, 'unmatched'],
              },
            ],
          },
          { id: '111111111111', name: 'empty', roles: [] },
        ],
        {
          'payments-admins': 'group:default/payments',
          payments: 'group:default/payments',
          platform: 'group:default/platform',
        },
      ),
    ).toEqual([
      {
        id: '605112784586',
        name: 'payments-prod',
        environment: 'prod',
        roles: ['Admin', 'ReadOnly'],
        teams: ['group:default/payments', 'group:default/platform'],
      },
      { id: '111111111111', name: 'empty', roles: [], teams: [] },
    ]);
  });
});
