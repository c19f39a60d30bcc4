import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { SIGNED_IN_USER } from '@aws-access/backstage-plugin-aws-access-common';

/** The zod the actions registry describes schemas with (its own copy, not ours). */
export type Zod = Parameters<
  Parameters<ActionsRegistryService['register']>[0]['schema']['input']
>[0];

/** Any schema of the registry's zod. */
type AnySchema = Parameters<Zod['array']>[0];

/**
 * The shapes the actions share, built with the registry's zod. Typed loosely: the
 * registry's zod is a nested copy whose types a declaration file cannot name.
 */
export function shapes(zod: Zod): {
  account: AnySchema;
  teams: AnySchema;
  subject: ReturnType<Zod['string']>;
} {
  const role = zod.object({
    name: zod.string(),
    description: zod.string().optional(),
    sessionDuration: zod.string().optional(),
    grantedVia: zod
      .array(zod.string())
      .describe('The Identity Center groups that grant the role'),
  });
  return {
    account: zod.object({
      id: zod.string().describe('The 12-digit AWS account id'),
      name: zod.string(),
      environment: zod.string().optional(),
      region: zod.string().optional(),
      roles: zod.array(role),
    }),
    teams: zod
      .record(zod.string())
      .describe(
        'The catalog team (Group entity ref) behind each granting group',
      ),
    subject: zod
      .string()
      .min(1)
      .max(400)
      .describe(
        `A catalog entity ref such as 'group:default/payments', or '${SIGNED_IN_USER}' for the caller`,
      ),
  };
}
