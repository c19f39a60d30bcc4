import {
  SchedulerServiceTaskScheduleDefinition,
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import {
  AwsCliSettings,
  isAwsAccountId,
  requestAccessTemplateProblem,
} from '@aws-access/backstage-plugin-aws-access-common';
import { z } from 'zod';
import { IdentityCenterSettings } from '../identityCenter/settings';

/** The plugin's configuration after validation. */
export interface AwsAccessConfig {
  cli: AwsCliSettings;
  groupMatching: { byName: boolean };
  source:
    | { type: 'static'; organization: StaticOrganizationConfig }
    | {
        type: 'identityCenter';
        settings: IdentityCenterSettings;
        schedule: SchedulerServiceTaskScheduleDefinition;
        /** Present when changes arrive as events; absent when only the full sync runs. */
        events?: IdentityCenterEventsSettings;
      };
}

/** How events from the events system refresh the snapshot between full syncs. */
export interface IdentityCenterEventsSettings {
  /** The events-system topic the SQS module publishes the queue's messages to. */
  topic: string;
  /** How long to collect events before reading what they name. */
  settleMs: number;
}

const DEFAULT_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { minutes: 30 },
  timeout: { minutes: 15 },
  initialDelay: { seconds: 5 },
};

const ROOT = 'awsAccess';
const REGION = /^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d+$/;

const text = (what: string) =>
  z
    .string({
      required_error: 'is required',
      invalid_type_error: `must be ${what}`,
    })
    .trim()
    .min(1, 'must not be empty');

const region = text('a region name such as eu-north-1').regex(
  REGION,
  'must be a region name such as eu-north-1',
);

const accountId = z
  .string({
    required_error: 'is required',
    invalid_type_error:
      'must be a 12-digit account id in quotes (unquoted YAML numbers lose leading zeros)',
  })
  .refine(isAwsAccountId, 'must be a 12-digit AWS account id');

const permissionSetName = text('a permission set name').regex(
  /^[\w+=,.@-]{1,32}$/,
  'must be a permission set name: 1-32 of letters, digits and +=,.@_-',
);

const schema = z.object({
  sso: z.object(
    {
      sessionName: text('a session name').regex(
        /^[A-Za-z0-9._-]+$/,
        'must contain only letters, digits, ".", "_" and "-"',
      ),
      startUrl: text('a URL').regex(
        /^https:\/\/[^\s/]+(\/\S*)?$/,
        'must be an https URL such as https://d-xxxxxxxxxx.awsapps.com/start',
      ),
      region,
      registrationScopes: text('a scope list')
        .regex(/^[\w:.,-]+$/, 'must be a comma-separated list of scopes')
        .default('sso:account:access'),
    },
    { required_error: 'is required' },
  ),
  profiles: z
    .object({
      defaultRegion: region.optional(),
      regions: z
        .array(region)
        .min(1, 'must list at least one region')
        .optional(),
      output: z
        .enum(['json', 'yaml', 'yaml-stream', 'text', 'table'], {
          errorMap: () => ({
            message: 'must be one of json, yaml, yaml-stream, text, table',
          }),
        })
        .default('json'),
      nameTemplate: text('a template').default('{accountName}-{roleName}'),
    })
    .default({}),
  requestAccess: z
    .object({
      urlTemplate: z
        .string({ invalid_type_error: 'must be a URL template' })
        .superRefine((template, ctx) => {
          const problem = requestAccessTemplateProblem(template);
          if (problem) {
            ctx.addIssue({ code: z.ZodIssueCode.custom, message: problem });
          }
        })
        .optional(),
      notifyTeam: z
        .boolean({ invalid_type_error: 'must be true or false' })
        .optional(),
    })
    .refine(r => r.urlTemplate !== undefined || r.notifyTeam !== undefined, {
      message: "needs 'urlTemplate', 'notifyTeam' or both",
    })
    .optional(),
  groupMatching: z
    .object({
      byName: z
        .boolean({ invalid_type_error: 'must be true or false' })
        .default(true),
    })
    .default({}),
  source: z
    .enum(['static', 'identityCenter'], {
      errorMap: () => ({ message: "must be 'static' or 'identityCenter'" }),
    })
    .default('static'),
  identityCenter: z
    .object({
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
      requestsPerSecond: z
        .number({ invalid_type_error: 'must be a number' })
        .positive('must be more than 0')
        .max(20, 'must be at most 20, the sso-admin quota')
        .default(20),
      organizationsRequestsPerSecond: z
        .number({ invalid_type_error: 'must be a number' })
        .positive('must be more than 0')
        .default(10),
      concurrency: z
        .number({ invalid_type_error: 'must be a number' })
        .int('must be a whole number')
        .min(1, 'must be at least 1')
        .max(64, 'must be at most 64')
        .default(8),
      maxAttempts: z
        .number({ invalid_type_error: 'must be a number' })
        .int('must be a whole number')
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
      schedule: z.unknown().optional(),
      events: z
        .object({
          enabled: z
            .boolean({ invalid_type_error: 'must be true or false' })
            .default(false),
          topic: text('a topic name')
            .regex(
              /^[A-Za-z0-9_-]+$/,
              'must contain only letters, digits, "_" and "-" (the SQS module reads a dot as a nested key)',
            )
            .default('awsAccessIdentityCenter'),
          settleMilliseconds: z
            .number({ invalid_type_error: 'must be a number' })
            .int('must be a whole number')
            .min(0, 'must be at least 0')
            .max(60_000, 'must be at most 60000')
            .default(1000),
        })
        .default({}),
    })
    .optional(),
  static: z
    .object({
      accounts: z.array(
        z.object({
          id: accountId,
          name: text('an account name'),
          environment: text('an environment tag').optional(),
          region: region.optional(),
        }),
      ),
      permissionSets: z.array(
        z.object({
          name: permissionSetName,
          description: z.string().optional(),
          sessionDuration: text('an ISO 8601 duration')
            .regex(
              /^PT(?=\d)(\d+H)?(\d+M)?$/,
              'must be an ISO 8601 duration such as PT8H',
            )
            .default('PT1H'),
        }),
      ),
      groups: z
        .array(
          z.object({
            id: text('a group id').optional(),
            displayName: text('a group name'),
            externalIds: z.array(text('an external id')).default([]),
          }),
        )
        .default([]),
      assignments: z.array(
        z
          .object({
            group: text('a group name or id').optional(),
            user: text('a catalog User ref')
              .regex(
                /^user:[^/\s]+\/\S+$/,
                'must be a catalog User ref such as user:default/ada',
              )
              .optional(),
            accounts: z.array(text('an account id or name')).min(1),
            permissionSets: z.array(text('a permission set name')).min(1),
          })
          .refine(a => Boolean(a.group) !== Boolean(a.user), {
            message: "must name either a 'group' or a 'user'",
          }),
      ),
    })
    .optional(),
});

