import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { searchIndexRegistryExtensionPoint } from '@backstage/plugin-search-backend-node/alpha';
import { searchModuleAwsAccessCollator } from './module';

async function registered(config: object) {
  const addCollator = jest.fn();
  await startTestBackend({
    extensionPoints: [
      [
        searchIndexRegistryExtensionPoint,
        { addCollator, addDecorator: jest.fn() },
      ],
    ],
    features: [
      searchModuleAwsAccessCollator,
      mockServices.rootConfig.factory({ data: config }),
    ],
  });
  expect(addCollator).toHaveBeenCalledTimes(1);
  return addCollator.mock.calls[0][0];
}

describe('searchModuleAwsAccessCollator', () => {
  it('registers the AWS account collator, visible with aws-access.read', async () => {
    const { factory, schedule } = await registered({});
    expect(factory.type).toBe('aws-account');
    expect(factory.visibilityPermission).toMatchObject({
      name: 'aws-access.read',
    });
    expect(schedule).toBeDefined();
  });

  it('names the config key of a bad schedule at startup', async () => {
    await expect(
      startTestBackend({
        extensionPoints: [
          [
            searchIndexRegistryExtensionPoint,
            { addCollator: jest.fn(), addDecorator: jest.fn() },
          ],
        ],
        features: [
          searchModuleAwsAccessCollator,
          mockServices.rootConfig.factory({
            data: {
              search: {
                collators: { awsAccess: { schedule: { frequency: 'often' } } },
              },
            },
          }),
        ],
      }),
    ).rejects.toThrow(/search\.collators\.awsAccess\.schedule/);
  });
});
