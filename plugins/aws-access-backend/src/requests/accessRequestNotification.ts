import { createHash } from 'node:crypto';
import { NotificationSendOptions } from '@backstage/plugin-notifications-node';

/** One "ask for access", checked: the requester lacks the role and a team is behind the group. */
export interface CheckedAccessRequest {
  requester: {
    /** The requester's User entity ref. */
    ref: string;
    /** Their catalog display name, when the catalog has one. */
    displayName?: string;
  };
  /** The catalog Group behind the Identity Center group, who receive the notification. */
  team: string;
  account: { organization: string; id: string; name: string };
  /** The organisation's title, when the portal has several (named in the title). */
  organizationTitle?: string;
  role: string;
  /** The Identity Center group that grants the role in the account. */
  group: string;
}

/** The notifications store titles in a 255-character column. */
const MAX_TITLE = 255;

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/**
 * The same requester asking for the same role in the same account again updates one
 * notification instead of adding another. Hashed: names are free text, the column is short.
 */
export function accessRequestScope(request: CheckedAccessRequest): string {
  const key = JSON.stringify([
    request.requester.ref,
    request.account.organization,
    request.account.id,
    request.role,
  ]);
  return `aws-access:access-request:${createHash('sha256')
    .update(key)
    .digest('hex')}`;
}

/**
 * The notification the team behind a group gets when someone asks for a role it grants:
 * who asks, for which role in which account, and which group to add them to. Names are
 * plain text; the notifications UI shows them as they are.
 */
export function accessRequestNotification(
  request: CheckedAccessRequest,
): NotificationSendOptions {
  const { requester, account, role, group, team } = request;
  const who = requester.displayName ?? requester.ref;
  const where = request.organizationTitle
    ? `${account.name} (${account.id}, ${request.organizationTitle})`
    : `${account.name} (${account.id})`;
  return {
    recipients: {
      type: 'entity',
      entityRef: team,
      excludeEntityRef: requester.ref,
    },
    payload: {
      title: clip(`${who} asks for ${role} in ${where}`, MAX_TITLE),
      // Short: the notifications list cuts descriptions at about 100 characters, and the
      // title already names the role and the account.
      description: `Add ${who} (${requester.ref}) to the IAM Identity Center group "${group}".`,
      link: `/aws-access/accounts/${
        account.id
      }?organization=${encodeURIComponent(account.organization)}`,
      topic: 'AWS access request',
      severity: 'normal',
      scope: accessRequestScope(request),
    },
  };
}
