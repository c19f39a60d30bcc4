import { renderAwsConfig, renderSsoSessionBlock } from './renderAwsConfig';
import { SsoSessionSettings } from '../types';

const sso: SsoSessionSettings = {
  sessionName: 'sikt',
  startUrl: 'https://d-c3670fd13e.awsapps.com/start',
  ssoRegion: 'eu-north-1',
  registrationScopes: 'sso:account:access',
};

describe('renderAwsConfig', () => {
  it('writes the session once and a profile per role', () => {
    const text = renderAwsConfig(
      [
        {
          profileName: 'platform-dev-ReadOnly',
          accountId: '111122223333',
          accountName: 'platform-dev',
          roleName: 'ReadOnly',
          region: 'eu-north-1',
        },
        {
          profileName: 'platform-prod-ReadOnly',
          accountId: '444455556666',
          accountName: 'platform-prod',
          roleName: 'ReadOnly',
          region: 'eu-west-1',
        },
      ],
      sso,
      { output: 'json' },
    );
    expect(text).toBe(
      [
        '[sso-session sikt]',
        'sso_start_url = https://d-c3670fd13e.awsapps.com/start',
        'sso_region = eu-north-1',
        'sso_registration_scopes = sso:account:access',
        '',
        '[profile platform-dev-ReadOnly]',
        'sso_session = sikt',
        'sso_account_id = 111122223333',
        'sso_role_name = ReadOnly',
        'region = eu-north-1',
        'output = json',
        '',
        '[profile platform-prod-ReadOnly]',
        'sso_session = sikt',
        'sso_account_id = 444455556666',
        'sso_role_name = ReadOnly',
        'region = eu-west-1',
        'output = json',
        '',
      ].join('\n'),
    );
    expect(text).not.toMatch(/credential_process|secret|token/i);
  });

  it('refuses a value that would start a new line', () => {
    expect(() =>
      renderSsoSessionBlock({ ...sso, startUrl: 'https://x\n[profile evil]' }),
    ).toThrow(/sso_start_url/);
  });
});
