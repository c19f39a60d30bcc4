import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { JsonObject } from '@backstage/types';
import { Server } from 'node:http';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { awsAccessPlugin } from '../plugin';
import { exampleAwsAccessConfig, exampleEntities } from './exampleOrg';

type Feature = Parameters<typeof startTestBackend>[0]['features'] extends
  | Array<infer F>
  | undefined
  ? F
  : never;

/** How a test backend differs from the example portal. */
export interface TestBackendOptions {
  /** The root config; defaults to the example organisation under `awsAccess`. */
  config?: JsonObject;
  /** What the permission policy answers every request. */
  permissionResult?: AuthorizeResult.ALLOW | AuthorizeResult.DENY;
  /** The signed-in user's ref first, then their groups; the token's own claims when absent. */
  ownershipEntityRefs?: string[];
  /** The catalog's entities, or a catalog of the test's own; the example catalog by default. */
  catalog?: Entity[] | Feature;
  /** Services and modules beside the plugin (a real scheduler, an events publisher, …). */
  features?: Feature[];
}

/**
 * Starts the plugin in a test backend as an installer would, with mocked core services,
 * and returns its HTTP server for supertest.
 */
export async function startAwsAccessBackend(
  options: TestBackendOptions = {},
): Promise<Server> {
  const {
    config = { awsAccess: exampleAwsAccessConfig },
    permissionResult = AuthorizeResult.ALLOW,
    ownershipEntityRefs,
    catalog = exampleEntities,
  } = options;
  const { server } = await startTestBackend({
    features: [
      awsAccessPlugin,
      mockServices.permissions.factory({ result: permissionResult }),
      mockServices.rootConfig.factory({ data: config }),
      Array.isArray(catalog)
        ? catalogServiceMock.factory({ entities: catalog })
        : catalog,
      ...(ownershipEntityRefs
        ? [
            mockServices.userInfo.mock({
              getUserInfo: async () => ({
                userEntityRef: ownershipEntityRefs[0],
                ownershipEntityRefs,
              }),
            }).factory,
          ]
        : []),
      ...(options.features ?? []),
    ],
  });
  return server;
}

/** Polls `probe` every 100 ms until it returns a value; fails naming `what` after 30 s. */
export async function waitFor<T>(
  probe: () => Promise<T | undefined>,
  what: string,
): Promise<T> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise(r => setTimeout(r, 100));
  }
}
