import { ConfigReader } from '@backstage/config';
import { readAwsAccessConfig } from './readAwsAccessConfig';
import { exampleAwsAccessConfig } from './__testUtils__/exampleOrg';

type Item = Record<string, unknown>;
interface Draft {
  sso: Item;
  profiles: Item;
  static?: { accounts: Item[]; permissionSets: Item[]; assignments: Item[] };
}
type Mutate = (c: Draft) => void;

function read(mutate: Mutate) {
  const awsAccess = JSON.parse(JSON.stringify(exampleAwsAccessConfig));
  mutate(awsAccess);
  return () => readAwsAccessConfig(new ConfigReader({ awsAccess }));
}

describe('readAwsAccessConfig', () => {
  it('reads the example and fills defaults', () => {
    const config = read(() => {})();
    if (config.source.type !== 'static') {
      throw new Error('expected the static source');
    }
    expect(config.cli.profiles).toEqual({
      defaultRegion: 'eu-north-1',
      regions: ['eu-north-1', 'eu-west-1'],
      output: 'json',
      profileNameTemplate: '{accountName}-{roleName}',
    });
    expect(config.source.organization.accounts).toHaveLength(
      exampleAwsAccessConfig.static.accounts.length,
    );
  });

  it('passes a request-access URL template on to the clients', () => {
    const urlTemplate =
      'https://team.example.com/new?account={accountId}&role={role}';
    const config = read(c =>
      Object.assign(c, { requestAccess: { urlTemplate } }),
    )();
    expect(config.cli.requestAccess).toEqual({ urlTemplate });
    expect(read(() => {})().cli).not.toHaveProperty('requestAccess');
  });

  it('passes notifyTeam on to the clients, alone or with a URL template', () => {
    const urlTemplate = 'https://team.example.com/new?role={role}';
    const settings = (requestAccess: object) =>
      read(c => Object.assign(c, { requestAccess }))().cli;
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
    expect(read(c => Object.assign(c, { requestAccess }))).toThrow(message);
  });

  it.each([
    ['https://{accountName}.example.com/', 'must start with http'],
    ['https://example.com/{roleName}', 'unknown placeholder {roleName}'],
  ])(
    'refuses the request-access URL template %j, naming the key',
    (urlTemplate, problem) => {
      expect(
        read(c => Object.assign(c, { requestAccess: { urlTemplate } })),
      ).toThrow(
        new RegExp(
          `^Invalid configuration at 'awsAccess.requestAccess.urlTemplate': .*${problem.replace(
            /[{}]/g,
            '\\$&',
          )}`,
        ),
      );
    },
  );

  it('names the block when it is missing', () => {
    expect(() => readAwsAccessConfig(new ConfigReader({}))).toThrow(
      "Invalid configuration at 'awsAccess': is required",
    );
  });

  it.each<[string, Mutate, string]>([
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
    ['a bad region', c => (c.sso.region = 'Stockholm'), 'awsAccess.sso.region'],
    [
      'an unknown output',
      c => (c.profiles.output = 'xml'),
      'awsAccess.profiles.output',
    ],
    [
      'a numeric account id',
      c => (c.static!.accounts[1].id = 222222222222),
      'awsAccess.static.accounts[1].id',
    ],
    [
      'a short account id',
      c => (c.static!.accounts[2].id = '123'),
      'awsAccess.static.accounts[2].id',
    ],
    [
      'a role name with a newline',
      c => (c.static!.permissionSets[0].name = 'a\nb'),
      'awsAccess.static.permissionSets[0].name',
    ],
    [
      'a bad duration',
      c => (c.static!.permissionSets[0].sessionDuration = '8 hours'),
      'awsAccess.static.permissionSets[0].sessionDuration',
    ],
    [
      'regions without the default',
      c => (c.profiles.regions = ['eu-west-1']),
      'awsAccess.profiles.regions',
    ],
    ['no static block', c => delete c.static, 'awsAccess.static'],
  ])('stops on %s, naming the key', (_, mutate, key) => {
    expect(read(mutate)).toThrow(`Invalid configuration at '${key}':`);
  });

  it('reads the Identity Center source with defaults', () => {
    const config = read(c => {
      Object.assign(c, { source: 'identityCenter' });
      delete c.static;
    })();
    expect(config.source).toEqual({
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

  it.each<[string, Item, string]>([
    [
      'a rate above the quota',
      { requestsPerSecond: 50 },
      'awsAccess.identityCenter.requestsPerSecond',
    ],
    [
      'an Organizations rate of zero',
      { organizationsRequestsPerSecond: 0 },
      'awsAccess.identityCenter.organizationsRequestsPerSecond',
    ],
    [
      'a malformed instance ARN',
      { instanceArn: 'ssoins-123' },
      'awsAccess.identityCenter.instanceArn',
    ],
    [
      'a bad endpoint',
      { endpoints: { ssoAdmin: 'not a url' } },
      'awsAccess.identityCenter.endpoints.ssoAdmin',
    ],
    [
      'a bad schedule',
      { schedule: { frequency: 'often' } },
      'awsAccess.identityCenter.schedule',
    ],
  ])(
    'stops on %s in identityCenter, naming the key',
    (_, identityCenter, key) => {
      expect(
        read(c =>
          Object.assign(c, { source: 'identityCenter', identityCenter }),
        ),
      ).toThrow(`Invalid configuration at '${key}':`);
    },
  );
});
