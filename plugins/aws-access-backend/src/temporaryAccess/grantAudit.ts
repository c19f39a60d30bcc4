import { AuditorServiceEventSeverityLevel } from '@backstage/backend-plugin-api';
import type { GrantWorkEvent } from './GrantWorker';
import { GrantRecord } from './types';

/** The audited facts of a grant: who for, where, what, how long, why, and who decided. */
export function grantAuditMeta(grant: GrantRecord) {
  return {
    grant: grant.id,
    subject: grant.requesterRef,
    organization: grant.organization,
    accountId: grant.accountId,
    role: grant.permissionSetName,
    durationMinutes: Math.round(grant.durationMs / 60_000),
    reason: grant.reason ?? null,
    state: grant.state,
    decidedBy: grant.decidedBy ?? null,
    decisionReason: grant.decisionReason ?? null,
    expiresAt: grant.expiresAt?.toISOString() ?? null,
    revokedBy: grant.revokedBy ?? null,
    revokeReason: grant.revokeReason ?? null,
  };
}

/**
 * The auditor event of what the worker did: grants at high severity, a removal that
 * fails at critical; a removal tells expiry from revoke.
 */
export function workAuditEvent(
  grant: Pick<GrantRecord, 'revokedAt'>,
  event: GrantWorkEvent,
): { eventId: string; severityLevel: AuditorServiceEventSeverityLevel } {
  switch (event) {
    case 'granted':
      return { eventId: 'access-grant-granted', severityLevel: 'high' };
    case 'grant-retry':
      return { eventId: 'access-grant-retry', severityLevel: 'medium' };
    case 'grant-failed':
      return { eventId: 'access-grant-failed', severityLevel: 'high' };
    case 'removed':
      return grant.revokedAt
        ? { eventId: 'access-grant-removed', severityLevel: 'medium' }
        : { eventId: 'access-grant-expired', severityLevel: 'medium' };
    default:
      return {
        eventId: 'access-grant-removal-failed',
        severityLevel: 'critical',
      };
  }
}
