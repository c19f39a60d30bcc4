import { AwsOrganizationSettings } from '@aws-access/backstage-plugin-aws-access-common';
import { z } from 'zod';
import { AwsAccessConfigError, keyOf } from './AwsAccessConfigError';
import { region, text } from './fields';
import {
  NAME_TEMPLATE_PLACEHOLDERS,
  unknownPlaceholder,
} from './profileNameOverlap';

const nameTemplate = text('a template')
  .max(200, 'must be at most 200 characters')
  .superRefine((template, ctx) => {
    const unknown = unknownPlaceholder(template);
    if (unknown) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        message: `has the unknown placeholder ${unknown}; the placeholders are ${NAME_TEMPLATE_PLACEHOLDERS.map(
          p => `{${p}}`,
        ).join(', ')}`,
      });
    }
  });

const sso = z.object(
  {
    sessionName: text('a session name')
      .regex(
        /^[A-Za-z0-9._-]+$/,
        'must contain only letters, digits, ".", "_" and "-"',
      )
      .regex(
        /^[^-]/,
        'must not start with "-" (the AWS CLI reads it as an option)',
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
  { required_error: 'is required', invalid_type_error: 'must be an object' },
);

const profiles = z
  .object(
    {
      defaultRegion: region.optional(),
      regions: z
        .array(region, { invalid_type_error: 'must be a list of regions' })
        .min(1, 'must list at least one region')
        .optional(),
      output: z
        .enum(['json', 'yaml', 'yaml-stream', 'text', 'table'], {
          errorMap: () => ({
            message: 'must be one of json, yaml, yaml-stream, text, table',
          }),
        })
        .default('json'),
      nameTemplate: nameTemplate.optional(),
    },
    { invalid_type_error: 'must be an object' },
  )
  .default({});

/**
 * The keys of an organisation that do not depend on where its accounts come from: the
 * SSO session and the profile defaults. Both forms of the configuration share them.
 */
export const organizationSettingsShape = { sso, profiles };

/** The profile name template when none is set: `{org}` only when it tells organisations apart. */
export function defaultNameTemplate(organizationCount: number): string {
  return organizationCount > 1
    ? '{org}-{accountName}-{roleName}'
    : '{accountName}-{roleName}';
}

/**
 * One organisation's settings as clients get them, from its validated keys; the profile
 * regions start with the default one, which defaults to the SSO region.
 *
 * @param path - where the organisation's keys are inside `awsAccess`, for errors
 */
export function organizationSettings(
  raw: {
    sso: z.infer<typeof sso>;
    profiles: z.infer<typeof profiles>;
  },
  organization: { id: string; title: string; organizationCount: number },
  path: (string | number)[],
): AwsOrganizationSettings {
  const defaultRegion = raw.profiles.defaultRegion ?? raw.sso.region;
  const regions = raw.profiles.regions ?? [defaultRegion];
  if (!regions.includes(defaultRegion)) {
    throw new AwsAccessConfigError(
      keyOf([...path, 'profiles', 'regions']),
      `must include the default region '${defaultRegion}'`,
    );
  }
  return {
    id: organization.id,
    title: organization.title,
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
      profileNameTemplate:
        raw.profiles.nameTemplate ??
        defaultNameTemplate(organization.organizationCount),
    },
  };
}
