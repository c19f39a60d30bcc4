import {
  AccountIndexResponse,
  AccountLookupResponse,
  AccountSearchResponse,
  AwsCliSettings,
} from '@aws-access/backstage-plugin-aws-access-common';
import { HttpAuthService } from '@backstage/backend-plugin-api';
import express from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import { ReadCheck } from '../resolution/SubjectResolver';
import {
  AccountDetailsDeps,
  accountDetails,
} from '../resolution/accountDetails';
import { accountIndexEntries } from '../resolution/accountIndex';
import { listAccounts, searchAccounts } from '../resolution/accountLookup';
import { readQuery } from './readInput';

/** What the account lookup routes need. */
export interface AccountLookupRouterOptions extends AccountDetailsDeps {
  httpAuth: HttpAuthService;
  readAuthorizer: ReadCheck;
  settings: AwsCliSettings;
}

const MAX_PAGE_SIZE = 100;

const pageQuery = z.object({
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(20),
});

const accountQuery = z.object({
  organization: z
    .string({ invalid_type_error: 'must be one organization id' })
    .min(1, 'must not be empty')
    .max(64)
    .optional(),
});

const searchQuery = pageQuery.extend({
  query: z
    .string({ required_error: 'is required' })
    .trim()
    .min(1, 'must not be empty')
    .max(400),
});

/**
 * Account lookup across every organisation: `GET /accounts?query=` finds accounts by id,
 * ARN, name or permission set; `GET /accounts/{id}?organization=` shows who holds which
 * role there;
 * `GET /account-index` pages through every account with its roles and teams, for the
 * portal's search.
 */
export function createAccountLookupRouter(
  options: AccountLookupRouterOptions,
): express.Router {
  const { httpAuth, userInfo, readAuthorizer, entities } = options;
  const { resolver, organizations, settings } = options;
  const titles = new Map(settings.organizations.map(o => [o.id, o.title]));
  const router = Router();

  router.get('/accounts', async (req, res) => {
    await readAuthorizer.authorize(
      await httpAuth.credentials(req, { allow: ['user', 'service'] }),
    );
    const { query, offset, limit } = readQuery(searchQuery, req.query);
    const body: AccountSearchResponse = {
      query,
      offset,
      limit,
      ...searchAccounts(await organizations.snapshots(), query, {
        offset,
        limit,
      }),
    };
    res.json(body);
  });

  router.get('/accounts/:id', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    await readAuthorizer.authorize(credentials);
    const { organization } = readQuery(accountQuery, req.query);
    const body: AccountLookupResponse = {
      ...(await accountDetails(
        { organizations, resolver, userInfo, entities },
        req.params.id,
        organization,
        credentials,
        credentials.principal.type === 'user',
      )),
      settings,
    };
    res.json(body);
  });

  router.get('/account-index', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    await readAuthorizer.authorize(credentials);
    const { offset, limit } = readQuery(pageQuery, req.query);
    const { items, totalCount } = listAccounts(
      await organizations.snapshots(),
      { offset, limit },
    );
    const body: AccountIndexResponse = {
      items: accountIndexEntries(
        items,
        await resolver.teamsFor(items, credentials),
        titles,
      ),
      totalCount,
      offset,
      limit,
    };
    res.json(body);
  });

  return router;
}
