import {
  BackstageCredentials,
  HttpAuthService,
} from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  ANNOTATION_AWS_ORGANIZATION,
  AccountGrantsResponse,
  AwsCliSettings,
  EntityAccessResponse,
  SIGNED_IN_USER,
  accountIdOfResource,
  isAwsAccountId,
  renderAwsConfig,
} from '@aws-access/backstage-plugin-aws-access-common';
import { InputError, ServiceUnavailableError } from '@backstage/errors';
import express, { Request } from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import { AuditTrail } from '../audit/AuditTrail';
import { EntityAccessResolver } from '../resolution/EntityAccessResolver';
import { SubjectResolver } from '../resolution/SubjectResolver';
import { accountGrants } from '../resolution/accountGrants';
import { offeredRegions, subjectProfiles } from '../resolution/subjectProfiles';
import { Organizations } from '../organizations/Organizations';
import { renderSetupScript, renderVerifyScript } from '../scripts';
import { readQuery } from './readInput';

/** What the routes about one subject (an entity, or `me`) need. */
export interface EntityRouterOptions {
  httpAuth: HttpAuthService;
  subjects: SubjectResolver;
  resolver: Pick<EntityAccessResolver, 'teamsFor'>;
  organizations: Organizations;
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
  const { httpAuth, subjects, resolver, organizations, settings, audit } =
    options;
  const regions = offeredRegions(settings.organizations);
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
      .refine(r => regions.includes(r), {
        message: `must be one of ${regions.join(', ')}`,
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
    return {
      entityRef,
      ...subjectProfiles(resolution.accounts, settings.organizations, region),
      variant,
      remote,
    };
  }

  async function scriptInput(req: Request) {
    const { entityRef, ...rest } = await profilesFor(req);
    return { subject: entityRef, ...rest };
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
      const {
        entityRef,
        profiles,
        organizations: used,
        variant,
      } = await profilesFor(req);
      res
        .type('text/plain; charset=utf-8')
        .send(renderAwsConfig(profiles, used, variant));
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
      const script = renderSetupScript({ ...input, portal: options.portal });
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
    const snapshots = await organizations.snapshots();
    const wanted = entity.metadata.annotations?.[ANNOTATION_AWS_ORGANIZATION];
    if (wanted !== undefined && !organizations.find(wanted)) {
      throw new InputError(
        `Annotation '${ANNOTATION_AWS_ORGANIZATION}' on '${ref}' names ${JSON.stringify(
          wanted,
        )}, which is not an organization of this portal`,
      );
    }
    // The organisation the annotation names, else the first that knows the account.
    const owner =
      wanted !== undefined
        ? snapshots.find(s => s.organization.id === wanted)
        : snapshots.find(s =>
            s.snapshot.accounts.some(a => a.id === accountId),
          ) ?? snapshots[0];
    if (!owner) {
      throw new ServiceUnavailableError(
        `The organization '${wanted}' that '${ref}' names has no AWS access data yet; see /status`,
      );
    }
    const body: AccountGrantsResponse = {
      entityRef: ref,
      settings,
      ...accountGrants(owner, accountId),
    };
    res.json(body);
  });

  return router;
}
