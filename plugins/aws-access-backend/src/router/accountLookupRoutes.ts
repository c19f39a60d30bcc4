import {
  AccountLookupResponse,
  AccountSearchResponse,
  isAwsAccountId,
} from '@aws-access/backstage-plugin-aws-access-common';
import { InputError, NotFoundError } from '@backstage/errors';
import express from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import { lookupAccount, searchAccounts } from '../resolution/accountLookup';
import type { RouterOptions } from './createRouter';

const MAX_PAGE_SIZE = 100;

const searchQuery = z.object({
  query: z
    .string({ required_error: 'is required' })
    .trim()
    .min(1, 'must not be empty')
    .max(400),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(20),
});

function readSearchQuery(query: unknown) {
  const parsed = searchQuery.safeParse(query);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InputError(
      `Query parameter '${issue.path.join('.')}' ${issue.message}`,
    );
  }
  return parsed.data;
}

/**
 * Account lookup across the organisation: `GET /accounts?query=` finds accounts by id,
 * ARN, name or permission set; `GET /accounts/{id}` shows who holds which role there.
 */
export function createAccountLookupRouter(
  options: Pick<
    RouterOptions,
    | 'httpAuth'
    | 'userInfo'
    | 'readAuthorizer'
    | 'resolver'
    | 'source'
    | 'settings'
  >,
): express.Router {
  const { httpAuth, userInfo, readAuthorizer, resolver, source, settings } =
    options;
  const router = Router();

  router.get('/accounts', async (req, res) => {
    await readAuthorizer.authorize(
      await httpAuth.credentials(req, { allow: ['user', 'service'] }),
    );
    const { query, offset, limit } = readSearchQuery(req.query);
    const body: AccountSearchResponse = {
      query,
      offset,
      limit,
      ...searchAccounts(await source.getSnapshot(), query, { offset, limit }),
    };
    res.json(body);
  });

  router.get('/accounts/:id', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    await readAuthorizer.authorize(credentials);
    const { id } = req.params;
    if (!isAwsAccountId(id)) {
      throw new InputError(
        `Malformed account id ${JSON.stringify(id)}: must be 12 digits`,
      );
    }
    const account = lookupAccount(await source.getSnapshot(), id);
    if (!account) {
      throw new NotFoundError(`No AWS account '${id}' in IAM Identity Center`);
    }
    let myRoles: string[] | undefined;
    if (credentials.principal.type === 'user') {
      const { userEntityRef, ownershipEntityRefs } = await userInfo.getUserInfo(
        credentials,
      );
      const mine = await resolver.resolveOwnership(
        userEntityRef,
        ownershipEntityRefs,
        credentials,
      );
      myRoles =
        mine.accounts.find(a => a.id === id)?.roles.map(r => r.name) ?? [];
    }
    const body: AccountLookupResponse = {
      account,
      teams: await resolver.teamsFor([account], credentials),
      ...(myRoles && { myRoles }),
      settings,
    };
    res.json(body);
  });

  return router;
}
