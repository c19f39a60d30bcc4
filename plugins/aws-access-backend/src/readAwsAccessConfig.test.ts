import { ConfigReader } from '@backstage/config';
import { eventTopics, readAwsAccessConfig } from './readAwsAccessConfig';
import { exampleAwsAccessConfig } from './__testUtils__/exampleOrg';

type Item = Record<string, any>;

/** Reads `awsAccess` after `mutate` changed a copy of `base`; call the result to read. */
function reader(base: Item, mutate: (c: Item) => void = () => {}) {
  const awsAccess = structuredClone(base);
  mutate(awsAccess);
  return () => readAwsAccessConfig(new ConfigReader({ awsAccess }));
}

/** The single-organisation form, as every installation before organisations had it. */
const single = (mutate?: (c: Item) => void) =>
  reader(exampleAwsAccessConfig, mutate);

/** An Identity Center organisation with a portal, session and credentials of its own. */
function identityCenterOrg(id: string, n: number): Item {
  return {
    id,
    sso: {
      sessionName: `${id}-session`,
      startUrl: `https://d-${String(n).repeat(10)}.awsapps.com/start`,
      region: 'eu-north-1',
    },
    source: 'identityCenter',
    identityCenter: { accountId: String(n).repeat(12) },
  };
}

/** Two organisations: Identity Center `prod` and the example's static one, `sandbox`. */
const twoOrganizations: Item = {
  organizations: [
    { ...identityCenterOrg('prod', 1), title: 'Production' },
    {
      id: 'sandbox',
      sso: {
        sessionName: 'sandbox',
        startUrl: 'https://sandbox.awsapps.com/start',
        region: 'eu-west-1',
      },
      profiles: { regions: ['eu-west-1', 'eu-north-1'] },
      static: exampleAwsAccessConfig.static,
    },
  ],
  requestAccess: { notifyTeam: true },
};
const several = (mutate?: (c: Item) => void) =>
  reader(twoOrganizations, mutate);

const invalidAt = (key: string) => `Invalid configuration at '${key}':`;

describe('readAwsAccessConfig, the single-organisation form', () => {
  it('reads one organisation with the id default, titled by its session', () => {
    const { organizations, groupMatching } = single()();
    expect(organizations).toHaveLength(1);
    const [{ settings, source }] = organizations;
    expect(settings).toEqual({
      id: 'default',
      title: 'sikt',
      sso: {
        sessionName: 'sikt',
        startUrl: 'https://d-c3670fd13e.awsapps.com/start',
        ssoRegion: 'eu-north-1',
        registrationScopes: 'sso:account:access',
      },
      profiles: {
        defaultRegion: 'eu-north-1',
        regions: ['eu-north-1', 'eu-west-1'],
        output: 'json',
        profileNameTemplate: '{accountName}-{roleName}',
      },
    });
    expect(groupMatching).toEqual({ byName: true });
    if (source.type !== 'static') {
      throw new Error('expected the static source');
    }
    expect(source.organization.accounts).toHaveLength(
      exampleAwsAccessConfig.static.accounts.length,
    );
  });

  it('reads the Identity Center source with defaults', () => {
    const [{ source }] = single(c => {
      c.source = 'identityCenter';
      delete c.static;
    })().organizations;
    expect(source).toEqual({
      type: 'identityCenter',
      schedule: {
        frequency: { minutes: 30 },
        timeout: { minutes: 15 },
        initialDelay: { seconds: 5 },
      },
      settings: {
        region: 'eu-north-1',
        organizationsRegion: 'us-east-1',
        requestsPerSecond: 20,
        organizationsRequestsPerSecond: 10,
        concurrency: 8,
        maxAttempts: 8,
        endpoints: {},
      },
    });
  });

  it('names the block when it is missing', () => {
    expect(() => readAwsAccessConfig(new ConfigReader({}))).toThrow(
      "Invalid configuration at 'awsAccess': is required",
    );
  });

  it.each<[string, (c: Item) => void, string]>([
    ['a missing sso block', c => delete c.sso, 'awsAccess.sso'],
    [
      'a missing session',
      c => delete c.sso.sessionName,
      'awsAccess.sso.sessionName',
    ],
    [
      'a session name with spaces',
      c => (c.sso.sessionName = 'my org'),
      'awsAccess.sso.sessionName',
    ],
    [
      'a session name the CLI would read as an option',
      c => (c.sso.sessionName = '-sikt'),
      'awsAccess.sso.sessionName',
    ],
    ['a bad region', c => (c.sso.region = 'Stockholm'), 'awsAccess.sso.region'],
    [
      'an unknown output',
      c => (c.profiles.output = 'xml'),
      'awsAccess.profiles.output',
    ],
    [
      'regions without the default',
      c => (c.profiles.regions = ['eu-west-1']),
      'awsAccess.profiles.regions',
    ],
    [
      'an unknown placeholder in the name template',
      c => (c.profiles.nameTemplate = '{accountName}-{role}'),
      'awsAccess.profiles.nameTemplate',
    ],
    ['an unknown source', c => (c.source = 'ldap'), 'awsAccess.source'],
    [
      'a numeric account id',
      c => (c.static.accounts[1].id = 222222222222),
      'awsAccess.static.accounts[1].id',
    ],
    [
      'a bad rate in identityCenter',
      c => {
        c.source = 'identityCenter';
        c.identityCenter = { requestsPerSecond: 50 };
      },
      'awsAccess.identityCenter.requestsPerSecond',
    ],
  ])('stops on %s, naming the key', (_, mutate, key) => {
    expect(single(mutate)).toThrow(invalidAt(key));
  });

  it('asks for the static block, naming the source key', () => {
    expect(single(c => delete c.static)).toThrow(
      "Invalid configuration at 'awsAccess.static': is required when 'awsAccess.source' is 'static' (the default)",
    );
  });
});

