import {
  RequestAccessSettings,
  requestAccessTemplateProblem,
} from '@aws-access/backstage-plugin-aws-access-common';
import { z } from 'zod';
import { parseConfig } from './AwsAccessConfigError';
import { flag } from './fields';

const schema = z.object({
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

/** What every organisation shares: asking for access and group matching. */
export interface SharedSettings {
  /** What "ask for access" does; absent when nothing is switched on. */
  requestAccess?: RequestAccessSettings;
  groupMatching: { byName: boolean };
}

/** Reads the keys of the `awsAccess` block that every organisation shares. */
export function readSharedSettings(block: unknown): SharedSettings {
  const raw = parseConfig(schema, block);
  const urlTemplate = raw.requestAccess?.urlTemplate;
  const notifyTeam = raw.requestAccess?.notifyTeam === true;
  return {
    ...((urlTemplate || notifyTeam) && {
      requestAccess: {
        ...(urlTemplate && { urlTemplate }),
        ...(notifyTeam && { notifyTeam }),
      },
    }),
    groupMatching: raw.groupMatching,
  };
}
