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
  organizations: AnySchema;
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
      organization: zod
        .string()
        .describe('The id of the organisation the account belongs to'),
      id: zod.string().describe('The 12-digit AWS account id'),
      name: zod.string(),
      environment: zod.string().optional(),
      region: zod.string().optional(),
      roles: zod.array(role),
    }),
    teams: zod
      .record(zod.record(zod.string()))
      .describe(
        'The catalog team (Group entity ref) behind each granting group, by organisation id and then group name',
      ),
    organizations: zod
      .array(zod.object({ id: zod.string(), title: zod.string() }))
      .describe('The organisations the accounts belong to: id and title'),
    subject: zod
      .string()
      .min(1)
      .max(400)
      .describe(
        `A catalog entity ref such as 'group:default/payments', or '${SIGNED_IN_USER}' for the caller`,
      ),
  };
}

/** The id and title of each organisation the accounts belong to, in configuration order. */
export function organizationsOf(
  accounts: Array<{ organization: string }>,
  organizations: Array<{ id: string; title: string }>,
): Array<{ id: string; title: string }> {
  const used = new Set(accounts.map(a => a.organization));
  return organizations
    .filter(o => used.has(o.id))
    .map(({ id, title }) => ({ id, title }));
}
