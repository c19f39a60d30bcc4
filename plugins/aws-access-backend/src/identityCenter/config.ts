import {
  SchedulerServiceTaskScheduleDefinition,
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { z } from 'zod';
import {
  AwsAccessConfigError,
  keyOf,
  parseConfig,
} from '../config/AwsAccessConfigError';
import { accountId, flag, number, region, text } from '../config/fields';
import { IdentityCenterSettings } from './settings';

/** How events from the events system refresh the snapshot between full syncs. */
export interface IdentityCenterEventsSettings {
  /**
   * The events-system topic the SQS module publishes the queue's messages to; several
   * organisations may share one (events are routed by the instance they name).
   */
  topic: string;
  /** How long to collect events before reading what they name. */
  settleMs: number;
}

/** The Identity Center source's configuration after validation. */
export interface IdentityCenterConfig {
  settings: IdentityCenterSettings;
  schedule: SchedulerServiceTaskScheduleDefinition;
  /** Present when changes arrive as events; absent when only the full sync runs. */
  events?: IdentityCenterEventsSettings;
}

const DEFAULT_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { minutes: 30 },
  timeout: { minutes: 15 },
  initialDelay: { seconds: 5 },
};

const wholeNumber = () => number().int('must be a whole number');

const schema = z
  .object(
    {
      region: region.optional(),
      organizationsRegion: region.default('us-east-1'),
      instanceArn: text('an instance ARN')
        .regex(
          /^arn:aws[a-z-]*:sso:::instance\/(sso)?ins-[a-zA-Z0-9-.]{16}$/,
          'must be an Identity Center instance ARN such as arn:aws:sso:::instance/ssoins-0123456789abcdef',
        )
        .optional(),
      identityStoreId: text('an identity store id')
        .regex(
          /^d-[0-9a-f]{10}$|^[0-9a-f-]{36}$/,
          'must be an identity store id such as d-1234567890',
        )
        .optional(),
      accountId: accountId.optional(),
      // A tempting key that would be silently ignored: the role comes from the account.
      roleArn: z
        .unknown()
        .refine(
          value => value === undefined,
          "is not supported: credentials come from @backstage/integration-aws-node, which picks the role by account; set 'accountId' here and that account's 'roleName' under 'aws.accounts'",
        ),
      requestsPerSecond: number()
        .positive('must be more than 0')
        .max(20, 'must be at most 20, the sso-admin quota')
        .default(20),
      organizationsRequestsPerSecond: number()
        .positive('must be more than 0')
        .default(10),
      concurrency: wholeNumber()
        .min(1, 'must be at least 1')
        .max(64, 'must be at most 64')
        .default(8),
      maxAttempts: wholeNumber()
        .min(1, 'must be at least 1')
        .max(20, 'must be at most 20')
        .default(8),
      endpoints: z
        .object({
          ssoAdmin: text('a URL').url('must be a URL').optional(),
          identityStore: text('a URL').url('must be a URL').optional(),
          organizations: text('a URL').url('must be a URL').optional(),
        })
        .default({}),
      schedule: z
        .record(z.unknown(), {
          invalid_type_error:
            'must be a task schedule with a frequency and a timeout',
        })
        .optional(),
      events: z
        .object({
          enabled: flag().default(false),
          topic: text('a topic name')
            .regex(
              /^[A-Za-z0-9_-]+$/,
              'must contain only letters, digits, "_" and "-" (the SQS module reads a dot as a nested key)',
            )
            .default('awsAccessIdentityCenter'),
          settleMilliseconds: wholeNumber()
            .min(0, 'must be at least 0')
            .max(60_000, 'must be at most 60000')
            .default(1000),
        })
        .default({}),
    },
    { invalid_type_error: 'must be an object' },
  )
  .default({});

/**
 * Reads an organisation's `identityCenter` block: where the instance is, the credentials'
 * account, the request budget, the sync's schedule and the events. The home region
 * defaults to the organisation's SSO region.
 *
 * @param organization - the organisation's keys: the `awsAccess` block itself in the
 *   single-organisation form, else one entry of `awsAccess.organizations`
 * @param path - where those keys are inside `awsAccess`, e.g. `['organizations', 1]`
 * @param ssoRegion - the organisation's SSO region
 */
export function readIdentityCenterConfig(
  organization: Config,
  path: (string | number)[],
  ssoRegion: string,
): IdentityCenterConfig {
  const KEY = 'identityCenter';
  const ic = parseConfig(schema, organization.getOptional(KEY), [...path, KEY]);
  return {
    schedule: readSchedule(organization.getOptionalConfig(`${KEY}.schedule`), [
      ...path,
      KEY,
      'schedule',
    ]),
    settings: {
      region: ic.region ?? ssoRegion,
      organizationsRegion: ic.organizationsRegion,
      ...(ic.instanceArn && { instanceArn: ic.instanceArn }),
      ...(ic.identityStoreId && { identityStoreId: ic.identityStoreId }),
      ...(ic.accountId && { accountId: ic.accountId }),
      requestsPerSecond: ic.requestsPerSecond,
      organizationsRequestsPerSecond: ic.organizationsRequestsPerSecond,
      concurrency: ic.concurrency,
      maxAttempts: ic.maxAttempts,
      endpoints: ic.endpoints,
    },
    ...(ic.events.enabled && {
      events: {
        topic: ic.events.topic,
        settleMs: ic.events.settleMilliseconds,
      },
    }),
  };
}

function readSchedule(
  config: Config | undefined,
  path: (string | number)[],
): SchedulerServiceTaskScheduleDefinition {
  if (!config) {
    return DEFAULT_SCHEDULE;
  }
  try {
    return readSchedulerServiceTaskScheduleDefinitionFromConfig(config);
  } catch (error) {
    throw new AwsAccessConfigError(keyOf(path), (error as Error).message);
  }
}