describe('readAwsAccessConfig, shared settings', () => {
  it('passes a request-access URL template on to the clients', () => {
    const urlTemplate =
      'https://team.example.com/new?account={accountId}&role={role}';
    expect(single(c => (c.requestAccess = { urlTemplate }))()).toMatchObject({
      requestAccess: { urlTemplate },
    });
    expect(single()()).not.toHaveProperty('requestAccess');
  });

  it('passes notifyTeam on to the clients, alone or with a URL template', () => {
    const urlTemplate = 'https://team.example.com/new?role={role}';
    const settings = (requestAccess: object) =>
      single(c => (c.requestAccess = requestAccess))();
    expect(settings({ notifyTeam: true }).requestAccess).toEqual({
      notifyTeam: true,
    });
    expect(settings({ urlTemplate, notifyTeam: true }).requestAccess).toEqual({
      urlTemplate,
      notifyTeam: true,
    });
    expect(settings({ urlTemplate, notifyTeam: false }).requestAccess).toEqual({
      urlTemplate,
    });
    // Switched off and nothing else: clients see no request-access settings at all.
    expect(settings({ notifyTeam: false })).not.toHaveProperty('requestAccess');
  });

  it.each<[string, object, string]>([
    [
      'an empty request-access block',
      {},
      "Invalid configuration at 'awsAccess.requestAccess': needs 'urlTemplate', 'notifyTeam' or both",
    ],
    [
      'a notifyTeam that is not a boolean',
      { notifyTeam: 'yes' },
      "Invalid configuration at 'awsAccess.requestAccess.notifyTeam': must be true or false",
    ],
    [
      'a urlTemplate that is not text',
      { urlTemplate: 42 },
      "Invalid configuration at 'awsAccess.requestAccess.urlTemplate': must be a URL template",
    ],
  ])('refuses %s, naming the key', (_, requestAccess, message) => {
    expect(single(c => (c.requestAccess = requestAccess))).toThrow(message);
  });

  it.each([
    ['https://{accountName}.example.com/', 'must start with http'],
    ['https://example.com/{roleName}', 'unknown placeholder {roleName}'],
  ])(
    'refuses the request-access URL template %j, naming the key',
    (urlTemplate, problem) => {
      expect(single(c => (c.requestAccess = { urlTemplate }))).toThrow(
        new RegExp(
          `^Invalid configuration at 'awsAccess.requestAccess.urlTemplate': .*${problem.replace(
            /[{}]/g,
            '\\$&',
          )}`,
        ),
      );
    },
  );
});

