import { Config } from '@backstage/config';
import { z } from 'zod';
import {
  AwsAccessConfigError,
  parseConfig,
} from './config/AwsAccessConfigError';
import {
  SharedSettings,
  readSharedSettings,
} from './config/readSharedSettings';
import {
  IdentityCenterConfig,
  readIdentityCenterConfig,
} from './identityCenter/config';
import {
  StaticOrganizationConfig,
  readStaticOrganizationConfig,
} from './staticOrganization/config';

/** The plugin's configuration after validation. */
export interface AwsAccessConfig extends SharedSettings {
  source:
    | { type: 'static'; organization: StaticOrganizationConfig }
    | ({ type: 'identityCenter' } & IdentityCenterConfig);
}

const sourceSchema = z.object({
  source: z
    .enum(['static', 'identityCenter'], {
      errorMap: () => ({ message: "must be 'static' or 'identityCenter'" }),
    })
    .default('static'),
});

/**
 * Reads and validates the `awsAccess` block: the settings all parts share, then the
 * source's own block, each by the reader beside what it configures. Throws
 * {@link AwsAccessConfigError} naming the first offending key, so a wrong value stops the
 * backend with a readable message.
 */
export function readAwsAccessConfig(config: Config): AwsAccessConfig {
  const block = config.getOptionalConfig('awsAccess');
  if (!block) {
    throw new AwsAccessConfigError(
      'awsAccess',
      'is required (see the plugin README)',
    );
  }
  const shared = readSharedSettings(block.get());
  const { source } = parseConfig(sourceSchema, block.get());
  return {
    ...shared,
    source:
      source === 'static'
        ? {
            type: 'static',
            organization: readStaticOrganizationConfig(
              block.getOptional('static'),
            ),
          }
        : {
            type: 'identityCenter',
            ...readIdentityCenterConfig(block, shared.cli.sso.ssoRegion),
          },
  };
}
