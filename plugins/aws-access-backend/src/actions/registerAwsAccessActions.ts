import {
  AuthService,
  BackstageCredentials,
} from '@backstage/backend-plugin-api';
import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import {
  AWS_ACCESS_ENTITY_KINDS,
  SIGNED_IN_USER,
  accountIdInText,
  isAwsAccessEntityKind,
  planProfiles,
  renderAwsConfig,
} from '@aws-access/backstage-plugin-aws-access-common';
import { InputError, NotFoundError } from '@backstage/errors';
import { accountDetails } from '../resolution/accountDetails';
import { callerOwnership } from '../resolution/callerOwnership';
import { searchAccounts } from '../resolution/accountLookup';
import type { RouterOptions } from '../router/createRouter';

/** What the routes use, less HTTP, plus the registry and `auth` to tell users apart. */
export type AwsAccessActionsOptions = Omit<
  RouterOptions,
  'httpAuth' | 'notifications' | 'logger'
> & {
  actionsRegistry: ActionsRegistryService;
  auth: AuthService;
};

const MAX_HITS = 20;

/** The zod the actions registry describes schemas with (its own copy, not ours). */
type Zod = Parameters<
  Parameters<ActionsRegistryService['register']>[0]['schema']['input']
>[0];

/** The shapes the actions share, built with the registry's zod. */
function shapes(zod: Zod) {
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

/**
 * Registers the read-only actions assistants may call (through the MCP actions backend):
 * look up an account, list a subject's accounts and roles, render a subject's
 * `~/.aws/config`. Each runs with the caller's credentials: the `aws-access.read`
 * permission first, then catalog reads as the caller, so a denied caller gets an error.
 */
export function registerAwsAccessActions(options: AwsAccessActionsOptions) {
  const { actionsRegistry, auth, userInfo, readAuthorizer } = options;
  const { entities, resolver, source, settings } = options;

  /** What a subject resolves to, for the caller; `me` only for a signed-in user. */
  async function resolveSubject(
    subject: string,
    credentials: BackstageCredentials,
  ) {
    if (subject === SIGNED_IN_USER) {
      if (!auth.isPrincipal(credentials, 'user')) {
        throw new InputError(`'${SIGNED_IN_USER}' needs a signed-in user`);
      }
      const { userEntityRef, ownershipEntityRefs } = await callerOwnership(
        { userInfo, entities },
        credentials,
      );
      return {
        entityRef: userEntityRef,
        resolution: await resolver.resolveOwnership(
          userEntityRef,
          ownershipEntityRefs,
          credentials,
        ),
      };
    }
    let ref: string;
    try {
      ref = stringifyEntityRef(parseEntityRef(subject));
    } catch (error) {
      throw new InputError(`Malformed entity ref '${subject}'`);
    }
    if (!isAwsAccessEntityKind(parseEntityRef(ref).kind)) {
      throw new InputError(
        `Kind of '${ref}' is not supported; use one of ${AWS_ACCESS_ENTITY_KINDS.join(
          ', ',
        )}`,
      );
    }
    const entity = await entities.getEntityByRef(ref, credentials);
    if (!entity) {
      throw new NotFoundError(`No entity '${ref}' in the catalog`);
    }
    return {
      entityRef: ref,
      resolution: await resolver.resolve(entity, credentials),
    };
  }

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
          accounts: zod.array(
            zod.object({
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
      const found = searchAccounts(await source.getSnapshot(), input.query, {
        offset: 0,
        limit: MAX_HITS,
      });
      const id = accountIdInText(input.query);
      return {
        output: {
          totalCount: found.totalCount,
          accounts: found.items,
          ...(id &&
            found.totalCount > 0 && {
              account: await accountDetails(
                { source, resolver, userInfo, entities },
                id,
                credentials,
                auth.isPrincipal(credentials, 'user'),
              ),
            }),
        },
      };
    },
  });

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
          teams: shapes(zod).teams,
          warnings: zod.array(zod.string()),
        }),
    },
    action: async ({ input, credentials }) => {
      await readAuthorizer.authorize(credentials);
      const { entityRef, resolution } = await resolveSubject(
        input.entityRef,
        credentials,
      );
      return {
        output: {
          entityRef,
          accounts: resolution.accounts,
          teams: await resolver.teamsFor(resolution.accounts, credentials),
          warnings: resolution.warnings,
        },
      };
    },
  });

  actionsRegistry.register({
    name: 'render-aws-config',
    title: 'Render ~/.aws/config',
    description:
      "Renders the AWS CLI configuration (~/.aws/config: the [sso-session] and one [profile] per account and role) of a catalog entity, or of the caller with 'me'. Contains no secrets.",
    attributes: { readOnly: true, idempotent: true, destructive: false },
    schema: {
      input: zod =>
        zod.object({
          entityRef: shapes(zod).subject.default(SIGNED_IN_USER),
          region: zod
            .enum(settings.profiles.regions as [string, ...string[]])
            .optional()
            .describe('The default region for the profiles'),
          variant: zod
            .enum(['sso-session', 'legacy'])
            .optional()
            .describe("'legacy' for AWS CLIs older than 2.9"),
        }),
      output: zod =>
        zod.object({
          entityRef: zod.string(),
          config: zod.string().describe('The ~/.aws/config text'),
        }),
    },
    action: async ({ input, credentials }) => {
      await readAuthorizer.authorize(credentials);
      const { entityRef, resolution } = await resolveSubject(
        input.entityRef,
        credentials,
      );
      const profiles = planProfiles(resolution.accounts, {
        ...settings.profiles,
        ...(input.region && { defaultRegion: input.region }),
      });
      return {
        output: {
          entityRef,
          config: renderAwsConfig(
            profiles,
            settings.sso,
            settings.profiles,
            input.variant,
          ),
        },
      };
    },
  });
}