type RawConfig = z.infer<typeof schema>;

/** The organisation declared under `awsAccess.static`, validated field by field. */
export type StaticOrganizationConfig = NonNullable<RawConfig['static']>;

/** A configuration problem, naming the key it is about. */
export class AwsAccessConfigError extends Error {
  readonly name = 'AwsAccessConfigError';

  constructor(readonly key: string, problem: string) {
    super(`Invalid configuration at '${key}': ${problem}`);
  }
}

/** The config key of a path inside the `awsAccess` block, e.g. `awsAccess.static.accounts[1].id`. */
export function keyOf(path: (string | number)[]): string {
  return path.reduce<string>(
    (key, part) =>
      typeof part === 'number' ? `${key}[${part}]` : `${key}.${part}`,
    ROOT,
  );
}

/**
 * Reads and validates the `awsAccess` block. Throws {@link AwsAccessConfigError} naming
 * the first offending key, so a wrong value stops the backend with a readable message.
 */
export function readAwsAccessConfig(config: Config): AwsAccessConfig {
  const block = config.getOptionalConfig(ROOT);
  if (!block) {
    throw new AwsAccessConfigError(ROOT, 'is required (see the plugin README)');
  }
  const parsed = schema.safeParse(block.get());
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AwsAccessConfigError(keyOf(issue.path), issue.message);
  }
  const raw = parsed.data;
  const defaultRegion = raw.profiles.defaultRegion ?? raw.sso.region;
  const regions = raw.profiles.regions ?? [defaultRegion];
  if (!regions.includes(defaultRegion)) {
    throw new AwsAccessConfigError(
      keyOf(['profiles', 'regions']),
      `must include the default region '${defaultRegion}'`,
    );
  }
  return {
    cli: {
      sso: {
        sessionName: raw.sso.sessionName,
        startUrl: raw.sso.startUrl,
        ssoRegion: raw.sso.region,
        registrationScopes: raw.sso.registrationScopes,
      },
      profiles: {
        defaultRegion,
        regions: [defaultRegion, ...regions.filter(r => r !== defaultRegion)],
        output: raw.profiles.output,
        profileNameTemplate: raw.profiles.nameTemplate,
      },
      ...requestAccessSettings(raw.requestAccess),
    },
    groupMatching: raw.groupMatching,
    source: readSource(block, raw),
  };
}

/** The request-access settings clients get; none when nothing is switched on. */
function requestAccessSettings(
  raw: RawConfig['requestAccess'],
): Pick<AwsCliSettings, 'requestAccess'> {
  const urlTemplate = raw?.urlTemplate;
  const notifyTeam = raw?.notifyTeam === true;
  if (!urlTemplate && !notifyTeam) {
    return {};
  }
  return {
    requestAccess: {
      ...(urlTemplate && { urlTemplate }),
      ...(notifyTeam && { notifyTeam }),
    },
  };
}

function readSource(block: Config, raw: RawConfig): AwsAccessConfig['source'] {
  if (raw.source === 'static') {
    if (!raw.static) {
      throw new AwsAccessConfigError(
        keyOf(['static']),
        "is required when 'awsAccess.source' is 'static'",
      );
    }
    return { type: 'static', organization: raw.static };
  }
  const ic =
    raw.identityCenter ?? schema.shape.identityCenter.unwrap().parse({});
  const scheduleConfig = block.getOptionalConfig('identityCenter.schedule');
  let schedule = DEFAULT_SCHEDULE;
  if (scheduleConfig) {
    try {
      schedule =
        readSchedulerServiceTaskScheduleDefinitionFromConfig(scheduleConfig);
    } catch (error) {
      throw new AwsAccessConfigError(
        keyOf(['identityCenter', 'schedule']),
        (error as Error).message,
      );
    }
  }
  return {
    type: 'identityCenter',
    schedule,
    settings: {
      region: ic.region ?? raw.sso.region,
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
