import { planProfiles, sanitizeProfileName } from './profileNames';
import { AwsAccountAccess, CliProfileSettings } from '../types';

const settings: CliProfileSettings = {
  defaultRegion: 'eu-north-1',
  regions: ['eu-north-1', 'eu-west-1'],
  output: 'json',
  profileNameTemplate: '{accountName}-{roleName}',
};

function account(
  name: string,
  roles: string[],
  extra: Partial<AwsAccountAccess> = {},
): AwsAccountAccess {
  return {
    id: '123456789012',
    name,
    roles: roles.map(r => ({ name: r, grantedVia: ['g'] })),
    ...extra,
  };
}

describe('sanitizeProfileName', () => {
  it.each([
    ['platform-dev', 'platform-dev'],
    ['Prod (EU)', 'Prod-EU'],
    ['a"b\'c[d]e', 'a-b-c-d-e'],
    ['line\nbreak', 'line-break'],
    ['Téléphone', 'Telephone'],
    ['  --weird..', 'weird'],
    ['[]', 'profile'],
  ])('turns %j into %j', (raw, expected) => {
    expect(sanitizeProfileName(raw)).toBe(expected);
  });
});

describe('planProfiles', () => {
  it('fills the template and uses the default region', () => {
    expect(
      planProfiles([account('platform-dev', ['ReadOnlyAccess'])], settings),
    ).toEqual([
      {
        profileName: 'platform-dev-ReadOnlyAccess',
        accountId: '123456789012',
        accountName: 'platform-dev',
        roleName: 'ReadOnlyAccess',
        region: 'eu-north-1',
      },
    ]);
  });

  it('prefers the account region and supports every placeholder', () => {
    const [profile] = planProfiles(
      [
        account('data', ['Admin'], {
          region: 'eu-west-1',
          environment: 'prod',
        }),
      ],
      {
        ...settings,
        profileNameTemplate: '{environment}.{accountId}.{roleName}.{region}',
      },
    );
    expect(profile.profileName).toBe('prod.123456789012.Admin.eu-west-1');
    expect(profile.region).toBe('eu-west-1');
  });

  it('makes names unique, ignoring case, in input order', () => {
    const names = planProfiles(
      [
        account('Team A', ['Dev']),
        account('team[a]', ['dev']),
        account('team a', ['Dev']),
      ],
      settings,
    ).map(p => p.profileName);
    expect(names).toEqual(['Team-A-Dev', 'team-a-dev-2', 'team-a-Dev-3']);
  });
});