describe('readAwsAccessConfig, several organisations', () => {
  it('reads each organisation with its own settings and source, in order', () => {
    const config = several()();
    expect(config.requestAccess).toEqual({ notifyTeam: true });
    const [prod, sandbox] = config.organizations;
    expect(prod.settings).toEqual({
      id: 'prod',
      title: 'Production',
      sso: {
        sessionName: 'prod-session',
        startUrl: 'https://d-1111111111.awsapps.com/start',
        ssoRegion: 'eu-north-1',
        registrationScopes: 'sso:account:access',
      },
      profiles: {
        defaultRegion: 'eu-north-1',
        regions: ['eu-north-1'],
        output: 'json',
        // Account and role names repeat across organisations: the id tells them apart.
        profileNameTemplate: '{org}-{accountName}-{roleName}',
      },
    });
    expect(prod.source).toMatchObject({
      type: 'identityCenter',
      settings: { region: 'eu-north-1', accountId: '111111111111' },
    });
    // The title defaults to the id; the home region to the organisation's own SSO region.
    expect(sandbox.settings).toMatchObject({
      id: 'sandbox',
      title: 'sandbox',
      sso: { ssoRegion: 'eu-west-1' },
      profiles: {
        defaultRegion: 'eu-west-1',
        regions: ['eu-west-1', 'eu-north-1'],
        profileNameTemplate: '{org}-{accountName}-{roleName}',
      },
    });
    expect(sandbox.source.type).toBe('static');
  });

  it('keeps the template without {org} for a list of one, which may keep the id default', () => {
    const [only] = several(c => {
      c.organizations = [{ ...c.organizations[1], id: 'default' }];
    })().organizations;
    expect(only.settings.id).toBe('default');
    expect(only.settings.profiles.profileNameTemplate).toBe(
      '{accountName}-{roleName}',
    );
  });

  it('accepts organisations on one portal host with different paths', () => {
    const host = 'https://start.us-gov-home.awsapps.com/directory';
    const config = several(c => {
      c.organizations[0].sso.startUrl = `${host}/d-1111111111`;
      c.organizations[1].sso.startUrl = `${host}/d-2222222222`;
    })();
    expect(config.organizations).toHaveLength(2);
  });

  it.each<[string, (c: Item) => void, string, string]>([
    [
      'an empty list',
      c => (c.organizations = []),
      'awsAccess.organizations',
      'must list at least one organisation',
    ],
    [
      'a list that is not one',
      c => (c.organizations = { prod: {} }),
      'awsAccess.organizations',
      'must be a list of organisations',
    ],
    [
      'an entry that is not an object',
      c => (c.organizations[1] = 'sandbox'),
      'awsAccess.organizations[1]',
      'must be an organisation',
    ],
    [
      'the single-organisation keys beside the list',
      c => {
        c.sso = twoOrganizations.organizations[0].sso;
        c.source = 'static';
      },
      'awsAccess.organizations',
      "cannot be combined with 'awsAccess.sso', 'awsAccess.source'",
    ],
    [
      'a missing id',
      c => delete c.organizations[1].id,
      'awsAccess.organizations[1].id',
      'is required',
    ],
    [
      'an id in capitals',
      c => (c.organizations[1].id = 'Sandbox'),
      'awsAccess.organizations[1].id',
      'must be lower-case letters and digits',
    ],
    [
      'an id ending in "-"',
      c => (c.organizations[1].id = 'sandbox-'),
      'awsAccess.organizations[1].id',
      'must be lower-case letters and digits',
    ],
    [
      'an id too long for a profile name',
      c => (c.organizations[1].id = 'a'.repeat(21)),
      'awsAccess.organizations[1].id',
      'must be at most 20 characters',
    ],
    [
      'a repeated id',
      c => (c.organizations[1].id = 'prod'),
      'awsAccess.organizations[1].id',
      "'prod' is already the id of awsAccess.organizations[0]",
    ],
    [
      'a session name repeated in another case',
      c => (c.organizations[1].sso.sessionName = 'Prod-Session'),
      'awsAccess.organizations[1].sso.sessionName',
      "'prod-session' is already the session of awsAccess.organizations[0] ('prod')",
    ],
    [
      'the same portal with another host case, a trailing slash and its #/ route',
      c =>
        (c.organizations[1].sso.startUrl =
          'https://D-1111111111.awsapps.com/start/#/'),
      'awsAccess.organizations[1].sso.startUrl',
      "is the access portal of awsAccess.organizations[0] ('prod') too",
    ],
    [
      'a template without {org}',
      c =>
        (c.organizations[1].profiles.nameTemplate = '{accountName}-{roleName}'),
      'awsAccess.organizations[1].profiles.nameTemplate',
      'must contain {org} when there are several organisations',
    ],
    [
      'ids that the default template cannot tell apart',
      c => (c.organizations[1].id = 'prod-eu'),
      'awsAccess.organizations[1].profiles.nameTemplate',
      "can give the same profile names as awsAccess.organizations[0] ('prod') with '{org}-{accountName}-{roleName}', such as 'prod-eu-x-x'",
    ],
    [
      'free text before {org}',
      c => {
        c.organizations[0].profiles = {
          nameTemplate: '{environment}-{org}-{roleName}',
        };
      },
      'awsAccess.organizations[1].profiles.nameTemplate',
      'start the templates with {org}',
    ],
    [
      'an unknown placeholder',
      c => (c.organizations[0].profiles = { nameTemplate: '{org}-{acount}' }),
      'awsAccess.organizations[0].profiles.nameTemplate',
      'has the unknown placeholder {acount}',
    ],
    [
      'regions without the default',
      c => (c.organizations[1].profiles.regions = ['eu-north-1']),
      'awsAccess.organizations[1].profiles.regions',
      "must include the default region 'eu-west-1'",
    ],
    [
      'a static organisation without its block',
      c => delete c.organizations[1].static,
      'awsAccess.organizations[1].static',
      "is required when 'awsAccess.organizations[1].source' is 'static'",
    ],
    [
      'a bad account id in a static organisation',
      c => {
        c.organizations[1].static.accounts[2].id = '123';
      },
      'awsAccess.organizations[1].static.accounts[2].id',
      'must be a 12-digit AWS account id',
    ],
    [
      'a bad schedule',
      c => (c.organizations[0].identityCenter.schedule = { frequency: 'x' }),
      'awsAccess.organizations[0].identityCenter.schedule',
      '',
    ],
    [
      'the same instance ARN twice',
      c => {
        const instanceArn = 'arn:aws:sso:::instance/ssoins-0123456789abcdef';
        c.organizations[0].identityCenter.instanceArn = instanceArn;
        c.organizations[1] = identityCenterOrg('other', 2);
        c.organizations[1].identityCenter.instanceArn = instanceArn;
      },
      'awsAccess.organizations[1].identityCenter.instanceArn',
      "is the instance of awsAccess.organizations[0] ('prod') too",
    ],
    [
      'the same identity store twice',
      c => {
        c.organizations[0].identityCenter.identityStoreId = 'd-1234567890';
        c.organizations[1] = identityCenterOrg('other', 2);
        c.organizations[1].identityCenter.identityStoreId = 'd-1234567890';
      },
      'awsAccess.organizations[1].identityCenter.identityStoreId',
      "is the identity store of awsAccess.organizations[0] ('prod') too",
    ],
    [
      'two organisations that would discover the same instance',
      c => {
        c.organizations[1] = identityCenterOrg('other', 2);
        c.organizations[1].identityCenter.accountId = '111111111111';
      },
      'awsAccess.organizations[1].identityCenter',
      "reads the same Identity Center instance as awsAccess.organizations[0] ('prod')",
    ],
  ])('stops on %s, naming the key', (_, mutate, key, problem) => {
    const read = several(mutate);
    expect(read).toThrow(invalidAt(key));
    expect(read).toThrow(problem);
  });

  it('reads two instances through one account when the endpoints differ', () => {
    const config = several(c => {
      c.organizations[1] = identityCenterOrg('other', 2);
      for (const [i, org] of c.organizations.entries()) {
        org.identityCenter = {
          endpoints: { ssoAdmin: `http://localhost:${4000 + i}` },
        };
      }
    })();
    expect(config.organizations.map(o => o.settings.id)).toEqual([
      'prod',
      'other',
    ]);
  });
});

