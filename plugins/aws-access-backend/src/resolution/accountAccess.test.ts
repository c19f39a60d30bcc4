import { DIRECT_ASSIGNMENT } from '@aws-access/backstage-plugin-aws-access-common';
import { AccessSnapshot } from '../snapshot/types';
import { accountAccessForGroups } from './accountAccess';

const shop: AccessSnapshot = {
  accounts: [
    { id: '111111111111', name: 'shop-dev', environment: 'dev' },
    { id: '222222222222', name: 'shop-prod', region: 'eu-west-1' },
  ],
  permissionSets: [
    { name: 'Dev', description: 'Build', sessionDuration: 'PT8H' },
    { name: 'ReadOnly' },
  ],
  groups: [
    { id: 'g-shop', displayName: 'shop', externalIds: [] },
    { id: 'g-sre', displayName: 'sre', externalIds: [] },
  ],
  users: [{ id: 'u-ada', catalogRef: 'user:default/ada' }],
  assignments: [
    {
      accountId: '222222222222',
      permissionSetName: 'ReadOnly',
      principalType: 'GROUP',
      principalId: 'g-shop',
    },
    {
      accountId: '111111111111',
      permissionSetName: 'Dev',
      principalType: 'GROUP',
      principalId: 'g-shop',
    },
    {
      accountId: '222222222222',
      permissionSetName: 'ReadOnly',
      principalType: 'GROUP',
      principalId: 'g-sre',
    },
    {
      accountId: '333333333333',
      permissionSetName: 'ReadOnly',
      principalType: 'USER',
      principalId: 'u-ada',
    },
  ],
};

const snapshot = { organization: { id: 'prod' }, snapshot: shop };

describe('accountAccessForGroups', () => {
  it("collects a group's accounts with names, tags and role details", () => {
    expect(accountAccessForGroups(snapshot, new Set(['g-shop']))).toEqual([
      {
        organization: 'prod',
        id: '111111111111',
        name: 'shop-dev',
        environment: 'dev',
        roles: [
          {
            name: 'Dev',
            description: 'Build',
            sessionDuration: 'PT8H',
            grantedVia: ['shop'],
          },
        ],
      },
      {
        organization: 'prod',
        id: '222222222222',
        name: 'shop-prod',
        region: 'eu-west-1',
        roles: [{ name: 'ReadOnly', grantedVia: ['shop'] }],
      },
    ]);
  });

  it('names every granting group, narrows to account ids, and marks direct assignments', () => {
    expect(
      accountAccessForGroups(
        snapshot,
        new Set(['g-shop', 'g-sre']),
        new Set(['222222222222', '333333333333']),
        new Set(['u-ada']),
      ),
    ).toEqual([
      // An account Organizations does not list is known by its id.
      {
        organization: 'prod',
        id: '333333333333',
        name: '333333333333',
        roles: [{ name: 'ReadOnly', grantedVia: [DIRECT_ASSIGNMENT] }],
      },
      {
        organization: 'prod',
        id: '222222222222',
        name: 'shop-prod',
        region: 'eu-west-1',
        roles: [{ name: 'ReadOnly', grantedVia: ['shop', 'sre'] }],
      },
    ]);
  });

  it('remembers results per snapshot', () => {
    const first = accountAccessForGroups(snapshot, new Set(['g-sre']));
    expect(accountAccessForGroups(snapshot, new Set(['g-sre']))).toBe(first);
    expect(
      accountAccessForGroups(
        { ...snapshot, snapshot: structuredClone(shop) },
        new Set(['g-sre']),
      ),
    ).not.toBe(first);
  });

  it('refuses one snapshot object for two organisations', () => {
    accountAccessForGroups(snapshot, new Set(['g-sre']));
    expect(() =>
      accountAccessForGroups(
        { organization: { id: 'sandbox' }, snapshot: shop },
        new Set(['g-sre']),
      ),
    ).toThrow(
      "One snapshot object was given for organisations 'prod' and 'sandbox'",
    );
  });
});
