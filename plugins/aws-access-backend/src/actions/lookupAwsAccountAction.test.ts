import { mockCredentials } from '@backstage/backend-test-utils';
import { actionsUnderTest } from '../__testUtils__/actionsUnderTest';
import { registerLookupAwsAccountAction } from './lookupAwsAccountAction';

const ID = 'test:lookup-aws-account';

describe('lookup-aws-account', () => {
  it('finds an account by the id in an ARN, with whom to ask and my roles', async () => {
    const { registry, options } = actionsUnderTest();
    registerLookupAwsAccountAction(registry, options);
    const { output } = await registry.invoke({
      id: ID,
      input: {
        query:
          'AccessDenied: arn:aws:iam::333333333333:role/ReadOnly is not authorized',
      },
      credentials: mockCredentials.user('user:default/ada'),
    });
    expect(output).toMatchObject({
      totalCount: 1,
      organizations: [{ id: 'default', title: 'sikt' }],
      accounts: [
        {
          organization: 'default',
          id: '333333333333',
          name: 'data-dev',
          matchedBy: 'id',
        },
      ],
      account: {
        account: {
          organization: 'default',
          id: '333333333333',
          roles: [{ name: 'ReadOnly' }],
        },
        teams: { default: { data: 'group:default/data' } },
        myRoles: ['ReadOnly'],
      },
    });
  });

  it('finds accounts by part of a name without the detail', async () => {
    const { registry, options } = actionsUnderTest();
    registerLookupAwsAccountAction(registry, options);
    const { output } = await registry.invoke({
      id: ID,
      input: { query: 'platform' },
      credentials: mockCredentials.service(),
    });
    expect(output).toEqual({
      totalCount: 2,
      organizations: [{ id: 'default', title: 'sikt' }],
      accounts: [
        expect.objectContaining({ name: 'platform-dev', matchedBy: 'name' }),
        expect.objectContaining({ name: 'platform-prod', matchedBy: 'name' }),
      ],
    });
  });

  it('gives a caller the policy denies an error, never data', async () => {
    const { registry, options } = actionsUnderTest({ denied: true });
    registerLookupAwsAccountAction(registry, options);
    await expect(
      registry.invoke({
        id: ID,
        input: { query: '333333333333' },
        credentials: mockCredentials.user(),
      }),
    ).rejects.toThrow("permission 'aws-access.read'");
  });
});
