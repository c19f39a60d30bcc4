import {
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import {
  AccessGrant,
  AccessGrantRequest,
  AccessGrantState,
  grantingGroups,
  teamOfGroup,
  temporaryAccessRuleFor,
} from '@aws-access/backstage-plugin-aws-access-common';
import {
  ConflictError,
  InputError,
  NotAllowedError,
  NotFoundError,
} from '@backstage/errors';
import { NotificationSendOptions } from '@backstage/plugin-notifications-node';
import { GrantAuthorizer } from '../permissions/grantPermissions';
import {
  AccountDetailsDeps,
  accountDetails,
} from '../resolution/accountDetails';
import { callerOwnership } from '../resolution/callerOwnership';
import { displayNameOf } from '../resolution/displayName';
import { GrantStore } from './GrantStore';
import {
  GrantPlace,
  grantOutcomeNotification,
  grantPlace,
  grantRequestedNotification,
} from './grantNotifications';
import {
  GrantActor,
  GrantDecision,
  allowedActions,
  isOverdue,
  planDecision,
} from './grantStateMachine';
import { GrantRecord } from './types';

/** Who hears of a change: notifications, audit and open pages. */
export interface GrantListeners {
  notify(notification: NotificationSendOptions): Promise<void>;
  /** A grant changed state: open Requests views reload. */
  changed(grant: GrantRecord): void;
  /** Work for the worker: an approval or a revoke. */
  poke(): void;
}

export interface AccessGrantsOptions extends AccountDetailsDeps {
  store: GrantStore;
  authorizer: GrantAuthorizer;
  listeners: GrantListeners;
  logger: LoggerService;
  now?: () => Date;
}

/**
 * Temporary access as callers use it: asking for a role for a while, deciding on requests,
 * taking grants back, and listing them. Every check runs here, on the server, against the
 * organisation's policy and the served snapshot; the worker does the writing.
 */
export class AccessGrants {
  private readonly now: () => Date;

  constructor(private readonly options: AccessGrantsOptions) {
    this.now = options.now ?? (() => new Date());
  }

  /** The caller as the approval rules see them. */
  async actor(credentials: BackstageCredentials): Promise<GrantActor> {
    const { userEntityRef, ownershipEntityRefs } = await callerOwnership(
      this.options,
      credentials,
    );
    return { userRef: userEntityRef, ownershipRefs: ownershipEntityRefs };
  }

  /** A signed-in user asks for a role in an account for a while. */
  async request(
    credentials: BackstageCredentials,
    request: AccessGrantRequest,
  ): Promise<{ grant: AccessGrant; record: GrantRecord }> {
    const { options } = this;
    const { account, teams, myRoles } = await accountDetails(
      options,
      request.accountId,
      request.organization,
      credentials,
      true,
    );
    const organization = options.organizations.find(account.organization)!;
    const place = this.placeOf(account.organization);
    const where = `the AWS account '${account.name}' (${account.id})${
      place.organizationTitle ? ` of ${place.organizationTitle}` : ''
    }`;
    const policy = organization.temporaryAccess;
    if (!policy) {
      throw new InputError(
        `Temporary access is not enabled for ${organization.title} (awsAccess temporaryAccess)`,
      );
    }
    const rule = temporaryAccessRuleFor(policy, request.role);
    if (!rule) {
      throw new InputError(
        `'${request.role}' cannot be requested for temporary access: the policy of ${organization.title} does not list it`,
      );
    }
    const role = account.roles.find(r => r.name === request.role);
    if (!role) {
      throw new InputError(`No role '${request.role}' in ${where}`);
    }
    if (request.durationMinutes > rule.maxDurationMinutes) {
      throw new InputError(
        `Field 'durationMinutes' must be at most ${rule.maxDurationMinutes} for '${request.role}'`,
      );
    }
    const reason = request.reason?.trim() || undefined;
    if (policy.requireReason && !reason) {
      throw new InputError(`Field 'reason' is required by the policy`);
    }
    if (myRoles?.includes(request.role)) {
      throw new ConflictError(`You already hold '${request.role}' in ${where}`);
    }
    const permissionSetArn = await this.permissionSetArn(
      account.organization,
      request.role,
    );
    const { userRef } = await this.actor(credentials);
    let approverRefs: string[] = [];
    if (!rule.selfService) {
      approverRefs =
        policy.approvers === 'team'
          ? [
              ...new Set(
                grantingGroups(role.grantedVia).flatMap(
                  group => teamOfGroup(teams, account, group) ?? [],
                ),
              ),
            ]
          : [policy.approvers];
      if (approverRefs.length === 0) {
        throw new ConflictError(
          `No catalog team is behind the groups that hold '${request.role}' in ${where}, so nobody can approve it; ask your AWS administrators`,
        );
      }
    }
    const now = this.now();
    const inserted = await options.store.insertOpen(
      {
        organization: account.organization,
        accountId: account.id,
        accountName: account.name,
        permissionSetName: request.role,
        permissionSetArn,
        requesterRef: userRef,
        reason,
        durationMs: request.durationMinutes * 60_000,
        approverRefs,
        ...(rule.selfService
          ? { state: 'approved' as const, decidedBy: userRef }
          : { state: 'pending' as const }),
      },
      now,
    );
    if (!inserted.created) {
      throw new ConflictError(
        `You already have an open request for '${request.role}' in ${where} (${inserted.existing.state})`,
      );
    }
    const record = inserted.grant;
    options.listeners.changed(record);
    if (record.state === 'approved') {
      options.listeners.poke();
    } else {
      const requester = await options.entities
        .getEntityByRef(userRef, credentials)
        .catch(() => undefined);
      await this.notify(
        grantRequestedNotification(
          record,
          place,
          displayNameOf(requester) ?? userRef,
        ),
      );
    }
    return {
      record,
      grant: this.toGrant(record, { userRef, ownershipRefs: [] }),
    };
  }

  /** Approves, denies, cancels or revokes a grant as the caller. */
  async decide(
    credentials: BackstageCredentials,
    id: string,
    decision: GrantDecision,
  ): Promise<{ grant: AccessGrant; record: GrantRecord; before: GrantRecord }> {
    const { options } = this;
    const before = await options.store.get(id);
    const actor = await this.actor(credentials);
    if (!before) {
      throw new NotFoundError(`No temporary access request '${id}'`);
    }
    const plan = planDecision(before, actor, decision, this.now());
    if ('refused' in plan) {
      if (plan.refused === 'forbidden') {
        throw new NotAllowedError(plan.message);
      }
      throw new ConflictError(plan.message);
    }
    if (decision.action === 'approve' || decision.action === 'deny') {
      await options.authorizer.authorizeDecision(credentials, before);
    }
    const record = await options.store.transition(id, before, plan, this.now());
    if (!record) {
      const current = await options.store.get(id);
      throw new ConflictError(
        `The request changed meanwhile: it is ${current?.state ?? 'gone'}`,
      );
    }
    options.listeners.changed(record);
    if (record.state === 'approved' || record.state === 'expiring') {
      options.listeners.poke();
    }
    if (record.state === 'approved' || record.state === 'denied') {
      await this.notify(
        grantOutcomeNotification(
          record,
          this.placeOf(record.organization),
          record.state,
        ),
      );
    }
    return { record, before, grant: this.toGrant(record, actor) };
  }

  /** The caller's own requests and those they may decide on, newest first. */
  async listForCaller(
    credentials: BackstageCredentials,
  ): Promise<AccessGrant[]> {
    const actor = await this.actor(credentials);
    const [mine, toApprove] = await Promise.all([
      this.options.store.list({ requesterRef: actor.userRef }),
      actor.ownershipRefs.length > 0
        ? this.options.store.list({ approverRefsAny: actor.ownershipRefs })
        : Promise.resolve([]),
    ]);
    const byId = new Map<string, GrantRecord>();
    for (const grant of [...mine, ...toApprove]) {
      byId.set(grant.id, grant);
    }
    return [...byId.values()]
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())
      .map(grant => this.toGrant(grant, actor));
  }

  /** Every grant in the given states, for auditors. */
  async listForAudit(
    credentials: BackstageCredentials,
    states: AccessGrantState[],
  ): Promise<AccessGrant[]> {
    await this.options.authorizer.authorizeAudit(credentials);
    const actor = await this.actor(credentials);
    const grants = await this.options.store.list({ states, limit: 1000 });
    return grants.map(grant => this.toGrant(grant, actor));
  }

  /** The grant as the caller sees it, with what they may do now. */
  toGrant(grant: GrantRecord, actor: GrantActor): AccessGrant {
    const iso = (d?: Date) => d?.toISOString();
    return {
      id: grant.id,
      organization: grant.organization,
      accountId: grant.accountId,
      accountName: grant.accountName,
      role: grant.permissionSetName,
      requester: grant.requesterRef,
      ...(grant.reason !== undefined && { reason: grant.reason }),
      durationMinutes: Math.round(grant.durationMs / 60_000),
      state: grant.state,
      approvers: grant.approverRefs,
      ...(grant.decidedBy && { decidedBy: grant.decidedBy }),
      ...(grant.decisionReason !== undefined && {
        decisionReason: grant.decisionReason,
      }),
      createdAt: grant.createdAt.toISOString(),
      ...(grant.decidedAt && { decidedAt: iso(grant.decidedAt) }),
      ...(grant.grantedAt && { grantedAt: iso(grant.grantedAt) }),
      ...(grant.expiresAt && { expiresAt: iso(grant.expiresAt) }),
      ...(grant.removedAt && { removedAt: iso(grant.removedAt) }),
      ...(grant.revokedBy && { revokedBy: grant.revokedBy }),
      ...(grant.revokedAt && { revokedAt: iso(grant.revokedAt) }),
      ...(grant.revokeReason !== undefined && {
        revokeReason: grant.revokeReason,
      }),
      overdue: isOverdue(grant, this.now()),
      ...(grant.lastError && { lastError: grant.lastError }),
      actions: allowedActions(grant, actor),
    };
  }

  /** The organisation's title, named only when the portal has several. */
  placeOf(organization: string): GrantPlace {
    return grantPlace(this.options.organizations, organization);
  }

  private async permissionSetArn(
    organization: string,
    name: string,
  ): Promise<string> {
    const snapshots = await this.options.organizations.snapshots();
    const arn = snapshots
      .find(s => s.organization.id === organization)
      ?.snapshot.permissionSets.find(p => p.name === name)?.arn;
    if (!arn) {
      throw new ConflictError(
        `The permission set '${name}' has no ARN in the synced data yet; try again after the next sync`,
      );
    }
    return arn;
  }

  private async notify(notification: NotificationSendOptions): Promise<void> {
    try {
      await this.options.listeners.notify(notification);
    } catch (error) {
      // The request stands; the Requests view shows it either way.
      this.options.logger.warn(
        'Could not send a temporary access notification',
        {
          title: notification.payload.title,
          error: String((error as Error)?.message ?? error),
        },
      );
    }
  }
}
