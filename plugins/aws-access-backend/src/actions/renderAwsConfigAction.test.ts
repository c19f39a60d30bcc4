import { mockCredentials } from '@backstage/backend-test-utils';
import { actionsUnderTest } from '../__testUtils__/actionsUnderTest';
import { registerRenderAwsConfigAction } from './renderAwsConfigAction';

const ID = 'test:render-aws-config';

describe('render-aws-config', () => {
  it("renders the caller's config by default, in the chosen region", async () => {
    const { registry, options } = actionsUnderTest();
    registerRenderAwsConfigAction(registry, options);
    const { output } = (await registry.invoke({
      id: ID,
      input: { region: 'eu-west-1' },
      credentials: mockCredentials.user('user:default/ada'),
    })) as { output: { entityRef: string; config: string } };
    expect(output.entityRef).toBe('user:default/ada');
    expect(output.config).toContain('[sso-session sikt]');
    expect(output.config).toContain('[profile platform-dev-PowerUser]');
    expect(output.config).toContain('sso_account_id = 333333333333');
    expect(output.config).toContain('region = eu-west-1');
    expect(output.config).not.toContain('credential_process');
  });

  it('renders the legacy variant for old CLIs', async () => {
    const { registry, options } = actionsUnderTest();
    registerRenderAwsConfigAction(registry, options);
    const { output } = (await registry.invoke({
      id: ID,
      input: {
        entityRef: 'component:default/billing-prod-only',
        variant: 'legacy',
      },
      credentials: mockCredentials.user(),
    })) as { output: { config: string } };
    expect(output.config).not.toContain('[sso-session');
    expect(output.config).toContain(
      'sso_start_url = https://d-c3670fd13e.awsapps.com/start',
    );
    expect(output.config).toContain('sso_account_id = 222222222222');
    expect(output.config).not.toContain('111111111111');
  });

  it('refuses a region the portal does not offer', async () => {
    const { registry, options } = actionsUnderTest();
    registerRenderAwsConfigAction(registry, options);
    await expect(
      registry.invoke({
        id: ID,
        input: { region: 'mars-1' },
        credentials: mockCredentials.user(),
      }),
    ).rejects.toThrow(/region/);
  });
});
