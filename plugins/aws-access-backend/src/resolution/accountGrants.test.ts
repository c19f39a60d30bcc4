import { AccessSnapshot } from '../snapshot/types';
import { accountGrants } from './accountGrants';

const snapshot: AccessSnapshot = {
  accounts: [{ id: '222222222222', name: 'shop-prod', environment: 'prod' }],
  permissionSets: [
    { name: 'ReadOnly', sessionDuration: 'PT1H' },
    { name: 'Admin' },
  ],
  groups: [
    { id: 'g-sre', displayName: 'sre', externalIds: [] },
    { id: 'g-shop', displayName: 'shop', externalIds: [] },
  ],
  assignments: [
    {
      accountId: '222222222222',
      permissionSetName: 'ReadOnly',
      principalType: 'GROUP',
      principalId: 'g-sre',
    },
    {
      accountId: '222222222222',
      permissionSetName: 'Admin',
      principalType: 'GROUP',
      principalId: 'g-sre',
    },
    {
      accountId: '222222222222',
      permissionSetName: 'ReadOnly',
      principalType: 'GROUP',
      principalId: 'g-shop',
    },
    {
      accountId: '222222222222',
      permissionSetName: 'Admin',
      principalType: 'USER',
      principalId: 'u-1',
    },
    {
      accountId: '111111111111',
      permissionSetName: 'Admin',
      principalType: 'GROUP',
      principalId: 'g-shop',
    },
  ],
};

describe('accountGrants', () => {
  it('lists the groups holding roles in one account, by group and role name', () => {
    expect(
      accountGrants({ organization: { id: 'prod' }, snapshot }, '222222222222'),
    ).toEqual({
      account: {
        organization: 'prod',
        id: '222222222222',
        name: 'shop-prod',
        environment: 'prod',
      },
      grants: [
        {
          groupId: 'g-shop',
          group: 'shop',
          roles: [{ name: 'ReadOnly', sessionDuration: 'PT1H' }],
        },
        {
          groupId: 'g-sre',
          group: 'sre',
          roles: [
            { name: 'Admin' },
            { name: 'ReadOnly', sessionDuration: 'PT1H' },
          ],
        },
      ],
    });
  });

  it('knows an account outside the snapshot by its id, with no grants', () => {
    expect(
      accountGrants({ organization: { id: 'prod' }, snapshot }, '999999999999'),
    ).toEqual({
      account: {
        organization: 'prod',
        id: '999999999999',
        name: '999999999999',
      },
      grants: [],
    });
  });
});
