import { HttpAuthService } from '@backstage/backend-plugin-api';
import express from 'express';
import Router from 'express-promise-router';
import { AwsAccessMetrics } from '../metrics/AwsAccessMetrics';
import { ReadCheck } from '../resolution/SubjectResolver';
import { Organizations } from '../organizations/Organizations';
import {
  AccessRequestRouterOptions,
  createAccessRequestRouter,
} from './accessRequestRoutes';
import {
  AccountLookupRouterOptions,
  createAccountLookupRouter,
} from './accountLookupRoutes';
import {
  AccessGrantRouterOptions,
  createAccessGrantRouter,
} from './accessGrantRoutes';
import { EntityRouterOptions, createEntityRouter } from './entityRoutes';
import { requestMetrics } from './requestMetrics';

/** What the whole HTTP API needs: the union of what each of its routers needs. */
export type RouterOptions = EntityRouterOptions &
  AccountLookupRouterOptions &
  AccessRequestRouterOptions &
  AccessGrantRouterOptions & {
    httpAuth: HttpAuthService;
    readAuthorizer: ReadCheck;
    organizations: Organizations;
    metrics?: Pick<AwsAccessMetrics, 'recordRequest'>;
  };

/** The HTTP API. Only `/health` is open; every other route needs a caller. */
export function createRouter(options: RouterOptions): express.Router {
  const { httpAuth, readAuthorizer, organizations } = options;
  const router = Router();
  if (options.metrics) {
    router.use(requestMetrics(options.metrics));
  }

  // Open to load balancers: healthy while at least one organisation has a snapshot to
  // serve, naming those without. Says no more than that; the reason for a failed sync is
  // on the authenticated status route.
  router.get('/health', async (_req, res) => {
    const { serving, withoutData } = await organizations.availability();
    if (serving.length === 0) {
      res.status(503).json({
        status: 'unavailable',
        message: 'No AWS access data to serve yet; see /status',
        organizationsWithoutData: withoutData,
      });
      return;
    }
    res.json({
      status: 'ok',
      ...(withoutData.length > 0 && { organizationsWithoutData: withoutData }),
    });
  });

  router.get('/status', async (req, res) => {
    await readAuthorizer.authorize(
      await httpAuth.credentials(req, { allow: ['user', 'service'] }),
    );
    res.json(await organizations.status());
  });

  router.use(createEntityRouter(options));
  router.use(createAccountLookupRouter(options));
  router.use(createAccessRequestRouter(options));
  router.use(createAccessGrantRouter(options));

  return router;
}
