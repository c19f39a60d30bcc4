import { HttpAuthService } from '@backstage/backend-plugin-api';
import {
  ACCESS_GRANT_STATES,
  AccessGrantState,
  AccessGrantsResponse,
  isAwsAccountId,
} from '@aws-access/backstage-plugin-aws-access-common';
import { NotFoundError } from '@backstage/errors';
import express, { Request } from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import { AuditTrail } from '../audit/AuditTrail';
import { ReadCheck } from '../resolution/SubjectResolver';
import { AccessGrants } from '../temporaryAccess/AccessGrants';
import { grantAuditMeta } from '../temporaryAccess/grantAudit';
import { GrantDecision } from '../temporaryAccess/grantStateMachine';
import { readBody, readQuery } from './readInput';

/** What the temporary-access routes need. */
export interface AccessGrantRouterOptions {
  httpAuth: HttpAuthService;
  readAuthorizer: ReadCheck;
  audit: Pick<AuditTrail, 'route'>;
  /** Absent when no organisation has temporary access configured. */
  accessGrants?: AccessGrants;
}

const text = (max: number, min = 0) =>
  z
    .string({
      required_error: 'is required',
      invalid_type_error: 'must be text',
    })
    .min(min, 'must not be empty')
    .max(max, `must be at most ${max} characters`)
    // PostgreSQL cannot store NUL in text; no reason or name needs one.
    .refine(v => !v.includes('\u0000'), 'must not contain NUL characters');

const grantRequestBody = z.object(
  {
    organization: text(64, 1).optional(),
    accountId: z
      .string({
        required_error: 'is required',
        invalid_type_error: 'must be text',
      })
      .refine(isAwsAccountId, 'must be a 12-digit AWS account id'),
    role: text(200, 1),
    durationMinutes: z
      .number({
        required_error: 'is required',
        invalid_type_error: 'must be a number of minutes',
      })
      .int('must be a whole number of minutes')
      .min(1, 'must be at least 1')
      .max(24 * 60, 'must be at most 1440 (24 hours)'),
    reason: text(1000).optional(),
  },
  { invalid_type_error: 'must be a JSON object' },
);

const denyBody = z.object(
  {
    reason: text(1000)
      .refine(r => r.trim() !== '', 'must not be empty')
      .default(''),
  },
  { invalid_type_error: 'must be a JSON object' },
);

const revokeBody = z.object(
  { reason: text(1000).optional() },
  { invalid_type_error: 'must be a JSON object' },
);

const stateList = z
  .string({ invalid_type_error: 'must be given once' })
  .transform(s => s.split(',').map(v => v.trim()))
  .refine(
    states => states.every(s => (ACCESS_GRANT_STATES as string[]).includes(s)),
    `must be a comma-separated list of ${ACCESS_GRANT_STATES.join(', ')}`,
  );

const listQuery = z.object({ state: stateList.optional() });

function requested(req: Request) {
  const body: Record<string, unknown> =
    req.body && typeof req.body === 'object' ? req.body : {};
  const field = (key: string) =>
    typeof body[key] === 'string' ? (body[key] as string).slice(0, 200) : null;
  return {
    eventId: 'access-grant-request',
    severityLevel: 'medium' as const,
    meta: {
      organization: field('organization'),
      accountId: field('accountId'),
      role: field('role'),
      durationMinutes:
        typeof body.durationMinutes === 'number' ? body.durationMinutes : null,
      reason: field('reason'),
    },
  };
}

const SEVERITY = {
  approve: 'high',
  deny: 'medium',
  cancel: 'low',
  revoke: 'medium',
} as const;

/**
 * Temporary access: `POST /access-grants` asks, `GET /access-grants` lists the caller's
 * own and those they decide on (or, with `?state=`, every grant for auditors), and
 * `POST /access-grants/:id/{approve,deny,cancel,revoke}` decide. Signed-in users only.
 */
export function createAccessGrantRouter(
  options: AccessGrantRouterOptions,
): express.Router {
  const { httpAuth, readAuthorizer, audit } = options;
  const router = Router();
  const enabled = () => {
    if (!options.accessGrants) {
      throw new NotFoundError(
        'Temporary access is not configured for any organisation (awsAccess temporaryAccess)',
      );
    }
    return options.accessGrants;
  };
  const signedIn = async (req: Request) => {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    await readAuthorizer.authorize(credentials);
    return credentials;
  };

  router.post(
    '/access-grants',
    express.json({ limit: '16kb' }),
    audit.route(requested, async (req, res) => {
      const credentials = await signedIn(req);
      const grants = enabled();
      const body = readBody(grantRequestBody, req.body);
      const { grant, record } = await grants.request(credentials, body);
      res.status(201).json(grant);
      return grantAuditMeta(record);
    }),
  );

  router.get('/access-grants', async (req, res) => {
    const credentials = await signedIn(req);
    const grants = enabled();
    const { state } = readQuery(listQuery, req.query);
    const body: AccessGrantsResponse = {
      grants: state
        ? await grants.listForAudit(credentials, state as AccessGrantState[])
        : await grants.listForCaller(credentials),
    };
    res.json(body);
  });

  const decision = (
    action: GrantDecision['action'],
    read: (body: unknown) => GrantDecision,
  ) =>
    audit.route(
      req => ({
        eventId: `access-grant-${action}`,
        severityLevel: SEVERITY[action],
        meta: { grant: String(req.params.id).slice(0, 64) },
      }),
      async (req, res) => {
        const credentials = await signedIn(req);
        const grants = enabled();
        const { grant, record } = await grants.decide(
          credentials,
          String(req.params.id),
          read(req.body ?? {}),
        );
        res.json(grant);
        return grantAuditMeta(record);
      },
    );

  const json = express.json({ limit: '16kb' });
  router.post(
    '/access-grants/:id/approve',
    json,
    decision('approve', () => ({ action: 'approve' })),
  );
  router.post(
    '/access-grants/:id/deny',
    json,
    decision('deny', body => ({
      action: 'deny',
      reason: readBody(denyBody, body).reason.trim(),
    })),
  );
  router.post(
    '/access-grants/:id/cancel',
    json,
    decision('cancel', () => ({ action: 'cancel' })),
  );
  router.post(
    '/access-grants/:id/revoke',
    json,
    decision('revoke', body => {
      const reason = readBody(revokeBody, body).reason?.trim();
      return { action: 'revoke', ...(reason && { reason }) };
    }),
  );

  return router;
}
