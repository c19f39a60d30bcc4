import { HttpAuthService, LoggerService } from '@backstage/backend-plugin-api';
import { NotificationService } from '@backstage/plugin-notifications-node';
import {
  AccessRequestResponse,
  AwsCliSettings,
  grantingGroups,
  isAwsAccountId,
  teamOfGroup,
} from '@aws-access/backstage-plugin-aws-access-common';
import {
  RELATION_HAS_MEMBER,
  RELATION_PARENT_OF,
} from '@backstage/catalog-model';
import {
  ConflictError,
  NotFoundError,
  ServiceUnavailableError,
} from '@backstage/errors';
import express, { Request } from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import { AuditTrail } from '../audit/AuditTrail';
import { accessRequestNotification } from '../requests/accessRequestNotification';
import { ReadCheck } from '../resolution/SubjectResolver';
import { displayNameOf } from '../resolution/displayName';
import {
  AccountDetailsDeps,
  accountDetails,
} from '../resolution/accountDetails';
import { readBody } from './readInput';

/** What the access request route needs. */
export interface AccessRequestRouterOptions extends AccountDetailsDeps {
  httpAuth: HttpAuthService;
  readAuthorizer: ReadCheck;
  settings: Pick<AwsCliSettings, 'requestAccess'>;
  /** Sends access requests to teams, when `awsAccess.requestAccess.notifyTeam` is on. */
  notifications: NotificationService;
  logger: LoggerService;
  audit: Pick<AuditTrail, 'route'>;
}

const name = (max: number) =>
  z
    .string({
      required_error: 'is required',
      invalid_type_error: 'must be text',
    })
    .min(1, 'must not be empty')
    .max(max, `must be at most ${max} characters`);

const accessRequestBody = z.object(
  {
    accountId: z
      .string({
        required_error: 'is required',
        invalid_type_error: 'must be text',
      })
      .refine(isAwsAccountId, 'must be a 12-digit AWS account id'),
    role: name(200),
    group: name(1024),
    /** Needed only when the account id is known to several organisations. */
    organization: name(64).optional(),
  },
  { invalid_type_error: 'must be a JSON object' },
);

/** An access request, recorded with what was asked for as sent (it may be invalid). */
function requestedAccess(req: Request) {
  const body: Record<string, unknown> =
    req.body && typeof req.body === 'object' ? req.body : {};
  const field = (key: string) =>
    typeof body[key] === 'string' ? (body[key] as string).slice(0, 200) : null;
  return {
    eventId: 'access-request',
    severityLevel: 'medium' as const,
    meta: {
      organization: field('organization'),
      accountId: field('accountId'),
      role: field('role'),
      group: field('group'),
    },
  };
}

/**
 * `POST /access-requests`: a signed-in user asks the catalog team behind an Identity
 * Center group for a role that group grants in an account, as a Backstage notification.
 */
export function createAccessRequestRouter(
  options: AccessRequestRouterOptions,
): express.Router {
  const { httpAuth, readAuthorizer, entities, notifications, logger, audit } =
    options;
  const router = Router();

  router.post(
    '/access-requests',
    express.json({ limit: '16kb' }),
    audit.route(requestedAccess, async (req, res) => {
      const credentials = await httpAuth.credentials(req, { allow: ['user'] });
      await readAuthorizer.authorize(credentials);
      if (!options.settings.requestAccess?.notifyTeam) {
        throw new ConflictError(
          'awsAccess.requestAccess.notifyTeam is not enabled',
        );
      }
      const { accountId, role, group, organization } = readBody(
        accessRequestBody,
        req.body,
      );
      const { account, teams, myRoles } = await accountDetails(
        options,
        accountId,
        organization,
        credentials,
        true,
      );
      const title =
        options.organizations.find(account.organization)?.title ??
        account.organization;
      const where =
        options.organizations.settings.length > 1
          ? `'${account.name}' (${account.id}) of ${title}`
          : `'${account.name}' (${account.id})`;
      const granted = account.roles.find(r => r.name === role);
      if (!granted) {
        throw new NotFoundError(
          `No role '${role}' in the AWS account ${where}`,
        );
      }
      if (!grantingGroups(granted.grantedVia).includes(group)) {
        throw new NotFoundError(
          `No group '${group}' grants '${role}' in the AWS account ${where}`,
        );
      }
      if (myRoles?.includes(role)) {
        throw new ConflictError(
          `You already hold '${role}' in the AWS account ${where}`,
        );
      }
      const team = teamOfGroup(teams, account, group);
      if (!team) {
        // Without the catalog the teams come back empty; that is not "no team".
        await entities.getGroups(credentials).catch(error => {
          logger.warn('Could not read the catalog for an access request', {
            error: String((error as Error)?.message ?? error),
          });
          throw new ServiceUnavailableError(
            'The catalog cannot be read right now, so the team behind the group is unknown; try again later',
          );
        });
        throw new ConflictError(
          `No catalog team is behind the group '${group}'; ask your AWS administrators`,
        );
      }
      const requesterRef = credentials.principal.userEntityRef;
      const [requester, teamEntity] = await Promise.all([
        entities.getEntityByRef(requesterRef, credentials),
        entities.getEntityByRef(team, credentials),
      ]);
      // The notifications backend sends to the team's members and its child groups'; with
      // nobody but the requester there, "sent" would be a promise nobody receives.
      const someoneToNotify = (teamEntity?.relations ?? []).some(
        r =>
          (r.type === RELATION_HAS_MEMBER && r.targetRef !== requesterRef) ||
          r.type === RELATION_PARENT_OF,
      );
      if (!someoneToNotify) {
        throw new ConflictError(
          `Nobody else is in '${team}' in the catalog to notify; ask your AWS administrators`,
        );
      }
      const displayName = displayNameOf(requester);
      try {
        await notifications.send(
          accessRequestNotification({
            requester: { ref: requesterRef, displayName },
            team,
            account,
            organizationTitle:
              options.organizations.settings.length > 1 ? title : undefined,
            role,
            group,
          }),
        );
      } catch (error) {
        logger.warn('Could not send an access request notification', {
          team,
          accountId,
          role,
          error: String((error as Error)?.message ?? error),
        });
        throw new ServiceUnavailableError(
          `Could not notify '${team}' right now; try again later or ask them directly`,
        );
      }
      logger.info('Sent an access request notification', {
        requester: requesterRef,
        team,
        organization: account.organization,
        accountId,
        role,
        group,
      });
      const body: AccessRequestResponse = { team };
      res.status(202).json(body);
      return { team };
    }),
  );

  return router;
}
