import {
  TemporaryAccessRule,
  TemporaryAccessSettings,
} from '@aws-access/backstage-plugin-aws-access-common';
import { parseEntityRef } from '@backstage/catalog-model';
import { ConfigReader, readDurationFromConfig } from '@backstage/config';
import { HumanDuration, durationToMilliseconds } from '@backstage/types';
import { z } from 'zod';
import { parseConfig } from '../config/AwsAccessConfigError';
import { flag, number, text } from '../config/fields';

const MINUTE_MS = 60_000;
const DEFAULT_MAX_DURATION_MINUTES = 60;
const MAX_DURATION_MINUTES = 24 * 60;

const DURATION_PROBLEM =
  "must be a duration: an object such as { hours: 8 }, an ISO 8601 duration such as 'PT8H' or a text such as '8h'";

const humanDuration = z
  .object(
    {
      years: number().optional(),
      months: number().optional(),
      weeks: number().optional(),
      days: number().optional(),
      hours: number().optional(),
      minutes: number().optional(),
      seconds: number().optional(),
      milliseconds: number().optional(),
    },
    { invalid_type_error: DURATION_PROBLEM },
  )
  .strict(DURATION_PROBLEM)
  .refine(d => Object.keys(d).length > 0, DURATION_PROBLEM);

/** `PT8H`, `8h` or `8 hours`, through the same reader as Backstage's own durations. */
const durationText = z.string().transform((value, ctx) => {
  try {
    return readDurationFromConfig(new ConfigReader({ value }), {
      key: 'value',
    });
  } catch {
    ctx.addIssue({ code: z.ZodIssueCode.custom, message: DURATION_PROBLEM });
    return z.NEVER;
  }
});

/** The longest grant in whole minutes: more than none, at most 24 hours. */
const maxDuration = z
  .union([humanDuration, durationText], {
    errorMap: () => ({ message: DURATION_PROBLEM }),
  })
  .transform((duration, ctx) => {
    const ms = durationToMilliseconds(duration as HumanDuration);
    const problem =
      (!Number.isFinite(ms) && DURATION_PROBLEM) ||
      (ms < MINUTE_MS && 'must be at least 1 minute') ||
      (ms > MAX_DURATION_MINUTES * MINUTE_MS &&
        'must be at most 24 hours: a temporary grant is for a task, not a standing role') ||
      (ms % MINUTE_MS !== 0 && 'must be a whole number of minutes');
    if (problem) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: problem });
      return z.NEVER;
    }
    return ms / MINUTE_MS;
  });

const permissionSetName = text('a permission set name').regex(
  /^[\w+=,.@-]{1,32}$/,
  'must be a permission set name: at most 32 letters, digits and +=,.@_-',
);

/** A pattern as `temporaryAccessRuleFor` compiles it: anchored, with the `u` flag. */
const pattern = text('a regular expression').superRefine((value, ctx) => {
  try {
    // Valid alone, so its groups stay inside the anchoring group.
    RegExp(value, 'u');
    RegExp(`^(?:${value})$`, 'u');
  } catch (error) {
    ctx.addIssue({
      code: z.ZodIssueCode.custom,
      message: `must be a regular expression (${(error as Error).message})`,
    });
  }
});

const rule = z
  .object(
    {
      name: permissionSetName.optional(),
      pattern: pattern.optional(),
      maxDuration: maxDuration.optional(),
      selfService: flag().default(false),
    },
    {
      invalid_type_error:
        "must be a rule: an object with 'name' or 'pattern' and optionally 'maxDuration' and 'selfService'",
    },
  )
  .refine(r => (r.name === undefined) !== (r.pattern === undefined), {
    message:
      "needs exactly one of 'name' (a permission set name) and 'pattern' (a regular expression over names)",
  });

const approvers = text("'team' or a catalog Group ref").transform(
  (value, ctx) => {
    if (value === 'team') {
      return value;
    }
    try {
      const ref = parseEntityRef(value, {
        defaultKind: 'group',
        defaultNamespace: 'default',
      });
      if (ref.kind.toLocaleLowerCase('en-US') === 'group') {
        return `group:${ref.namespace}/${ref.name}`.toLocaleLowerCase('en-US');
      }
    } catch {
      // Reported below, with what the key accepts.
    }
    ctx.addIssue({
      code: z.ZodIssueCode.custom,
      message: `must be 'team' or a catalog Group ref such as group:default/aws-admins, not '${value}'`,
    });
    return z.NEVER;
  },
);

const temporaryAccess = z.object(
  {
    permissionSets: z
      .array(rule, {
        required_error:
          'is required: list the permission sets that may be requested (none are by default)',
        invalid_type_error: 'must be a list of rules',
      })
      .min(
        1,
        'must list at least one permission set: none may be requested by default',
      )
      .superRefine((rules, ctx) => {
        const seen = new Set<string>();
        rules.forEach(({ name }, i) => {
          if (name !== undefined && seen.has(name)) {
            ctx.addIssue({
              code: z.ZodIssueCode.custom,
              path: [i, 'name'],
              message: `'${name}' has a rule already; the first would always win`,
            });
          }
          if (name !== undefined) {
            seen.add(name);
          }
        });
      }),
    requireReason: flag().default(true),
    approvers: approvers.default('team'),
  },
  { invalid_type_error: "must be an object with 'permissionSets'" },
);

const organization = z.object({ temporaryAccess: temporaryAccess.optional() });

/**
 * Reads an organisation's `temporaryAccess` block: which permission sets may be requested,
 * for how long, whether a reason is required and who approves. Undefined when the block is
 * absent: the feature is off for that organisation. Throws `AwsAccessConfigError` naming
 * the first offending key.
 *
 * @param block - the organisation's keys: the `awsAccess` block itself in the
 *   single-organisation form, or one entry of `organizations`
 * @param path - where those keys are inside `awsAccess`, for errors
 */
export function readTemporaryAccessPolicy(
  block: unknown,
  path: (string | number)[],
): TemporaryAccessSettings | undefined {
  const raw = parseConfig(organization, block, path).temporaryAccess;
  if (!raw) {
    return undefined;
  }
  return {
    rules: raw.permissionSets.map(
      (r): TemporaryAccessRule => ({
        ...(r.name !== undefined && { permissionSet: r.name }),
        ...(r.pattern !== undefined && { pattern: r.pattern }),
        maxDurationMinutes: r.maxDuration ?? DEFAULT_MAX_DURATION_MINUTES,
        selfService: r.selfService,
      }),
    ),
    requireReason: raw.requireReason,
    approvers: raw.approvers,
  };
}
