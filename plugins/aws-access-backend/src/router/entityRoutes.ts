import {
  BackstageCredentials,
  HttpAuthService,
} from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  AccountGrantsResponse,
  AwsCliSettings,
  EntityAccessResponse,
  SIGNED_IN_USER,
  accountIdOfResource,
  isAwsAccountId,
  planProfiles,
  renderAwsConfig,
} from '@aws-access/backstage-plugin-aws-access-common';
import { InputError } from '@backstage/errors';
import express, { Request } from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import { AuditTrail } from '../audit/AuditTrail';
import { EntityAccessResolver } from '../resolution/EntityAccessResolver';
import { SubjectResolver } from '../resolution/SubjectResolver';
import { accountGrants } from '../resolution/accountGrants';
import { AccessSnapshotSource } from '../snapshot/types';
import { renderSetupScript, renderVerifyScript } from '../scripts';
import { readQuery } from './readInput';

/** What the routes about one subject (an entity, or `me`) need. */
export interface EntityRouterOptions {
  httpAuth: HttpAuthService;
  subjects: SubjectResolver;
  resolver: Pick<EntityAccessResolver, 'teamsFor'>;
  source: AccessSnapshotSource;
  settings: AwsCliSettings;
  /** The portal, named in the setup script's managed block. */
  portal?: { name?: string; url?: string };
  audit: Pick<AuditTrail, 'route'>;
}

const ENTITY = '/entities/:kind/:namespace/:name';
const ME = `/${SIGNED_IN_USER}`;
const SHELL_SCRIPT = 'text/x-shellscript; charset=utf-8';

/**
 * The routes about one subject, each under `/entities/{kind}/{namespace}/{name}` and
 * `/me`: its accounts and roles, its `~/.aws/config`, its verify and setup scripts, and
 * for an account's Resource entity who holds which role there.
 */
export function createEntityRouter(
  options: EntityRouterOptions,
): express.Router {
  const { httpAuth, subjects, resolver, source, settings, audit } = options;
  const router = Router();

  /** A download, recorded with the entity asked for; on success, the one it resolved to. */
  const download = (file: string) => (req: Request) => ({
    eventId: 'download',
    meta: {
      file,
      entityRef:
        req.params.kind === undefined
          ? SIGNED_IN_USER
          : `${req.params.kind}:${req.params.namespace}/${req.params.name}`,
    },
  });

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

  /** The caller; only a signed-in user has a `me`. */
  function callerOf(req: Request): Promise<BackstageCredentials> {
    return httpAuth.credentials(req, {
      allow: req.params.kind === undefined ? ['user'] : ['user', 'service'],
    });
  }

  /** The subject in the path, resolved for the caller. */
  async function resolveSubject(req: Request) {
    const credentials = await callerOf(req);
    const { kind, namespace, name } = req.params;
    const subject = await subjects.resolve(
      kind === undefined ? SIGNED_IN_USER : { kind, namespace, name },
      credentials,
    );
    return { credentials, ...subject };
  }

  async function profilesFor(req: Request) {
    const { region, variant, remote } = readQuery(renderQuery, req.query);
    const { entityRef, resolution } = await resolveSubject(req);
    const profiles = planProfiles(resolution.accounts, {
      ...settings.profiles,
      ...(region && { defaultRegion: region }),
    });
    return { entityRef, profiles, variant, remote };
  }

  async function scriptInput(req: Request) {
    const { entityRef, profiles, variant, remote } = await profilesFor(req);
    return { subject: entityRef, sso: settings.sso, profiles, variant, remote };
  }

  router.get([`${ENTITY}/accounts`, `${ME}/accounts`], async (req, res) => {
    const { entityRef, credentials, resolution } = await resolveSubject(req);
    const { accounts, warnings } = resolution;
    const body: EntityAccessResponse = {
      entityRef,
      settings,
      accounts,
      teams: await resolver.teamsFor(accounts, credentials),
      ...(warnings.length > 0 && { warnings }),
    };
    res.json(body);
  });

  router.get(
    [`${ENTITY}/aws-config`, `${ME}/aws-config`],
    audit.route(download('aws-config'), async (req, res) => {
      const { entityRef, profiles, variant } = await profilesFor(req);
      res
        .type('text/plain; charset=utf-8')
        .send(
          renderAwsConfig(profiles, settings.sso, settings.profiles, variant),
        );
      return { entityRef };
    }),
  );

  router.get(
    [`${ENTITY}/verify-script`, `${ME}/verify-script`],
    audit.route(download('verify-script'), async (req, res) => {
      const input = await scriptInput(req);
      res.type(SHELL_SCRIPT).send(renderVerifyScript(input));
      return { entityRef: input.subject };
    }),
  );

  router.get(
    [`${ENTITY}/setup-script`, `${ME}/setup-script`],
    audit.route(download('setup-script'), async (req, res) => {
      const input = await scriptInput(req);
      const script = renderSetupScript({
        ...input,
        settings: settings.profiles,
        portal: options.portal,
      });
      res.type(SHELL_SCRIPT).send(script);
      return { entityRef: input.subject };
    }),
  );

  router.get(`${ENTITY}/grants`, async (req, res) => {
    const { kind, namespace, name } = req.params;
    const entity = await subjects.entity(
      { kind, namespace, name },
      await callerOf(req),
    );
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

  return router;
}
