import {
  BackstageCredentials,
  HttpAuthService,
  LoggerService,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import { NotificationService } from '@backstage/plugin-notifications-node';
import {
  Entity,
  KubernetesValidatorFunctions,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  AWS_ACCESS_ENTITY_KINDS,
  AccountGrantsResponse,
  AwsCliSettings,
  EntityAccessResponse,
  SIGNED_IN_USER,
  accountIdOfResource,
  isAwsAccessEntityKind,
  isAwsAccountId,
  planProfiles,
  renderAwsConfig,
  renderSetupScript,
  renderVerifyScript,
} from '@aws-access/backstage-plugin-aws-access-common';
import { InputError, NotFoundError } from '@backstage/errors';
import express, { Request } from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import { EntityAccessResolver } from '../resolution/EntityAccessResolver';
import { accountGrants } from '../resolution/accountGrants';
import { callerOwnership } from '../resolution/callerOwnership';
import { EntityReader } from '../resolution/CallerEntityCache';
import { ReadAuthorizer } from '../permissions/ReadAuthorizer';
import { AccessSnapshotSource } from '../snapshot/types';
import { createAccessRequestRouter } from './accessRequestRoutes';
import { createAccountLookupRouter } from './accountLookupRoutes';
import { readQuery } from './readInput';

export interface RouterOptions {
  httpAuth: HttpAuthService;
  userInfo: UserInfoService;
  readAuthorizer: ReadAuthorizer;
  entities: EntityReader;
  resolver: EntityAccessResolver;
  source: AccessSnapshotSource;
  settings: AwsCliSettings;
  /** Sends access requests to teams, when `awsAccess.requestAccess.notifyTeam` is on. */
  notifications: NotificationService;
  logger: LoggerService;
  /** The portal, named in the setup script's managed block. */
  portal?: { name?: string; url?: string };
}

function parseEntityParams(params: Record<string, string>) {
  const { kind, namespace, name } = params;
  const ref = `${kind}:${namespace}/${name}`;
  if (!isAwsAccessEntityKind(kind)) {
    throw new InputError(
      `Kind '${kind}' is not supported; use one of ${AWS_ACCESS_ENTITY_KINDS.join(
        ', ',
      )}`,
    );
  }
  if (!KubernetesValidatorFunctions.isValidNamespace(namespace)) {
    throw new InputError(`Malformed namespace '${namespace}' in '${ref}'`);
  }
  if (!KubernetesValidatorFunctions.isValidObjectName(name)) {
    throw new InputError(`Malformed entity name '${name}' in '${ref}'`);
  }
  return stringifyEntityRef({ kind, namespace, name });
}

/** The HTTP API. Only `/health` is open; every other route needs a caller. */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { httpAuth, userInfo, readAuthorizer, entities, resolver } = options;
  const { source, settings } = options;
  const router = Router();

  const renderQuery = z.object({
    region: z
      .string()
      .refine(r => settings.profiles.regions.includes(r), {
        message: `must be one of ${settings.profiles.regions.join(', ')}`,
      })
      .optional(),
    variant: z
      .enum(['sso-session', 'legacy'], {
        errorMap: () => ({ message: "must be 'sso-session' or 'legacy'" }),
      })
      .optional(),
    remote: z
      .enum(['true', 'false'], {
        errorMap: () => ({ message: "must be 'true' or 'false'" }),
      })
      .optional()
      .transform(remote => remote === 'true'),
  });

  async function findEntity(ref: string, credentials: BackstageCredentials) {
    const entity = await entities.getEntityByRef(ref, credentials);
    if (!entity) {
      throw new NotFoundError(`No entity '${ref}' in the catalog`);
    }
    return entity;
  }

  /** The entity in the path, once the caller may read AWS access and the entity. */
  async function subjectOf(req: Request): Promise<{
    entity: Entity;
    credentials: BackstageCredentials;
  }> {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    await readAuthorizer.authorize(credentials);
    return {
      credentials,
      entity: await findEntity(parseEntityParams(req.params), credentials),
    };
  }

  /**
   * What a request is about, resolved: the entity in the path, or for `/me` the signed-in
   * user with the ownership references of their sign-in and their catalog memberships,
   * as on the account page and in the actions.
   */
  async function resolveSubject(req: Request) {
    if (req.params.kind === undefined) {
      const credentials = await httpAuth.credentials(req, { allow: ['user'] });
      await readAuthorizer.authorize(credentials);
      const { userEntityRef, ownershipEntityRefs } = await callerOwnership(
        { userInfo, entities },
        credentials,
      );
      return {
        credentials,
        subjectRef: userEntityRef,
        resolution: await resolver.resolveOwnership(
          userEntityRef,
          ownershipEntityRefs,
          credentials,
        ),
      };
    }
    const { entity, credentials } = await subjectOf(req);
    return {
      credentials,
      subjectRef: stringifyEntityRef(entity),
      resolution: await resolver.resolve(entity, credentials),
    };
  }

  async function profilesFor(req: Request) {
    const { region, variant, remote } = readQuery(renderQuery, req.query);
    const { subjectRef, resolution } = await resolveSubject(req);
    const profiles = planProfiles(resolution.accounts, {
      ...settings.profiles,
      ...(region && { defaultRegion: region }),
    });
    return { subjectRef, profiles, variant, remote };
  }

  // Open to load balancers: healthy once there is a snapshot to serve. Says no more than
  // that; the reason for a failed sync is on the authenticated status route.
  router.get('/health', async (_req, res) => {
    try {
      await source.getSnapshot();
      res.json({ status: 'ok' });
    } catch {
      res.status(503).json({
        status: 'unavailable',
        message: 'No AWS access data to serve yet; see /status',
      });
    }
  });

  router.get('/status', async (req, res) => {
    await readAuthorizer.authorize(
      await httpAuth.credentials(req, { allow: ['user', 'service'] }),
    );
    res.json(await source.getStatus());
  });

  const ENTITY = '/entities/:kind/:namespace/:name';

  const ME = `/${SIGNED_IN_USER}`;

  router.get([`${ENTITY}/accounts`, `${ME}/accounts`], async (req, res) => {
    const { subjectRef, credentials, resolution } = await resolveSubject(req);
    const { accounts, warnings } = resolution;
    const body: EntityAccessResponse = {
      entityRef: subjectRef,
      settings,
      accounts,
      teams: await resolver.teamsFor(accounts, credentials),
      ...(warnings.length > 0 && { warnings }),
    };
    res.json(body);
  });

  router.get([`${ENTITY}/aws-config`, `${ME}/aws-config`], async (req, res) => {
    const { profiles, variant } = await profilesFor(req);
    res
      .type('text/plain; charset=utf-8')
      .send(
        renderAwsConfig(profiles, settings.sso, settings.profiles, variant),
      );
  });

  const SHELL_SCRIPT = 'text/x-shellscript; charset=utf-8';

  async function scriptInput(req: Request) {
    const { subjectRef, profiles, variant, remote } = await profilesFor(req);
    return {
      subject: subjectRef,
      sso: settings.sso,
      profiles,
      variant,
      remote,
    };
  }

  router.get(
    [`${ENTITY}/verify-script`, `${ME}/verify-script`],
    async (req, res) => {
      const script = renderVerifyScript(await scriptInput(req));
      res.type(SHELL_SCRIPT).send(script);
    },
  );

  router.get(
    [`${ENTITY}/setup-script`, `${ME}/setup-script`],
    async (req, res) => {
      const script = renderSetupScript({
        ...(await scriptInput(req)),
        settings: settings.profiles,
        portal: options.portal,
      });
      res.type(SHELL_SCRIPT).send(script);
    },
  );

  router.get(`${ENTITY}/grants`, async (req, res) => {
    const { entity } = await subjectOf(req);
    const ref = stringifyEntityRef(entity);
    const accountId = accountIdOfResource(entity);
    if (!accountId) {
      throw new InputError(
        `'${ref}' does not stand for an AWS account: it needs to be a Resource of type 'aws-account' with the 'amazonaws.com/account-id' annotation`,
      );
    }
    if (!isAwsAccountId(accountId)) {
      throw new InputError(
        `'${ref}' names account ${JSON.stringify(
          accountId,
        )}, which is not a 12-digit AWS account id`,
      );
    }
    const body: AccountGrantsResponse = {
      entityRef: ref,
      settings,
      ...accountGrants(await source.getSnapshot(), accountId),
    };
    res.json(body);
  });

  router.use(createAccountLookupRouter(options));
  router.use(createAccessRequestRouter(options));

  return router;
}
