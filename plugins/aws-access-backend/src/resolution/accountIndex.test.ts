import { DIRECT_ASSIGNMENT } from '@aws-access/backstage-plugin-aws-access-common';
import { accountIndexEntries } from './accountIndex';

describe('accountIndexEntries', () => {
  it('names each role once and the teams behind granting groups, without direct assignments', () => {
    expect(
      accountIndexEntries(
        [
          {
            organization: 'prod',
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
          {
            organization: 'sandbox',
            id: '111111111111',
            name: 'empty',
            roles: [],
          },
        ],
        {
          prod: {
            'payments-admins': 'group:default/payments',
            payments: 'group:default/payments',
            platform: 'group:default/platform',
          },
          // The same group name in another organisation is another team.
          sandbox: { platform: 'group:default/sandbox-platform' },
        },
        new Map([
          ['prod', 'Production'],
          ['sandbox', 'Sandbox'],
        ]),
      ),
    ).toEqual([
      {
        organization: 'prod',
        organizationTitle: 'Production',
        id: '605112784586',
        name: 'payments-prod',
        environment: 'prod',
        roles: ['Admin', 'ReadOnly'],
        teams: ['group:default/payments', 'group:default/platform'],
      },
      {
        organization: 'sandbox',
        organizationTitle: 'Sandbox',
        id: '111111111111',
        name: 'empty',
        roles: [],
        teams: [],
      },
    ]);
  });
});
