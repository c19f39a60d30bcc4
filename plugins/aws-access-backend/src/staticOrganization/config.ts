import { z } from 'zod';
import {
  AwsAccessConfigError,
  keyOf,
  parseConfig,
} from '../config/AwsAccessConfigError';
import { accountId, region, text } from '../config/fields';

const permissionSetName = text('a permission set name').regex(
  /^[\w+=,.@-]{1,32}$/,
  'must be a permission set name: 1-32 of letters, digits and +=,.@_-',
);

const schema = z.object(
  {
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
  },
  { invalid_type_error: 'must be an object' },
);

/** The organisation declared under `awsAccess.static`, validated field by field. */
export type StaticOrganizationConfig = z.infer<typeof schema>;

/**
 * Reads an organisation's `static` block field by field; the cross-references between its
 * lists are checked when the snapshot is built ({@link buildStaticSnapshot}).
 *
 * @param value - the block
 * @param path - where the organisation's keys are inside `awsAccess`, e.g. `['organizations', 1]`
 */
export function readStaticOrganizationConfig(
  value: unknown,
  path: (string | number)[],
): StaticOrganizationConfig {
  if (value === undefined) {
    throw new AwsAccessConfigError(
      keyOf([...path, 'static']),
      `is required when '${keyOf([
        ...path,
        'source',
      ])}' is 'static' (the default)`,
    );
  }
  return parseConfig(schema, value, [...path, 'static']);
}
