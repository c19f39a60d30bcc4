/**
 * @jest-environment node
 */
import { execFileSync } from 'node:child_process';
import { AwsAccountAccess } from '../types';
import { AWS_V2, account, settings, sso } from '../__testUtils__/organisation';
import { workspace } from '../__testUtils__/awsCliWorkspace';
import { planProfiles } from './profileNames';
import { renderAwsConfig } from './renderAwsConfig';

// The real AWS CLI v2 (Debian's awscli, installed by scripts/test.sh) reads generated files.

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
];

describe('generated config read by the real AWS CLI v2', () => {
  it('is AWS CLI v2', () => {
    expect(execFileSync(AWS_V2, ['--version'], { encoding: 'utf8' })).toMatch(
      /^aws-cli\/2\./,
    );
  });

  it('lists exactly the generated profiles, hostile names included', () => {
    const profiles = planProfiles(hostileAccounts, settings);
    const { aws } = workspace(renderAwsConfig(profiles, sso, settings));
    const listed = aws('configure', 'list-profiles').split('\n');
    expect(listed.sort()).toEqual(profiles.map(p => p.profileName).sort());
    expect(new Set(listed).size).toBe(profiles.length);
    for (const p of profiles) {
      expect(
        aws('configure', 'get', 'sso_account_id', '--profile', p.profileName),
      ).toBe(p.accountId);
      expect(
        aws('configure', 'get', 'sso_role_name', '--profile', p.profileName),
      ).toBe(p.roleName);
      expect(
        aws('configure', 'get', 'sso_session', '--profile', p.profileName),
      ).toBe('sikt');
      expect(
        aws('configure', 'get', 'region', '--profile', p.profileName),
      ).toBe('eu-north-1');
    }
  });

  it('reads the legacy variant too', () => {
    const profiles = planProfiles(hostileAccounts.slice(0, 2), settings);
    const { aws } = workspace(
      renderAwsConfig(profiles, sso, settings, 'legacy'),
    );
    for (const p of profiles) {
      expect(
        aws('configure', 'get', 'sso_start_url', '--profile', p.profileName),
      ).toBe(sso.startUrl);
      expect(
        aws('configure', 'get', 'sso_account_id', '--profile', p.profileName),
      ).toBe(p.accountId);
    }
  });
});
