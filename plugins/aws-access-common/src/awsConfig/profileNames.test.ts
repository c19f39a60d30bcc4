import { planProfiles, sanitizeProfileName } from './profileNames';
import { AwsOrganizationSettings } from '../types';
import { account, organization, sandbox } from '../__testUtils__/organisation';

const withTemplate = (
  profileNameTemplate: string,
  org: AwsOrganizationSettings = organization,
): AwsOrganizationSettings => ({
  ...org,
  profiles: { ...org.profiles, profileNameTemplate },
});

/** Every ordering of the items (the inputs here are small). */
function permutations<T>(items: T[]): T[][] {
  if (items.length <= 1) return [items];
  return items.flatMap((item, i) =>
    permutations([...items.slice(0, i), ...items.slice(i + 1)]).map(rest => [
      item,
      ...rest,
    ]),
  );
}

/** Profile name by organisation, account id and role: what must not depend on order. */
const namesByIdentity = (profiles: ReturnType<typeof planProfiles>) =>
  Object.fromEntries(
    profiles.map(p => [
      `${p.organization}/${p.accountId}/${p.roleName}`,
      p.profileName,
    ]),
  );

describe('sanitizeProfileName', () => {
  it.each([
    ['platform-dev', 'platform-dev'],
    ['Prod (EU)', 'Prod-EU'],
    ['a"b\'c[d]e', 'a-b-c-d-e'],
    ['line\nbreak', 'line-break'],
    ['Téléphone', 'Telephone'],
    ['  --weird..', 'weird'],
    ['a -- b', 'a-b'],
    ['[]', 'profile'],
  ])('turns %j into %j', (raw, expected) => {
    expect(sanitizeProfileName(raw)).toBe(expected);
  });
});

