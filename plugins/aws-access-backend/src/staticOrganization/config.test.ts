import { exampleAwsAccessConfig } from '../__testUtils__/exampleOrg';
import { readStaticOrganizationConfig } from './config';

const PATH = ['organizations', 2];

describe('readStaticOrganizationConfig', () => {
  it('reads the block and fills the defaults', () => {
    const config = readStaticOrganizationConfig(
      exampleAwsAccessConfig.static,
      PATH,
    );
    expect(config.permissionSets[1]).toEqual({
      name: 'ReadOnly',
      description: 'Look only',
      sessionDuration: 'PT1H',
    });
    expect(config.groups[0].externalIds).toEqual([]);
  });

  it('asks for the block, naming the key that chose the source', () => {
    expect(() => readStaticOrganizationConfig(undefined, PATH)).toThrow(
      "Invalid configuration at 'awsAccess.organizations[2].static': is required when 'awsAccess.organizations[2].source' is 'static' (the default)",
    );
  });

  it.each<[string, unknown, string]>([
    ['a block that is not an object', 'accounts', ''],
    [
      'an assignment with both a group and a user',
      {
        ...exampleAwsAccessConfig.static,
        assignments: [
          {
            group: 'data',
            user: 'user:default/ada',
            accounts: ['data-dev'],
            permissionSets: ['ReadOnly'],
          },
        ],
      },
      '.assignments[0]',
    ],
    [
      'a role name with a newline',
      {
        ...exampleAwsAccessConfig.static,
        permissionSets: [{ name: 'a\nb' }],
      },
      '.permissionSets[0].name',
    ],
  ])('stops on %s, naming the key', (_, value, key) => {
    expect(() => readStaticOrganizationConfig(value, PATH)).toThrow(
      `Invalid configuration at 'awsAccess.organizations[2].static${key}':`,
    );
  });
});
