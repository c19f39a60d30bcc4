/**
 * @jest-environment node
 */
import { execFileSync } from 'node:child_process';
import { AwsAccountAccess, AwsOrganizationSettings } from '../types';
import {
  AWS_V2,
  account,
  organization,
  sandbox,
} from '../__testUtils__/organisation';
import { workspace } from '../__testUtils__/awsCliWorkspace';
import { PlannedProfile, planProfiles } from './profileNames';
import { renderAwsConfig } from './renderAwsConfig';

// The real AWS CLI v2 (Debian's awscli, installed by scripts/test.sh) reads generated files:
// `aws configure list-profiles` lists them, and the CLI's own SSO credential provider
// resolves every profile in one process (resolveProfiles.py).

const organizations = [organization, sandbox];

const hostileAccounts: AwsAccountAccess[] = [
  account('111111111111', 'platform "prod" [eu]', [
    'PowerUserAccess',
    'ReadOnly',
  ]),
  account('222222222222', "o'brien's\naccount", ['Admin@ops']),
  account('333333333333', 'Økonomi – ☁️ 会计', ['Data.Reader']),
  account('444444444444', 'platform  prod eu', ['PowerUserAccess']),
  account('555555555555', '[default]', ['a+b=c,d']),
  account('666666666666', '   ', ['ReadOnly']),
  account('777777777777', 'default', ['+=,.@-']),
  account('888888888888', 'platform-prod', ['ReadOnlyAccess']),
  account('999999999999', '(platform-prod)', ['ReadOnlyAccess']),
  // The second organisation: the same account name, a look-alike, and its own.
  account('121212121212', 'platform-prod', ['ReadOnlyAccess'], 'sandbox'),
  account('131313131313', ' platform-prod', ['ReadOnlyAccess'], 'sandbox'),
  account('141414141414', 'lab', ['ReadOnly', 'PowerUserAccess'], 'sandbox'),
];

const organizationOf = (p: PlannedProfile): AwsOrganizationSettings =>
  organizations.find(o => o.id === p.organization)!;

describe('generated config read by the real AWS CLI v2', () => {
  it('is AWS CLI v2', () => {
    expect(execFileSync(AWS_V2, ['--version'], { encoding: 'utf8' })).toMatch(
      /^aws-cli\/2\./,
    );
  });

  it("resolves every profile of two organisations to its account, role and its organisation's session", () => {
    const profiles = planProfiles(hostileAccounts, organizations);
    expect(new Set(profiles.map(p => p.organization))).toEqual(
      new Set(['default', 'sandbox']),
    );
    const ws = workspace(renderAwsConfig(profiles, organizations));
    const listed = ws.aws('configure', 'list-profiles').split('\n');
    expect(listed.sort()).toEqual(profiles.map(p => p.profileName).sort());
    expect(listed).not.toContain('default');

    const resolved = ws.profiles();
    expect(Object.keys(resolved).sort()).toEqual(listed);
    for (const p of profiles) {
      const { sso, profiles: settings } = organizationOf(p);
      expect({ name: p.profileName, ...resolved[p.profileName] }).toEqual({
        name: p.profileName,
        region: settings.defaultRegion,
        output: settings.output,
        sso: {
          sso_account_id: p.accountId,
          sso_role_name: p.roleName,
          sso_session: sso.sessionName,
          sso_start_url: sso.startUrl,
          sso_region: sso.ssoRegion,
        },
      });
    }
  });

  it("reads the legacy variant too, each profile with its organisation's start URL", () => {
    const profiles = planProfiles(
      [
        account('111111111111', 'platform', ['ReadOnly']),
        account('121212121212', 'platform', ['ReadOnly'], 'sandbox'),
      ],
      organizations,
    );
    const ws = workspace(renderAwsConfig(profiles, organizations, 'legacy'));
    const resolved = ws.profiles();
    expect(Object.keys(resolved).sort()).toEqual([
      'platform-ReadOnly--111111111111',
      'platform-ReadOnly--121212121212',
    ]);
    for (const p of profiles) {
      const { sso } = organizationOf(p);
      expect(resolved[p.profileName].sso).toEqual({
        sso_account_id: p.accountId,
        sso_role_name: p.roleName,
        sso_start_url: sso.startUrl,
        sso_region: sso.ssoRegion,
      });
    }
  });
});