describe('planProfiles', () => {
  it("fills the account's organisation's template and default region", () => {
    expect(
      planProfiles(
        [account('123456789012', 'platform-dev', ['ReadOnlyAccess'])],
        [organization],
      ),
    ).toEqual([
      {
        organization: 'default',
        profileName: 'platform-dev-ReadOnlyAccess',
        accountId: '123456789012',
        accountName: 'platform-dev',
        roleName: 'ReadOnlyAccess',
        region: 'eu-north-1',
      },
    ]);
  });

  it('prefers the account region and supports every placeholder, {org} included', () => {
    const [profile] = planProfiles(
      [
        {
          ...account('123456789012', 'data', ['Admin'], 'sandbox'),
          region: 'eu-west-1',
          environment: 'prod',
        },
      ],
      [
        organization,
        withTemplate(
          '{org}.{environment}.{accountId}.{roleName}.{region}',
          sandbox,
        ),
      ],
    );
    expect(profile.profileName).toBe(
      'sandbox.prod.123456789012.Admin.eu-west-1',
    );
    expect(profile.region).toBe('eu-west-1');
    expect(profile.organization).toBe('sandbox');
  });

  it('uses each organisation its own settings', () => {
    const profiles = planProfiles(
      [
        account('111111111111', 'platform', ['Dev']),
        account('222222222222', 'lab', ['Dev'], 'sandbox'),
      ],
      [organization, withTemplate('{org}-{accountName}-{roleName}', sandbox)],
    );
    expect(profiles.map(p => [p.profileName, p.region])).toEqual([
      ['platform-Dev', 'eu-north-1'],
      ['sandbox-lab-Dev', 'us-east-1'],
    ]);
  });

  it('refuses an account of an organisation it was not given', () => {
    expect(() =>
      planProfiles([account('111111111111', 'x', ['Dev'], 'gone')], [sandbox]),
    ).toThrow(
      new TypeError(
        "Account '111111111111' belongs to organisation 'gone', which is not among the organisations given",
      ),
    );
  });

  it('gives a look-alike account no way to take the real account its name, in any order', () => {
    const accounts = [
      account('111111111111', 'platform-prod', ['ReadOnlyAccess']),
      account('222222222222', ' platform-prod', ['ReadOnlyAccess']),
      account('333333333333', 'platform prod', ['ReadOnlyAccess']),
      account('444444444444', '(platform-prod)', ['ReadOnlyAccess']),
    ];
    const expected = {
      'default/111111111111/ReadOnlyAccess':
        'platform-prod-ReadOnlyAccess--111111111111',
      'default/222222222222/ReadOnlyAccess':
        'platform-prod-ReadOnlyAccess--222222222222',
      'default/333333333333/ReadOnlyAccess':
        'platform-prod-ReadOnlyAccess--333333333333',
      'default/444444444444/ReadOnlyAccess':
        'platform-prod-ReadOnlyAccess--444444444444',
    };
    for (const order of permutations(accounts)) {
      expect(namesByIdentity(planProfiles(order, [organization]))).toEqual(
        expected,
      );
    }
  });

  it('keeps the plain name while no other account cleans up to it', () => {
    const profiles = planProfiles(
      [
        account('111111111111', 'platform-prod', ['ReadOnlyAccess']),
        account('222222222222', 'platform-dev', ['ReadOnlyAccess']),
      ],
      [organization],
    );
    expect(profiles.map(p => p.profileName)).toEqual([
      'platform-prod-ReadOnlyAccess',
      'platform-dev-ReadOnlyAccess',
    ]);
  });

  it('tells names apart that differ only in case, whatever the order', () => {
    const accounts = [
      account('111111111111', 'Team A', ['Dev']),
      account('222222222222', 'team[a]', ['dev']),
    ];
    for (const order of permutations(accounts)) {
      expect(namesByIdentity(planProfiles(order, [organization]))).toEqual({
        'default/111111111111/Dev': 'Team-A-Dev--111111111111',
        'default/222222222222/dev': 'team-a-dev--222222222222',
      });
    }
  });

  it('never gives a plain name that a distinguished name could take later', () => {
    // Cleaned-up names never contain "--": an account named after another's
    // distinguished name does not get that name.
    const profiles = planProfiles(
      [
        account('111111111111', 'platform-RO', ['x']),
        account('222222222222', 'platform RO', ['x']),
        account('333333333333', 'platform-RO--111111111111', ['x']),
      ],
      [withTemplate('{accountName}')],
    );
    expect(profiles.map(p => p.profileName)).toEqual([
      'platform-RO--111111111111',
      'platform-RO--222222222222',
      'platform-RO-111111111111',
    ]);
  });

  it.each([
    ['default', '{accountName}', 'default--123456789012'],
    ['DEFAULT', '{accountName}', 'DEFAULT--123456789012'],
    ['default', '{accountName}-{roleName}', 'default--123456789012'],
    ['preview', '{accountName}', 'preview--123456789012'],
    ['plugins', '{accountName}', 'plugins--123456789012'],
    ['in', '{accountName}', 'in--123456789012'],
    ['platform', '{roleName}', 'profile'],
  ])(
    'never names a profile as the AWS CLI treats specially: account %j with template %j gives %j',
    (name, template, expected) => {
      // The role is made only of characters the clean-up drops.
      const [profile] = planProfiles(
        [account('123456789012', name, ['+=,.@-'])],
        [withTemplate(template)],
      );
      expect(profile.profileName).toBe(expected);
    },
  );

  it('tells the same account name in two organisations apart by account id', () => {
    const accounts = [
      account('111111111111', 'platform', ['ReadOnly']),
      account('222222222222', 'platform', ['ReadOnly'], 'sandbox'),
    ];
    for (const order of permutations(accounts)) {
      expect(
        namesByIdentity(planProfiles(order, [organization, sandbox])),
      ).toEqual({
        'default/111111111111/ReadOnly': 'platform-ReadOnly--111111111111',
        'sandbox/222222222222/ReadOnly': 'platform-ReadOnly--222222222222',
      });
    }
  });

  it('adds the organisation id when the same account id is in two organisations', () => {
    const accounts = [
      account('111111111111', 'platform', ['ReadOnly']),
      account('111111111111', 'platform', ['ReadOnly'], 'sandbox'),
      account('222222222222', 'platform', ['ReadOnly'], 'sandbox'),
    ];
    for (const order of permutations(accounts)) {
      expect(
        namesByIdentity(planProfiles(order, [organization, sandbox])),
      ).toEqual({
        'default/111111111111/ReadOnly':
          'platform-ReadOnly--111111111111--default',
        'sandbox/111111111111/ReadOnly':
          'platform-ReadOnly--111111111111--sandbox',
        'sandbox/222222222222/ReadOnly': 'platform-ReadOnly--222222222222',
      });
    }
  });

  it('adds a hash of the role when roles of one account clean up alike', () => {
    const roles = ['Admin', 'admin', 'Admin+'];
    for (const order of permutations(roles)) {
      const names = namesByIdentity(
        planProfiles([account('111111111111', 'lab', order)], [organization]),
      );
      expect(names).toEqual({
        'default/111111111111/Admin': expect.stringMatching(
          /^lab-Admin--111111111111--default--[0-9a-f]{8}$/,
        ),
        'default/111111111111/admin': expect.stringMatching(
          /^lab-admin--111111111111--default--[0-9a-f]{8}$/,
        ),
        'default/111111111111/Admin+': expect.stringMatching(
          /^lab-Admin--111111111111--default--[0-9a-f]{8}$/,
        ),
      });
      expect(new Set(Object.values(names).map(n => n.toLowerCase())).size).toBe(
        3,
      );
    }
  });

  it('says so rather than give two roles one name when even their hashes agree', () => {
    // FNV-1a gives both of these role names 17d4c799.
    expect(() =>
      planProfiles(
        [account('111111111111', 'lab', ['Role11699', 'Role133140'])],
        [withTemplate('{accountName}')],
      ),
    ).toThrow("Cannot give profile 'lab--111111111111--default--17d4c799'");
  });

  it('plans a repeated account and role once', () => {
    const twice = account('111111111111', 'lab', ['Dev']);
    expect(
      planProfiles([twice, twice], [organization]).map(p => p.profileName),
    ).toEqual(['lab-Dev']);
  });
});
