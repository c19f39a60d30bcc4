import {
  AwsCliSettings,
  requestAccessTemplateProblem,
} from '@aws-access/backstage-plugin-aws-access-common';
import { z } from 'zod';
import {
  AwsAccessConfigError,
  keyOf,
  parseConfig,
} from './AwsAccessConfigError';
import { flag, region, text } from './fields';

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
      notifyTeam: flag().optional(),
    })
    .refine(r => r.urlTemplate !== undefined || r.notifyTeam !== undefined, {
      message: "needs 'urlTemplate', 'notifyTeam' or both",
    })
    .optional(),
  groupMatching: z.object({ byName: flag().default(true) }).default({}),
});

/** What every part of the plugin shares: the CLI settings clients get, and group matching. */
export interface SharedSettings {
  cli: AwsCliSettings;
  groupMatching: { byName: boolean };
}

/**
 * Reads the keys of the `awsAccess` block that do not depend on the source: the SSO
 * session, the profiles, asking for access and group matching.
 */
export function readSharedSettings(block: unknown): SharedSettings {
  const raw = parseConfig(schema, block);
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
  };
}

/** The request-access settings clients get; none when nothing is switched on. */
function requestAccessSettings(
  raw: z.infer<typeof schema>['requestAccess'],
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
