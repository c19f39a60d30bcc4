import {
  FakeIdentityCenter,
  FakeOrg,
  generateOrg,
} from '@aws-access/fake-identity-center';
import {
  IdentityCenterReader,
  IdentityCenterReadError,
} from './IdentityCenterReader';
import { IdentityCenterSettings } from './settings';

const credentials = async () => ({
  accessKeyId: 'AKIAFAKEFAKEFAKE',
  secretAccessKey: 'fake-secret',
});

const knownOrg: FakeOrg = {
  instanceArn: 'arn:aws:sso:::instance/ssoins-1111222233334444',
  identityStoreId: 'd-1234567890',
  accounts: [
    { id: '111111111111', name: 'platform-dev', email: 'dev@example.org' },
    { id: '222222222222', name: 'platform-prod', email: 'prod@example.org' },
    {
      id: '333333333333',
      name: 'closed',
      email: 'c@example.org',
      state: 'SUSPENDED',
    },
  ],
  permissionSets: [
    {
      arn: 'arn:aws:sso:::permissionSet/ssoins-1111222233334444/ps-aaaa',
      name: 'PowerUserAccess',
      description: 'Build things',
      sessionDuration: 'PT8H',
    },
    {
      arn: 'arn:aws:sso:::permissionSet/ssoins-1111222233334444/ps-bbbb',
      name: 'ReadOnly',
    },
  ],
  groups: [
    {
      id: 'g-1',
      displayName: 'Platform',
      externalIds: [
        { issuer: 'https://login.microsoftonline.com/x', id: 'entra-1' },
      ],
    },
    { id: 'g-2', displayName: 'Data' },
  ],
  assignments: [
    {
      accountId: '111111111111',
      permissionSetArn:
        'arn:aws:sso:::permissionSet/ssoins-1111222233334444/ps-aaaa',
      principalType: 'GROUP',
      principalId: 'g-1',
    },
    {
      accountId: '222222222222',
      permissionSetArn:
        'arn:aws:sso:::permissionSet/ssoins-1111222233334444/ps-bbbb',
      principalType: 'GROUP',
      principalId: 'g-1',
    },
    {
      accountId: '222222222222',
      permissionSetArn:
        'arn:aws:sso:::permissionSet/ssoins-1111222233334444/ps-bbbb',
      principalType: 'GROUP',
      principalId: 'g-2',
    },
    {
      accountId: '222222222222',
      permissionSetArn:
        'arn:aws:sso:::permissionSet/ssoins-1111222233334444/ps-aaaa',
      principalType: 'USER',
      principalId: 'u-1',
    },
  ],
};

/** knownOrg's group assignments as the snapshot holds them, in `sortAssignments` order. */
const knownGroupAssignments = [
  {
    accountId: '111111111111',
    permissionSetName: 'PowerUserAccess',
    principalType: 'GROUP',
    principalId: 'g-1',
  },
  {
    accountId: '222222222222',
    permissionSetName: 'ReadOnly',
    principalType: 'GROUP',
    principalId: 'g-1',
  },
  {
    accountId: '222222222222',
    permissionSetName: 'ReadOnly',
    principalType: 'GROUP',
    principalId: 'g-2',
  },
];

function settingsFor(
  fake: FakeIdentityCenter,
  extra: Partial<IdentityCenterSettings> = {},
): IdentityCenterSettings {
  return {
    region: 'eu-north-1',
    organizationsRegion: 'us-east-1',
    requestsPerSecond: 20,
    organizationsRequestsPerSecond: 10,
    concurrency: 4,
    maxAttempts: 8,
    endpoints: {
      ssoAdmin: fake.url,
      identityStore: fake.url,
      organizations: fake.url,
    },
    ...extra,
  };
}

const sortAssignments = <
  T extends {
    accountId: string;
    permissionSetName: string;
    principalId: string;
  },
>(
  a: T[],
) =>
  [...a].sort((x, y) =>
    `${x.principalId}${x.accountId}${x.permissionSetName}`.localeCompare(
      `${y.principalId}${y.accountId}${y.permissionSetName}`,
    ),
  );

