import {
  coreServices,
  createBackendModule,
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { searchIndexRegistryExtensionPoint } from '@backstage/plugin-search-backend-node/alpha';
import { AwsAccountCollatorFactory } from './collator/AwsAccountCollatorFactory';

const CONFIG_KEY = 'search.collators.awsAccess';

const DEFAULT_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { minutes: 10 },
  timeout: { minutes: 5 },
  initialDelay: { seconds: 3 },
};

function readSchedule(
  block: Config | undefined,
): SchedulerServiceTaskScheduleDefinition {
  if (!block?.has('schedule')) {
    return DEFAULT_SCHEDULE;
  }
  try {
    return readSchedulerServiceTaskScheduleDefinitionFromConfig(
      block.getConfig('schedule'),
    );
  } catch (error) {
    throw new InputError(
      `Invalid ${CONFIG_KEY}.schedule: ${(error as Error).message}`,
    );
  }
}

/**
 * Adds AWS accounts to the portal's search: finds an account by id, name, environment,
 * team or role, and links to its page in AWS Access.
 *
 * @public
 */
export const searchModuleAwsAccessCollator = createBackendModule({
  pluginId: 'search',
  moduleId: 'aws-access-collator',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        auth: coreServices.auth,
        discovery: coreServices.discovery,
        scheduler: coreServices.scheduler,
        indexRegistry: searchIndexRegistryExtensionPoint,
      },
      async init({ config, auth, discovery, scheduler, indexRegistry }) {
        const block = config.getOptionalConfig(CONFIG_KEY);
        indexRegistry.addCollator({
          schedule: scheduler.createScheduledTaskRunner(readSchedule(block)),
          factory: new AwsAccountCollatorFactory({
            auth,
            discovery,
            accountsPath: block?.getOptionalString('accountsPath'),
          }),
        });
      },
    });
  },
});