describe('readAwsAccessConfig, temporary access', () => {
  const temporaryAccess = {
    permissionSets: [
      { name: 'ReadOnlyAccess', maxDuration: { hours: 8 }, selfService: true },
    ],
    approvers: 'group:default/aws-admins',
  };
  const policy = {
    rules: [
      {
        permissionSet: 'ReadOnlyAccess',
        maxDurationMinutes: 480,
        selfService: true,
      },
    ],
    requireReason: true,
    approvers: 'group:default/aws-admins',
  };

  it('is off unless configured', () => {
    expect(single()().organizations[0].settings).not.toHaveProperty(
      'temporaryAccess',
    );
  });

  it('gives the single Identity Center organisation its policy', () => {
    const [{ settings }] = single(c => {
      c.source = 'identityCenter';
      delete c.static;
      c.temporaryAccess = temporaryAccess;
    })().organizations;
    expect(settings.temporaryAccess).toEqual(policy);
  });

  it('gives each listed organisation its own policy', () => {
    const [prod, other] = several(c => {
      c.organizations[0].temporaryAccess = temporaryAccess;
      c.organizations[1] = identityCenterOrg('other', 2);
    })().organizations;
    expect(prod.settings.temporaryAccess).toEqual(policy);
    expect(other.settings).not.toHaveProperty('temporaryAccess');
  });

  it.each<[string, () => () => unknown, string, string]>([
    [
      'the static single organisation',
      () => single(c => (c.temporaryAccess = temporaryAccess)),
      'awsAccess.temporaryAccess',
      "needs 'awsAccess.source' to be 'identityCenter'",
    ],
    [
      'a static listed organisation',
      () =>
        several(c => (c.organizations[1].temporaryAccess = temporaryAccess)),
      'awsAccess.organizations[1].temporaryAccess',
      "needs 'awsAccess.organizations[1].source' to be 'identityCenter'",
    ],
    [
      'the single-organisation key beside the list',
      () => several(c => (c.temporaryAccess = temporaryAccess)),
      'awsAccess.organizations',
      "cannot be combined with 'awsAccess.temporaryAccess'",
    ],
    [
      "a listed organisation's policy without permission sets",
      () => several(c => (c.organizations[0].temporaryAccess = {})),
      'awsAccess.organizations[0].temporaryAccess.permissionSets',
      'is required',
    ],
  ])('refuses a policy in %s, naming the key', (_, read, key, problem) => {
    expect(read()).toThrow(invalidAt(key));
    expect(read()).toThrow(problem);
  });
});

describe('eventTopics', () => {
  const withEvents = (...topics: (string | undefined)[]) =>
    several(c => {
      c.organizations = topics.map((topic, i) => {
        const org = identityCenterOrg(`org${i}`, i + 1);
        org.identityCenter.events = { enabled: true, topic };
        return org;
      });
    })();

  it('subscribes once to a topic several organisations share', () => {
    expect(eventTopics(withEvents(undefined, undefined))).toEqual([
      { topic: 'awsAccessIdentityCenter', organizations: ['org0', 'org1'] },
    ]);
  });

  it('lists each topic once, in configuration order', () => {
    expect(
      eventTopics(withEvents('prodEvents', undefined, 'prodEvents')),
    ).toEqual([
      { topic: 'prodEvents', organizations: ['org0', 'org2'] },
      { topic: 'awsAccessIdentityCenter', organizations: ['org1'] },
    ]);
  });

  it('is empty without events', () => {
    expect(eventTopics(several()())).toEqual([]);
  });
});
