import { HttpAuthService } from '@backstage/backend-plugin-api';
import express from 'express';
import Router from 'express-promise-router';
import { AwsAccessMetrics } from '../metrics/AwsAccessMetrics';
import { ReadCheck } from '../resolution/SubjectResolver';
import { AccessSnapshotSource } from '../snapshot/types';
import {
  AccessRequestRouterOptions,
  createAccessRequestRouter,
} from './accessRequestRoutes';
import {
  AccountLookupRouterOptions,
  createAccountLookupRouter,
} from './accountLookupRoutes';
import { EntityRouterOptions, createEntityRouter } from './entityRoutes';
import { requestMetrics } from './requestMetrics';

/** What the whole HTTP API needs: the union of what each of its routers needs. */
export type RouterOptions = EntityRouterOptions &
  AccountLookupRouterOptions &
  AccessRequestRouterOptions & {
    httpAuth: HttpAuthService;
    readAuthorizer: ReadCheck;
    source: AccessSnapshotSource;
    metrics?: Pick<AwsAccessMetrics, 'recordRequest'>;
  };

/** The HTTP API. Only `/health` is open; every other route needs a caller. */
export function createRouter(options: RouterOptions): express.Router {
  const { httpAuth, readAuthorizer, source } = options;
  const router = Router();
  if (options.metrics) {
    router.use(requestMetrics(options.metrics));
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

  router.use(createEntityRouter(options));
  router.use(createAccountLookupRouter(options));
  router.use(createAccessRequestRouter(options));

  return router;
}
