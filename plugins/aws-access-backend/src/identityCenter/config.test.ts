import { ConfigReader } from '@backstage/config';
import { readIdentityCenterConfig } from './config';

/** Reads the `identityCenter` block of the second listed organisation. */
const read = (identityCenter?: unknown) => () =>
  readIdentityCenterConfig(
    new ConfigReader(identityCenter === undefined ? {} : { identityCenter }),
    ['organizations', 1],
    'eu-west-1',
  );

const KEY = 'awsAccess.organizations[1].identityCenter';

describe('readIdentityCenterConfig', () => {
  it('fills the defaults, the home region from the organisation', () => {
    expect(read()()).toEqual({
      schedule: {
        frequency: { minutes: 30 },
        timeout: { minutes: 15 },
        initialDelay: { seconds: 5 },
      },
      settings: {
        region: 'eu-west-1',
        organizationsRegion: 'us-east-1',
        requestsPerSecond: 20,
        organizationsRequestsPerSecond: 10,
        concurrency: 8,
        maxAttempts: 8,
        endpoints: {},
      },
    });
  });

  it('reads the credentials account, the schedule and the events of its organisation', () => {
    const config = read({
      accountId: '123456789012',
      instanceArn: 'arn:aws:sso:::instance/ssoins-0123456789abcdef',
      identityStoreId: 'd-1234567890',
      schedule: { frequency: { hours: 6 }, timeout: { minutes: 20 } },
      events: { enabled: true, topic: 'prodIdentityCenter' },
    })();
    expect(config.settings).toMatchObject({
      accountId: '123456789012',
      instanceArn: 'arn:aws:sso:::instance/ssoins-0123456789abcdef',
      identityStoreId: 'd-1234567890',
    });
    expect(config.schedule).toEqual({
      frequency: { hours: 6 },
      timeout: { minutes: 20 },
    });
    expect(config.events).toEqual({
      topic: 'prodIdentityCenter',
      settleMs: 1000,
    });
  });

  it('leaves events out unless switched on', () => {
    expect(
      read({ events: { topic: 'prodIdentityCenter' } })(),
    ).not.toHaveProperty('events');
  });

  it.each<[string, unknown, string]>([
    ['a block that is not an object', 'yes', ''],
    ['a rate above the quota', { requestsPerSecond: 50 }, '.requestsPerSecond'],
    [
      'an Organizations rate of zero',
      { organizationsRequestsPerSecond: 0 },
      '.organizationsRequestsPerSecond',
    ],
    ['a malformed instance ARN', { instanceArn: 'ssoins-123' }, '.instanceArn'],
    ['an unquoted account id', { accountId: 12345678901 }, '.accountId'],
    [
      'a bad endpoint',
      { endpoints: { ssoAdmin: 'not a url' } },
      '.endpoints.ssoAdmin',
    ],
    ['a schedule that is text', { schedule: 'PT1H' }, '.schedule'],
    ['a bad schedule', { schedule: { frequency: 'often' } }, '.schedule'],
    [
      'a topic with a dot',
      { events: { enabled: true, topic: 'aws.events' } },
      '.events.topic',
    ],
  ])('stops on %s, naming the key', (_, identityCenter, key) => {
    expect(read(identityCenter)).toThrow(
      `Invalid configuration at '${KEY}${key}':`,
    );
  });

  it('refuses a role ARN and says where the role is set', () => {
    expect(
      read({ roleArn: 'arn:aws:iam::123456789012:role/aws-access-reader' }),
    ).toThrow(
      `Invalid configuration at '${KEY}.roleArn': is not supported: credentials come from @backstage/integration-aws-node, which picks the role by account; set 'accountId' here and that account's 'roleName' under 'aws.accounts'`,
    );
  });
});
