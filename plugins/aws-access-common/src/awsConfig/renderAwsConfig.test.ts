import {
  renderAwsConfig,
  renderProfileBlock,
  renderSsoSessionBlock,
} from './renderAwsConfig';
import { PlannedProfile } from './profileNames';
import { organization, sandbox, sso } from '../__testUtils__/organisation';

const profile = (
  profileName: string,
  accountId: string,
  org = 'default',
  region = 'eu-north-1',
): PlannedProfile => ({
  organization: org,
  profileName,
  accountId,
  accountName: profileName,
  roleName: 'ReadOnly',
  region,
});

describe('renderAwsConfig', () => {
  it("writes each organisation's session once, before its profiles, in organisation order", () => {
    const text = renderAwsConfig(
      [
        profile('lab-ReadOnly', '444455556666', 'sandbox', 'us-east-1'),
        profile('platform-dev-ReadOnly', '111122223333'),
        profile(
          'platform-prod-ReadOnly',
          '777788889999',
          'default',
          'eu-west-1',
        ),
      ],
      [organization, sandbox],
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
        'sso_account_id = 777788889999',
        'sso_role_name = ReadOnly',
        'region = eu-west-1',
        'output = json',
        '',
        '[sso-session sandbox]',
        'sso_start_url = https://d-9067c0ffee.awsapps.com/start',
        'sso_region = us-east-1',
        'sso_registration_scopes = sso:account:access',
        '',
        '[profile lab-ReadOnly]',
        'sso_session = sandbox',
        'sso_account_id = 444455556666',
        'sso_role_name = ReadOnly',
        'region = us-east-1',
        'output = yaml',
        '',
      ].join('\n'),
    );
    expect(text).not.toMatch(/credential_process|secret|token/i);
  });

  it('leaves out organisations without profiles, and writes nothing for none', () => {
    const text = renderAwsConfig(
      [profile('lab-ReadOnly', '444455556666', 'sandbox')],
      [organization, sandbox],
    );
    expect(text).not.toContain('sikt');
    expect(text.startsWith('[sso-session sandbox]\n')).toBe(true);
    expect(renderAwsConfig([], [organization, sandbox])).toBe('');
  });

  it("puts each organisation's start URL into its legacy profiles", () => {
    const text = renderAwsConfig(
      [
        profile('platform-dev-ReadOnly', '111122223333'),
        profile('lab-ReadOnly', '444455556666', 'sandbox'),
      ],
      [organization, sandbox],
      'legacy',
    );
    expect(text).not.toContain('[sso-session');
    expect(text).toContain(
      '[profile lab-ReadOnly]\nsso_start_url = https://d-9067c0ffee.awsapps.com/start\nsso_region = us-east-1\nsso_account_id = 444455556666\n',
    );
  });

  it.each([
    [
      [profile('x', '111122223333', 'gone')],
      [organization],
      "Profile 'x' belongs to organisation 'gone', which is not among the organisations given",
    ],
    [
      [profile('x', '111122223333'), profile('x', '444455556666')],
      [organization],
      "Profile name 'x' is given twice",
    ],
    [
      [profile('x', '111122223333')],
      [organization, { ...sandbox, sso }],
      "SSO session name 'sikt' is used by two organisations",
    ],
  ])('refuses what would not make one readable file (%#)', (p, o, message) => {
    expect(() => renderAwsConfig(p, o)).toThrow(new TypeError(message));
  });
});

describe('renderSsoSessionBlock', () => {
  it('refuses a value that would start a new line', () => {
    expect(() =>
      renderSsoSessionBlock({ ...sso, startUrl: 'https://x\n[profile evil]' }),
    ).toThrow(/sso_start_url/);
  });

  const charset = 'may contain only letters, digits, ".", "_" and "-"';
  it.each([
    ['sikt]\n[profile evil', charset],
    ["it's", charset],
    ['two words', charset],
    ['', charset],
    ['-sikt', 'must not start with "-", which the AWS CLI reads as an option'],
  ])('refuses the session name %j', (sessionName, reason) => {
    expect(() => renderSsoSessionBlock({ ...sso, sessionName })).toThrow(
      new TypeError(
        `SSO session name ${JSON.stringify(
          sessionName,
        )} cannot be written to an AWS config file: it ${reason}`,
      ),
    );
  });
});

describe('renderProfileBlock', () => {
  it.each([
    ['default', 'is a name the AWS CLI treats specially'],
    ['Default', 'is a name the AWS CLI treats specially'],
    ['plugins', 'is a name the AWS CLI treats specially'],
    ['preview', 'is a name the AWS CLI treats specially'],
    ['x]\n[default', 'may contain only letters, digits, ".", "_" and "-"'],
    ['a b', 'may contain only letters, digits, ".", "_" and "-"'],
    ['-x', 'must not start with "-", which the AWS CLI reads as an option'],
  ])('refuses the profile name %j', (profileName, reason) => {
    expect(() =>
      renderProfileBlock(profile(profileName, '111122223333'), organization),
    ).toThrow(
      new TypeError(
        `Profile name ${JSON.stringify(
          profileName,
        )} cannot be written to an AWS config file: it ${reason}`,
      ),
    );
  });

  it("refuses a session name it would write into the profile, and another organisation's profile", () => {
    const badSession = {
      ...organization,
      sso: { ...sso, sessionName: 'a b' },
    };
    expect(() =>
      renderProfileBlock(profile('x', '111122223333'), badSession),
    ).toThrow(/^SSO session name "a b" cannot be written/);
    expect(
      renderProfileBlock(profile('x', '111122223333'), badSession, 'legacy'),
    ).toContain('sso_start_url = ');
    expect(() =>
      renderProfileBlock(profile('x', '111122223333', 'sandbox'), organization),
    ).toThrow(
      new TypeError(
        "Profile 'x' belongs to organisation 'sandbox', not 'default'",
      ),
    );
  });
});
