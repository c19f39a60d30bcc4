import { FakeIdentityCenter } from './FakeIdentityCenter';
import { generateOrg } from './generateOrg';

describe('FakeIdentityCenter quotas', () => {
  let fake: FakeIdentityCenter;

  afterEach(async () => {
    await fake?.stop();
  });

  const send = async (target: string) => {
    const response = await fetch(fake.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-amz-json-1.1',
        'x-amz-target': target,
      },
      body: '{}',
    });
    const body = (await response.json()) as { __type?: string };
    return `${response.status} ${body.__type ?? 'ok'}`;
  };

  it('throttles Organizations beyond its own rate, apart from sso-admin', async () => {
    fake = await FakeIdentityCenter.start(
      generateOrg({
        accounts: 3,
        permissionSets: 1,
        groups: 1,
        assignments: 1,
      }),
      { organizationsRequestsPerSecond: 2, ssoAdminRequestsPerSecond: 1 },
    );
    const listAccounts = [];
    for (let i = 0; i < 3; i++) {
      listAccounts.push(await send('AWSOrganizationsV20161128.ListAccounts'));
    }
    // A bucket of two: the third request within the second is beyond the rate.
    expect(listAccounts).toEqual([
      '200 ok',
      '200 ok',
      '400 TooManyRequestsException',
    ]);
    // sso-admin's budget is its own, untouched by the Organizations requests.
    expect(await send('SWBExternalService.ListInstances')).toBe('200 ok');
    expect(await send('SWBExternalService.ListInstances')).toBe(
      '400 ThrottlingException',
    );
  });

  it('leaves Organizations unlimited without a rate', async () => {
    fake = await FakeIdentityCenter.start(
      generateOrg({
        accounts: 3,
        permissionSets: 1,
        groups: 1,
        assignments: 1,
      }),
    );
    const results = [];
    for (let i = 0; i < 30; i++) {
      results.push(await send('AWSOrganizationsV20161128.ListAccounts'));
    }
    expect(new Set(results)).toEqual(new Set(['200 ok']));
  });
});
