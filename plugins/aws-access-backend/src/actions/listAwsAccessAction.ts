import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { EntityAccessResolver } from '../resolution/EntityAccessResolver';
import { SubjectResolver } from '../resolution/SubjectResolver';
import { Organizations } from '../organizations/Organizations';
import { organizationsOf, shapes } from './shapes';

/** What `list-aws-access` needs. */
export interface ListAwsAccessActionOptions {
  subjects: SubjectResolver;
  resolver: Pick<EntityAccessResolver, 'teamsFor'>;
  organizations: Pick<Organizations, 'settings'>;
}

/** `list-aws-access`: a catalog entity's (or the caller's) accounts, roles and teams. */
export function registerListAwsAccessAction(
  actionsRegistry: ActionsRegistryService,
  { subjects, resolver, organizations }: ListAwsAccessActionOptions,
) {
  actionsRegistry.register({
    name: 'list-aws-access',
    title: "List a catalog entity's AWS accounts and roles",
    description:
      "Lists the AWS accounts and roles (IAM Identity Center permission sets) of a team, user, component, system, API or resource in the catalog, or of the caller with 'me', with the groups granting each role and the catalog teams behind them.",
    attributes: { readOnly: true, idempotent: true, destructive: false },
    schema: {
      input: zod => zod.object({ entityRef: shapes(zod).subject }),
      output: zod =>
        zod.object({
          entityRef: zod.string(),
          accounts: zod.array(shapes(zod).account),
          organizations: shapes(zod).organizations,
          teams: shapes(zod).teams,
          warnings: zod.array(zod.string()),
        }),
    },
    action: async ({ input, credentials }) => {
      const { entityRef, resolution } = await subjects.resolve(
        SubjectResolver.parse(input.entityRef),
        credentials,
      );
      return {
        output: {
          entityRef,
          accounts: resolution.accounts,
          organizations: organizationsOf(
            resolution.accounts,
            organizations.settings,
          ),
          teams: await resolver.teamsFor(resolution.accounts, credentials),
          warnings: resolution.warnings,
        },
      };
    },
  });
}
