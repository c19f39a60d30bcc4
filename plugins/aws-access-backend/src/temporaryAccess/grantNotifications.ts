import { NotificationSendOptions } from '@backstage/plugin-notifications-node';
import type { GrantWorkEvent } from './GrantWorker';
import { GrantRecord } from './types';

/** The Requests view of the AWS Access page, where approvers decide. */
export const REQUESTS_LINK = '/aws-access/requests';

/** The notifications store titles in a 255-character column. */
const MAX_TITLE = 255;

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

type Grant = Pick<
  GrantRecord,
  | 'id'
  | 'accountId'
  | 'accountName'
  | 'permissionSetName'
  | 'requesterRef'
  | 'approverRefs'
  | 'durationMs'
  | 'reason'
  | 'decisionReason'
  | 'lastError'
  | 'expiresAt'
>;

/** Where: the account, and the organisation's title when the portal has several. */
export interface GrantPlace {
  organizationTitle?: string;
}

/** The organisation's title, named only when the portal has several. */
export function grantPlace(
  organizations: {
    settings: Array<{ id: string }>;
    find(id: string): { title: string } | undefined;
  },
  organization: string,
): GrantPlace {
  return organizations.settings.length > 1
    ? {
        organizationTitle:
          organizations.find(organization)?.title ?? organization,
      }
    : {};
}

function where(grant: Grant, place: GrantPlace): string {
  return place.organizationTitle
    ? `${grant.accountName} (${grant.accountId}, ${place.organizationTitle})`
    : `${grant.accountName} (${grant.accountId})`;
}

function duration(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  return minutes % 60 === 0 ? `${minutes / 60} h` : `${minutes} min`;
}

/** One notification per grant and kind: a later one of the same kind replaces it. */
function scope(grant: Grant, kind: string): string {
  return `aws-access:grant:${grant.id}:${kind}`;
}

function toApprovers(
  grant: Grant,
  payload: NotificationSendOptions['payload'],
): NotificationSendOptions {
  return {
    recipients: {
      type: 'entity',
      entityRef: grant.approverRefs,
      excludeEntityRef: grant.requesterRef,
    },
    payload,
  };
}

function toRequester(
  grant: Grant,
  payload: NotificationSendOptions['payload'],
): NotificationSendOptions {
  return {
    recipients: { type: 'entity', entityRef: grant.requesterRef },
    payload,
  };
}

/** To the approvers: someone asks for a role for a while. */
export function grantRequestedNotification(
  grant: Grant,
  place: GrantPlace,
  requesterName: string,
): NotificationSendOptions {
  return toApprovers(grant, {
    title: clip(
      `${requesterName} asks for ${grant.permissionSetName} in ${where(
        grant,
        place,
      )} for ${duration(grant.durationMs)}`,
      MAX_TITLE,
    ),
    description: grant.reason
      ? clip(`Reason: ${grant.reason}`, 500)
      : 'No reason given.',
    link: REQUESTS_LINK,
    topic: 'AWS temporary access',
    severity: 'high',
    scope: scope(grant, 'requested'),
  });
}

/** To the requester: what became of their request. */
export function grantOutcomeNotification(
  grant: Grant,
  place: GrantPlace,
  outcome: 'approved' | 'denied' | 'active' | 'removed' | 'failed',
): NotificationSendOptions {
  const role = `${grant.permissionSetName} in ${where(grant, place)}`;
  const titles = {
    approved: `Your request for ${role} is approved`,
    denied: `Your request for ${role} is denied`,
    active: `You hold ${role} until ${grant.expiresAt?.toISOString()}`,
    removed: `${role} has been taken back`,
    failed: `${role} could not be granted`,
  };
  const descriptions = {
    approved: 'It is being granted in IAM Identity Center.',
    denied: grant.decisionReason
      ? clip(`Reason: ${grant.decisionReason}`, 500)
      : 'No reason given.',
    active:
      'Run `aws sso login`, then use the profile from the AWS Access page.',
    removed: 'The temporary access has ended.',
    failed: clip(grant.lastError ?? 'Identity Center refused it.', 500),
  };
  return toRequester(grant, {
    title: clip(titles[outcome], MAX_TITLE),
    description: descriptions[outcome],
    link: REQUESTS_LINK,
    topic: 'AWS temporary access',
    severity: outcome === 'failed' ? 'high' : 'normal',
    scope: scope(grant, 'outcome'),
  });
}

/** To the approvers: a grant whose time is up could not be taken back yet. */
export function removalOverdueNotification(
  grant: Grant,
  place: GrantPlace,
): NotificationSendOptions {
  return toApprovers(grant, {
    title: clip(
      `Removing ${grant.permissionSetName} from ${
        grant.requesterRef
      } in ${where(grant, place)} is overdue`,
      MAX_TITLE,
    ),
    description: clip(
      `It is retried automatically. Last error: ${
        grant.lastError ?? 'unknown'
      }`,
      500,
    ),
    link: REQUESTS_LINK,
    topic: 'AWS temporary access',
    severity: 'critical',
    scope: scope(grant, 'overdue'),
  });
}

/**
 * What the worker tells whom after its work: the requester of a grant, a removal and a
 * failure; the approvers once, when a removal first fails. Nothing for a retry.
 */
export function workNotification(
  grant: Grant & Pick<GrantRecord, 'attempts'>,
  event: GrantWorkEvent,
  place: GrantPlace,
): NotificationSendOptions | undefined {
  switch (event) {
    case 'granted':
      return grantOutcomeNotification(grant, place, 'active');
    case 'removed':
      return grantOutcomeNotification(grant, place, 'removed');
    case 'grant-failed':
      return grantOutcomeNotification(grant, place, 'failed');
    case 'removal-failed':
      return grant.attempts === 1 && grant.approverRefs.length > 0
        ? removalOverdueNotification(grant, place)
        : undefined;
    default:
      return undefined;
  }
}
