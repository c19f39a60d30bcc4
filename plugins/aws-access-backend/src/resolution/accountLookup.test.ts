import { DIRECT_ASSIGNMENT } from '@aws-access/backstage-plugin-aws-access-common';
import { AccessSnapshot } from '../snapshot/types';
import { listAccounts, lookupAccount, searchAccounts } from './accountLookup';

const payments: AccessSnapshot = {
  accounts: [
    { id: '605112784586', name: 'payments-prod', environment: 'prod' },
    { id: '605112784419', name: 'payments-dev', environment: 'dev' },
    { id: '111111111111', name: 'Shared Payments Tools' },
    { id: '222222222222', name: 'orphan' },
  ],
  permissionSets: [
    { name: 'PowerUser', sessionDuration: 'PT8H' },
    { name: 'ReadOnly' },
  ],
  groups: [
    { id: 'g-pay', displayName: 'payments', externalIds: [] },
    { id: 'g-sre', displayName: 'SRE', externalIds: [] },
  ],
  users: [{ id: 'u-ada', catalogRef: 'user:default/ada' }],
  assignments: [
    {
      accountId: '605112784586',
      permissionSetName: 'PowerUser',
      principalType: 'GROUP',
      principalId: 'g-pay',
    },
    {
      accountId: '605112784586',
      permissionSetName: 'ReadOnly',
      principalType: 'GROUP',
      principalId: 'g-sre',
    },
    {
      accountId: '605112784586',
      permissionSetName: 'ReadOnly',
      principalType: 'USER',
      principalId: 'u-ada',
    },
    {
      accountId: '605112784419',
      permissionSetName: 'PowerUser',
      principalType: 'GROUP',
      principalId: 'g-pay',
    },
    // Organizations may not list every account: known by id only.
    {
      accountId: '333333333333',
      permissionSetName: 'ReadOnly',
      principalType: 'GROUP',
      principalId: 'g-sre',
    },
  ],
};

const snapshot = [{ organization: { id: 'prod' }, snapshot: payments }];

/** A second organisation with an account of the same name and a group of the same name. */
const sandbox = {
  organization: { id: 'sandbox' },
  snapshot: {
    accounts: [{ id: '444444444444', name: 'payments-prod' }],
    permissionSets: [{ name: 'ReadOnly' }],
    groups: [{ id: 'g-pay-2', displayName: 'payments', externalIds: [] }],
    assignments: [
      {
        accountId: '444444444444',
        permissionSetName: 'ReadOnly',
        principalType: 'GROUP' as const,
        principalId: 'g-pay-2',
      },
    ],
  },
};

const all = { offset: 0, limit: 100 };
const ids = (query: string) =>
  searchAccounts(snapshot, query, all).items.map(h => `${h.id}:${h.matchedBy}`);

describe('searchAccounts', () => {
  it('finds an account by its id, also inside an ARN or a message', () => {
    for (const query of [
      '605112784586',
      'arn:aws:iam::605112784586:role/deploy',
      'AccessDenied for account 605112784586 ',
    ]) {
      expect(ids(query)).toEqual(['605112784586:id']);
    }
  });

  it('finds nothing for an id the organisation does not have', () => {
    expect(ids('999999999999')).toEqual([]);
  });

  it('finds ids by the digits typed so far', () => {
    expect(ids('60511278')).toEqual(['605112784419:id', '605112784586:id']);
  });

  it('ranks an exact name, then names starting with, then containing the text', () => {
    expect(ids('PAYMENTS')).toEqual([
      '605112784419:name',
      '605112784586:name',
      '111111111111:name',
    ]);
    expect(ids('payments-prod')).toEqual(['605112784586:name']);
  });

  it('finds the accounts a permission set is assigned in', () => {
    expect(ids('readonly')).toEqual([
      '333333333333:permissionSet',
      '605112784586:permissionSet',
    ]);
    expect(ids('power')).toEqual([
      '605112784419:permissionSet',
      '605112784586:permissionSet',
    ]);
  });

  it('pages through the hits and counts them all', () => {
    const page = searchAccounts(snapshot, 'payments', { offset: 1, limit: 1 });
    expect(page.totalCount).toBe(3);
    expect(page.items).toEqual([
      {
        organization: 'prod',
        id: '605112784586',
        name: 'payments-prod',
        environment: 'prod',
        roles: ['PowerUser', 'ReadOnly'],
        matchedBy: 'name',
      },
    ]);
  });

  it('treats hostile text as text', () => {
    expect(ids('.*')).toEqual([]);
    expect(ids('"><script>')).toEqual([]);
  });
});

describe('lookupAccount', () => {
  it('gives every role in the account with the groups that grant it', () => {
    expect(lookupAccount(snapshot, '605112784586')).toEqual([
      {
        organization: 'prod',
        id: '605112784586',
        name: 'payments-prod',
        environment: 'prod',
        roles: [
          {
            name: 'PowerUser',
            sessionDuration: 'PT8H',
            grantedVia: ['payments'],
          },
          { name: 'ReadOnly', grantedVia: ['SRE', DIRECT_ASSIGNMENT] },
        ],
      },
    ]);
  });

  it('knows accounts nobody holds a role in, and accounts known by id only', () => {
    expect(lookupAccount(snapshot, '222222222222')).toEqual([
      { organization: 'prod', id: '222222222222', name: 'orphan', roles: [] },
    ]);
    expect(lookupAccount(snapshot, '333333333333')[0].name).toBe(
      '333333333333',
    );
  });

  it('answers undefined for an unknown account', () => {
    expect(lookupAccount(snapshot, '999999999999')).toEqual([]);
  });
});

describe('in several organisations', () => {
  const both = [...snapshot, sandbox];

  it('finds the same account name in each organisation, never merged', () => {
    expect(
      searchAccounts(both, 'payments-prod', all).items.map(
        h => `${h.organization}:${h.id}:${h.roles.join('+')}`,
      ),
    ).toEqual([
      'prod:605112784586:PowerUser+ReadOnly',
      'sandbox:444444444444:ReadOnly',
    ]);
  });

  it('ranks across organisations: a better match first whatever its organisation', () => {
    expect(
      searchAccounts(both, 'payments', all).items.map(
        h => `${h.organization}:${h.name}`,
      ),
    ).toEqual([
      'prod:payments-dev',
      'prod:payments-prod',
      'sandbox:payments-prod',
      'prod:Shared Payments Tools',
    ]);
  });

  it('names the group of each organisation on its own account', () => {
    expect(
      lookupAccount(both, '444444444444').map(a => [
        a.organization,
        a.roles[0].grantedVia,
      ]),
    ).toEqual([['sandbox', ['payments']]]);
  });

  it('pages through every organisation in turn', () => {
    const page = listAccounts(both, { offset: 4, limit: 10 });
    expect(page.totalCount).toBe(6);
    expect(page.items.map(a => `${a.organization}:${a.name}`)).toEqual([
      'prod:Shared Payments Tools',
      'sandbox:payments-prod',
    ]);
  });
});
