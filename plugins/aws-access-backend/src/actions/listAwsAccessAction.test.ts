import { mockCredentials } from '@backstage/backend-test-utils';
import { actionsUnderTest } from '../__testUtils__/actionsUnderTest';
import { registerListAwsAccessAction } from './listAwsAccessAction';

const ID = 'test:list-aws-access';

describe('list-aws-access', () => {
  it("lists a team's accounts, roles and the team behind each group", async () => {
    const { registry, options } = actionsUnderTest();
    registerListAwsAccessAction(registry, options);
    const { output } = await registry.invoke({
      id: ID,
      input: { entityRef: 'group:default/platform' },
      credentials: mockCredentials.user('user:default/ada'),
    });
    expect(output).toEqual({
      entityRef: 'group:default/platform',
      accounts: [
        expect.objectContaining({
          organization: 'default',
          id: '111111111111',
          name: 'platform-dev',
        }),
        expect.objectContaining({
          organization: 'default',
          id: '222222222222',
          name: 'platform-prod',
        }),
      ],
      organizations: [{ id: 'default', title: 'sikt' }],
      teams: { default: { 'Platform Team': 'group:default/platform' } },
      warnings: [],
    });
  });

  it("resolves 'me' to the caller's teams from the catalog", async () => {
    const { registry, options } = actionsUnderTest();
    registerListAwsAccessAction(registry, options);
    const { output } = await registry.invoke({
      id: ID,
      input: { entityRef: 'me' },
      credentials: mockCredentials.user('user:default/ada'),
    });
    expect(output).toMatchObject({
      entityRef: 'user:default/ada',
      accounts: [
        { id: '333333333333' },
        { id: '111111111111' },
        { id: '222222222222' },
      ].map(expect.objectContaining),
    });
  });

  it.each([
    ['kind:', "Malformed entity ref 'kind:'"],
    ['location:default/x', "Kind 'location' is not supported"],
    ['group:default/nobody', "No entity 'group:default/nobody' in the catalog"],
  ])('refuses %s naming the problem', async (entityRef, message) => {
    const { registry, options } = actionsUnderTest();
    registerListAwsAccessAction(registry, options);
    await expect(
      registry.invoke({
        id: ID,
        input: { entityRef },
        credentials: mockCredentials.user(),
      }),
    ).rejects.toThrow(message);
  });

  it("refuses 'me' for a service, which has no user", async () => {
    const { registry, options } = actionsUnderTest();
    registerListAwsAccessAction(registry, options);
    await expect(
      registry.invoke({
        id: ID,
        input: { entityRef: 'me' },
        credentials: mockCredentials.service(),
      }),
    ).rejects.toThrow("'me' needs a signed-in user");
  });

  it('gives a caller the policy denies an error, never data', async () => {
    const { registry, options } = actionsUnderTest({ denied: true });
    registerListAwsAccessAction(registry, options);
    await expect(
      registry.invoke({
        id: ID,
        input: { entityRef: 'group:default/platform' },
        credentials: mockCredentials.user(),
      }),
    ).rejects.toThrow("permission 'aws-access.read'");
  });
});
