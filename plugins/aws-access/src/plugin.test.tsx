import { getComponentData } from '@backstage/core-plugin-api';
import {
  AwsAccessPage,
  EntityAwsAccessCard,
  EntityAwsAccessContent,
  awsAccessPlugin,
} from './plugin';
import { rootRouteRef } from './routes';

describe('legacy frontend system plugin', () => {
  it('has the aws-access id and provides its API', () => {
    expect(awsAccessPlugin.getId()).toBe('aws-access');
    expect(
      [...awsAccessPlugin.getApis()].map(factory => factory.api.id),
    ).toEqual(['plugin.aws-access.api']);
  });

  it('exports a routable page mounted on the plugin root route', () => {
    expect(getComponentData(<AwsAccessPage />, 'core.mountPoint')).toBe(
      rootRouteRef,
    );
  });

  it('exports entity content and card as plugin extensions', () => {
    for (const Extension of [EntityAwsAccessContent, EntityAwsAccessCard]) {
      expect(getComponentData(<Extension />, 'core.plugin')).toBe(
        awsAccessPlugin,
      );
    }
  });
});
