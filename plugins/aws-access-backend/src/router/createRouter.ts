import { HttpAuthService } from '@backstage/backend-plugin-api';
import {
  KubernetesValidatorFunctions,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  AwsCliSettings,
  EntityAccessResponse,
} from '@aws-access/backstage-plugin-aws-access-common';
import { InputError, NotFoundError } from '@backstage/errors';
import express from 'express';
import Router from 'express-promise-router';
import { EntityAccessResolver } from '../resolution/EntityAccessResolver';
import { EntityReader } from '../resolution/CallerEntityCache';
import { AccessSnapshotSource } from '../snapshot/types';

const SUPPORTED_KINDS = [
  'group',
  'user',
  'component',
  'system',
  'resource',
  'api',
];

export interface RouterOptions {
  httpAuth: HttpAuthService;
  entities: EntityReader;
  resolver: EntityAccessResolver;
  source: AccessSnapshotSource;
  settings: AwsCliSettings;
}

function parseEntityParams(params: Record<string, string>) {
  const { kind, namespace, name } = params;
  const ref = `${kind}:${namespace}/${name}`;
  if (!SUPPORTED_KINDS.includes(kind.toLocaleLowerCase('en-US'))) {
    throw new InputError(
      `Kind '${kind}' is not supported; use one of ${SUPPORTED_KINDS.join(
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
  return { kind, namespace, name };
}

/** The plugin's HTTP API. Only `/health` is open; every other route needs a caller. */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { httpAuth, entities, resolver, source, settings } = options;
  const router = Router();

  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });

  router.get('/status', async (req, res) => {
    await httpAuth.credentials(req, { allow: ['user', 'service'] });
    res.json(await source.getStatus());
  });

  router.get('/entities/:kind/:namespace/:name/accounts', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const compound = parseEntityParams(req.params);
    const entity = await entities.getEntityByRef(
      stringifyEntityRef(compound),
      credentials,
    );
    if (!entity) {
      throw new NotFoundError(
        `No entity '${stringifyEntityRef(compound)}' in the catalog`,
      );
    }
    const body: EntityAccessResponse = {
      entityRef: stringifyEntityRef(entity),
      settings,
      accounts: await resolver.resolve(entity, credentials),
    };
    res.json(body);
  });

  return router;
}
