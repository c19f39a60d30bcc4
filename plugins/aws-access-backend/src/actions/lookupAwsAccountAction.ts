import { AuthService } from '@backstage/backend-plugin-api';
import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { accountIdInText } from '@aws-access/backstage-plugin-aws-access-common';
import { ReadCheck } from '../resolution/SubjectResolver';
import {
  AccountDetailsDeps,
  accountDetails,
} from '../resolution/accountDetails';
import { searchAccounts } from '../resolution/accountLookup';
import { organizationsOf, shapes } from './shapes';

const MAX_HITS = 20;

/** What `lookup-aws-account` needs. */
export interface LookupAwsAccountActionOptions extends AccountDetailsDeps {
  auth: AuthService;
  readAuthorizer: ReadCheck;
}

/**
 * `lookup-aws-account`: accounts by id (also inside an ARN or an error message), name or
 * role; for one named account, every role there, whom to ask and the caller's own roles.
 */
export function registerLookupAwsAccountAction(
  actionsRegistry: ActionsRegistryService,
  options: LookupAwsAccountActionOptions,
) {
  const { auth, readAuthorizer, organizations } = options;
  actionsRegistry.register({
    name: 'lookup-aws-account',
    title: 'Look up an AWS account',
    description:
      'Finds AWS accounts by account id (also inside an ARN or an error message), part of the account name, or a permission set (role) name. When the query names one account id, also returns every role in it, the Identity Center groups granting each, the catalog teams behind them (whom to ask) and the roles the caller holds there.',
    attributes: { readOnly: true, idempotent: true, destructive: false },
    schema: {
      input: zod =>
        zod.object({
          query: zod
            .string()
            .min(1)
            .max(400)
            .describe('An account id, an ARN, part of a name, or a role name'),
        }),
      output: zod =>
        zod.object({
          totalCount: zod.number(),
          organizations: shapes(zod).organizations,
          accounts: zod.array(
            zod.object({
              organization: zod.string(),
              id: zod.string(),
              name: zod.string(),
              environment: zod.string().optional(),
              matchedBy: zod.enum(['id', 'name', 'permissionSet']),
              roles: zod.array(zod.string()),
            }),
          ),
          account: zod
            .object({
              account: shapes(zod).account,
              teams: shapes(zod).teams,
              myRoles: zod.array(zod.string()).optional(),
            })
            .optional()
            .describe('The named account in detail, when the query names one'),
        }),
    },
    action: async ({ input, credentials }) => {
      await readAuthorizer.authorize(credentials);
      const found = searchAccounts(
        await organizations.snapshots(),
        input.query,
        { offset: 0, limit: MAX_HITS },
      );
      const id = accountIdInText(input.query);
      return {
        output: {
          totalCount: found.totalCount,
          organizations: organizationsOf(found.items, organizations.settings),
          accounts: found.items,
          // One account in detail: the named id, in the one organisation that has it.
          ...(id &&
            found.totalCount === 1 && {
              account: await accountDetails(
                options,
                id,
                found.items[0].organization,
                credentials,
                auth.isPrincipal(credentials, 'user'),
              ),
            }),
        },
      };
    },
  });
}