// Hundreds of HTTP requests through the real SDK: seconds on a busy machine.
jest.setTimeout(30_000);

describe('IdentityCenterReader against the fake over HTTP', () => {
  let fake: FakeIdentityCenter;

  afterEach(async () => {
    await fake?.stop();
  });

  it('reads a known organisation into a snapshot', async () => {
    fake = await FakeIdentityCenter.start(knownOrg);
    const result = await new IdentityCenterReader(
      settingsFor(fake),
      credentials,
    ).read();
    expect(result.assignmentsMethod).toBe('perPrincipal');
    expect(result.warnings).toEqual([]);
    expect(result.snapshot.accounts).toEqual([
      { id: '111111111111', name: 'platform-dev', email: 'dev@example.org' },
      { id: '222222222222', name: 'platform-prod', email: 'prod@example.org' },
      { id: '333333333333', name: 'closed', email: 'c@example.org' },
    ]);
    expect(result.snapshot.permissionSets).toEqual([
      {
        arn: knownOrg.permissionSets[0].arn,
        name: 'PowerUserAccess',
        description: 'Build things',
        sessionDuration: 'PT8H',
      },
      {
        arn: knownOrg.permissionSets[1].arn,
        name: 'ReadOnly',
        sessionDuration: 'PT1H',
      },
    ]);
    expect(result.snapshot.groups).toEqual([
      { id: 'g-1', displayName: 'Platform', externalIds: ['entra-1'] },
      { id: 'g-2', displayName: 'Data', externalIds: [] },
    ]);
    expect(sortAssignments(result.snapshot.assignments)).toEqual(
      knownGroupAssignments,
    );
    expect(result.calls).toEqual({
      DescribePermissionSet: 2,
      ListAccountAssignmentsForPrincipal: 2,
      ListAccounts: 1,
      ListGroups: 1,
      ListInstances: 1,
      ListPermissionSets: 1,
    });
  });

  it('follows every page at the largest page sizes', async () => {
    const org = generateOrg({
      accounts: 45,
      permissionSets: 130,
      groups: 210,
      assignments: 2500,
    });
    fake = await FakeIdentityCenter.start(org);
    const result = await new IdentityCenterReader(
      settingsFor(fake, { concurrency: 16, requestsPerSecond: 1000 }),
      credentials,
    ).read();
    expect(result.snapshot.accounts).toHaveLength(45);
    expect(result.snapshot.permissionSets).toHaveLength(130);
    expect(result.snapshot.groups).toHaveLength(210);
    expect(result.snapshot.assignments).toHaveLength(org.assignments.length);
    const perGroup = new Map<string, number>();
    org.assignments.forEach(a =>
      perGroup.set(a.principalId, (perGroup.get(a.principalId) ?? 0) + 1),
    );
    expect(Math.max(...perGroup.values())).toBeGreaterThan(100);
    const principalPages = org.groups.reduce(
      (sum, g) => sum + Math.max(1, Math.ceil((perGroup.get(g.id) ?? 0) / 100)),
      0,
    );
    expect(result.calls).toEqual({
      ListInstances: 1,
      ListPermissionSets: 2,
      DescribePermissionSet: 130,
      ListAccounts: 3,
      ListGroups: 3,
      ListAccountAssignmentsForPrincipal: principalPages,
    });
  });

  it('falls back to per-account listing when the per-principal call is denied', async () => {
    fake = await FakeIdentityCenter.start(knownOrg, {
      deniedOperations: ['ListAccountAssignmentsForPrincipal'],
    });
    const result = await new IdentityCenterReader(
      settingsFor(fake),
      credentials,
    ).read();
    expect(result.assignmentsMethod).toBe('perAccount');
    expect(sortAssignments(result.snapshot.assignments)).toEqual(
      knownGroupAssignments,
    );
    expect(result.calls.ListAccountsForProvisionedPermissionSet).toBe(2);
    expect(result.calls.ListAccountAssignments).toBe(3);
  });

  it('keeps going with account ids only when Organizations is denied', async () => {
    fake = await FakeIdentityCenter.start(knownOrg, {
      deniedOperations: ['ListAccounts'],
    });
    const result = await new IdentityCenterReader(
      settingsFor(fake),
      credentials,
    ).read();
    expect(result.snapshot.accounts).toEqual([
      { id: '111111111111', name: '111111111111' },
      { id: '222222222222', name: '222222222222' },
    ]);
    expect(result.warnings).toEqual([
      'Organizations ListAccounts was denied: accounts are known by id only',
    ]);
  });

  it('survives throttling and reads the same snapshot', async () => {
    fake = await FakeIdentityCenter.start(knownOrg, { throttleEveryNth: 3 });
    const result = await new IdentityCenterReader(
      settingsFor(fake),
      credentials,
    ).read();
    expect(result.snapshot.assignments).toHaveLength(3);
    // Every third sso-admin request was throttled and retried: 6 calls need at least 8 attempts.
    const ssoAdmin = [
      'ListInstances',
      'ListPermissionSets',
      'DescribePermissionSet',
      'ListAccountAssignmentsForPrincipal',
    ];
    const attempts = ssoAdmin.reduce(
      (sum, op) => sum + (result.calls[op] ?? 0),
      0,
    );
    expect(attempts).toBeGreaterThanOrEqual(8);
  });

  it('stays within the rate limit without being throttled', async () => {
    const org = generateOrg({
      accounts: 10,
      permissionSets: 12,
      groups: 20,
      assignments: 60,
    });
    fake = await FakeIdentityCenter.start(org, {
      ssoAdminRequestsPerSecond: 20,
    });
    const result = await new IdentityCenterReader(
      settingsFor(fake, { concurrency: 16 }),
      credentials,
    ).read();
    // 1 ListInstances + 1 ListPermissionSets + 12 Describe + 20 groups, no retries.
    expect(fake.ssoAdminCalls).toBe(34);
    expect(result.snapshot.assignments).toHaveLength(org.assignments.length);
  });

  it('lists assignments while Organizations is still listing accounts', async () => {
    const org = generateOrg({
      accounts: 80,
      permissionSets: 3,
      groups: 5,
      assignments: 20,
    });
    fake = await FakeIdentityCenter.start(org, {
      organizationsRequestsPerSecond: 2,
    });
    const result = await new IdentityCenterReader(
      settingsFor(fake, { organizationsRequestsPerSecond: 2 }),
      credentials,
    ).read();
    const order = fake.log.map(r => r.operation);
    // Four pages of accounts at two a second: the listings need not wait for the last.
    expect(order.filter(op => op === 'ListAccounts')).toHaveLength(4);
    expect(order.indexOf('ListAccountAssignmentsForPrincipal')).toBeGreaterThan(
      -1,
    );
    expect(order.indexOf('ListAccountAssignmentsForPrincipal')).toBeLessThan(
      order.lastIndexOf('ListAccounts'),
    );
    expect(result.snapshot.accounts).toHaveLength(80);
    expect(result.snapshot.assignments).toHaveLength(org.assignments.length);
  });

  it('paces Organizations to its own quota without being throttled', async () => {
    const org = generateOrg({
      accounts: 100,
      permissionSets: 2,
      groups: 2,
      assignments: 4,
    });
    fake = await FakeIdentityCenter.start(org, {
      organizationsRequestsPerSecond: 3,
    });
    const result = await new IdentityCenterReader(
      settingsFor(fake, { organizationsRequestsPerSecond: 3 }),
      credentials,
    ).read();
    // Five pages of twenty and no retries: the fake's bucket holds only three.
    expect(fake.calls.ListAccounts).toBe(5);
    expect(result.calls.ListAccounts).toBe(5);
    expect(result.snapshot.accounts).toHaveLength(100);
  });

  it('stops sending requests once one part of the read has failed', async () => {
    fake = await FakeIdentityCenter.start(knownOrg, {
      deniedOperations: ['ListGroups'],
    });
    const error = await new IdentityCenterReader(
      settingsFor(fake, { requestsPerSecond: 2 }),
      credentials,
    )
      .read()
      .catch(e => e);
    expect(error).toBeInstanceOf(IdentityCenterReadError);
    expect(error.message).toMatch(/AccessDeniedException/);
    // At two sso-admin requests a second, ListPermissionSets and the first describe were due
    // within a second of ListInstances: had the read gone on, they would be in by now.
    await new Promise(resolve => setTimeout(resolve, 1200));
    expect(fake.calls.ListInstances).toBe(1);
    expect(fake.ssoAdminCalls).toBe(1);
  });

  it('fails as a whole on an outage mid-read, reporting the calls made', async () => {
    fake = await FakeIdentityCenter.start(knownOrg, { failAfterRequests: 4 });
    const error = await new IdentityCenterReader(
      settingsFor(fake, { maxAttempts: 2 }),
      credentials,
    )
      .read()
      .catch(e => e);
    expect(error).toBeInstanceOf(IdentityCenterReadError);
    expect(error.message).toMatch(/InternalServerException/);
    expect(
      Object.values(error.calls as Record<string, number>).reduce(
        (a, b) => a + b,
        0,
      ),
    ).toBeGreaterThan(4);
  });

  describe('direct user assignments', () => {
    const withUsers: FakeOrg = {
      ...knownOrg,
      users: [
        { id: 'u-1', userName: 'ada@example.org', emails: ['ada@example.org'] },
        { id: 'u-2', userName: 'grace', emails: ['grace.hopper@example.org'] },
      ],
      assignments: [
        ...knownOrg.assignments,
        {
          accountId: '111111111111',
          permissionSetArn: knownOrg.permissionSets[1].arn,
          principalType: 'USER',
          principalId: 'u-2',
        },
      ],
    };
    const queries = [
      {
        ref: 'user:default/ada',
        userNames: ['ada@example.org'],
        emails: ['ada@example.org'],
      },
      {
        ref: 'user:default/grace',
        userNames: ['grace.hopper@example.org'],
        emails: ['grace.hopper@example.org'],
      },
      { ref: 'user:default/nobody', userNames: ['nobody'], emails: [] },
    ];
    const userAssignments = [
      {
        accountId: '222222222222',
        permissionSetName: 'PowerUserAccess',
        principalType: 'USER',
        principalId: 'u-1',
      },
      {
        accountId: '111111111111',
        permissionSetName: 'ReadOnly',
        principalType: 'USER',
        principalId: 'u-2',
      },
    ];

    it('finds catalog users by user name or email and reads their assignments', async () => {
      fake = await FakeIdentityCenter.start(withUsers);
      const result = await new IdentityCenterReader(
        settingsFor(fake),
        credentials,
      ).read({
        users: queries,
      });
      expect(result.snapshot.users).toEqual([
        { id: 'u-1', catalogRef: 'user:default/ada' },
        { id: 'u-2', catalogRef: 'user:default/grace' },
      ]);
      expect(
        result.snapshot.assignments.filter(a => a.principalType === 'USER'),
      ).toEqual(userAssignments);
      // ada by user name; grace by user name (miss) then email; nobody: one miss.
      expect(result.calls.GetUserId).toBe(4);
      expect(result.calls.ListAccountAssignmentsForPrincipal).toBe(4);
    });

    it('keeps the same user assignments on the per-account path', async () => {
      fake = await FakeIdentityCenter.start(withUsers, {
        deniedOperations: ['ListAccountAssignmentsForPrincipal'],
      });
      const result = await new IdentityCenterReader(
        settingsFor(fake),
        credentials,
      ).read({
        users: queries,
      });
      expect(result.assignmentsMethod).toBe('perAccount');
      expect(
        sortAssignments(
          result.snapshot.assignments.filter(a => a.principalType === 'USER'),
        ),
      ).toEqual(sortAssignments(userAssignments));
    });
  });
});
