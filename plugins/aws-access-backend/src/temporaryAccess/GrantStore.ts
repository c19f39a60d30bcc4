import {
  AccessGrantState,
  OPEN_ACCESS_GRANT_STATES,
} from '@aws-access/backstage-plugin-aws-access-common';
import { DatabaseService } from '@backstage/backend-plugin-api';
import { Knex } from 'knex';
import { createHash, randomUUID } from 'node:crypto';
import { migratedClient } from '../snapshot/migrate';
import { GrantChanges, GrantQuery, GrantRecord, NewGrant } from './types';

export const GRANTS_TABLE = 'aws_access_grants';
export const GRANT_APPROVERS_TABLE = 'aws_access_grant_approvers';

/** What `list` returns when the query names no limit. */
export const DEFAULT_GRANT_LIST_LIMIT = 200;

/** The outcome of asking for a new request: it, or the open one that stands in its way. */
export type InsertOpenResult =
  | { created: true; grant: GrantRecord }
  | { created: false; existing: GrantRecord };

/** Times are epoch milliseconds; PostgreSQL's driver returns bigint columns as strings. */
type Millis = number | string;

interface GrantRow {
  id: string;
  organization: string;
  account_id: string;
  account_name: string;
  permission_set_name: string;
  permission_set_arn: string;
  requester_ref: string;
  identity_center_user_id: string | null;
  reason: string | null;
  duration_ms: number;
  state: AccessGrantState;
  approver_refs: string;
  decided_by: string | null;
  decision_reason: string | null;
  created_at: Millis;
  decided_at: Millis | null;
  granted_at: Millis | null;
  expires_at: Millis | null;
  removed_at: Millis | null;
  revoked_by: string | null;
  revoked_at: Millis | null;
  revoke_reason: string | null;
  attempts: number;
  next_attempt_at: Millis | null;
  last_error: string | null;
  version: number;
  open_key: string | null;
  due_at: Millis | null;
}

/** How many times an insert that lost to an open request which then closed tries again. */
const INSERT_TRIES = 3;

/**
 * Keeps temporary-access requests and their grants in the plugin's database, for every
 * instance of a cluster. Each change is a compare-and-set on the state and version the
 * caller read, so of two instances (or two approvers) acting on the same grant at once
 * exactly one changes it. One store serves every organisation.
 */
export class GrantStore {
  /** A store on a client whose schema is already migrated (see `create`). */
  constructor(private readonly db: Knex) {}

  static async create(database: DatabaseService): Promise<GrantStore> {
    return new GrantStore(await migratedClient(database));
  }

  /**
   * Records a new request unless the requester already has an open one (a state in
   * `OPEN_ACCESS_GRANT_STATES`) for the same organisation, account and permission set;
   * then it returns that one. Holds across instances: a unique index on a key that is set
   * only while a request is open decides between concurrent inserts.
   */
  async insertOpen(grant: NewGrant, now: Date): Promise<InsertOpenResult> {
    const record: GrantRecord = {
      id: randomUUID(),
      organization: grant.organization,
      accountId: grant.accountId,
      accountName: grant.accountName,
      permissionSetName: grant.permissionSetName,
      permissionSetArn: grant.permissionSetArn,
      requesterRef: grant.requesterRef,
      ...(grant.reason !== undefined && { reason: grant.reason }),
      durationMs: grant.durationMs,
      state: grant.state,
      approverRefs: [...grant.approverRefs],
      ...(grant.decidedBy !== undefined && { decidedBy: grant.decidedBy }),
      createdAt: now,
      ...(grant.state === 'approved' && { decidedAt: now }),
      attempts: 0,
      version: 1,
    };
    const row = toRow(record, now);
    const approvers = [...new Set(record.approverRefs)].map(approverRef => ({
      grant_id: record.id,
      approver_ref: approverRef,
    }));
    for (let tries = 0; tries < INSERT_TRIES; tries++) {
      const created = await this.db.transaction(async tx => {
        // Waits for a concurrent insert of the same key to commit, then does nothing.
        await tx(GRANTS_TABLE).insert(row).onConflict('open_key').ignore();
        if (!(await tx(GRANTS_TABLE).where({ id: record.id }).first('id'))) {
          return false;
        }
        if (approvers.length > 0) {
          await tx(GRANT_APPROVERS_TABLE).insert(approvers);
        }
        return true;
      });
      if (created) {
        return { created: true, grant: record };
      }
      const existing = await this.db<GrantRow>(GRANTS_TABLE)
        .where({ open_key: row.open_key })
        .first();
      if (existing) {
        return { created: false, existing: fromRow(existing) };
      }
      // The open request closed between the two statements: try again.
    }
    throw new Error(
      `Could not record a request for '${grant.permissionSetName}' in account ` +
        `'${grant.accountId}': its open request kept changing`,
    );
  }

  async get(id: string): Promise<GrantRecord | undefined> {
    const row = await this.db<GrantRow>(GRANTS_TABLE).where({ id }).first();
    return row && fromRow(row);
  }

  /**
   * The grants that match every field of the query, newest first. An empty list of states
   * or approvers matches nothing.
   */
  async list(query: GrantQuery): Promise<GrantRecord[]> {
    const select = this.db<GrantRow>(GRANTS_TABLE).select('*');
    if (query.states) {
      select.whereIn('state', query.states);
    }
    if (query.requesterRef !== undefined) {
      select.where('requester_ref', query.requesterRef);
    }
    if (query.organization !== undefined) {
      select.where('organization', query.organization);
    }
    if (query.approverRefsAny) {
      select.whereIn(
        'id',
        this.db(GRANT_APPROVERS_TABLE)
          .select('grant_id')
          .whereIn('approver_ref', query.approverRefsAny),
      );
    }
    const rows: GrantRow[] = await select
      .orderBy([
        { column: 'created_at', order: 'desc' },
        { column: 'id', order: 'desc' },
      ])
      .limit(query.limit ?? DEFAULT_GRANT_LIST_LIMIT);
    return rows.map(fromRow);
  }

  /**
   * Changes a grant if it is still in the state and version the caller read, raising its
   * version. A field of `changes` that is `null` is cleared; one left out or `undefined`
   * keeps its value. Returns undefined when nothing matched (someone else changed it
   * first, or there is no such grant). Leaving the open states frees the requester to ask
   * again; a closed request is never reopened.
   */
  async transition(
    id: string,
    expected: { state: AccessGrantState; version: number },
    changes: GrantChanges,
    now: Date,
  ): Promise<GrantRecord | undefined> {
    const before = await this.get(id);
    if (
      !before ||
      before.state !== expected.state ||
      before.version !== expected.version
    ) {
      return undefined;
    }
    const after = applyChanges(before, changes);
    if (isOpen(after.state) && !isOpen(before.state)) {
      throw new Error(
        `A closed request is never reopened: grant '${id}' is '${before.state}'`,
      );
    }
    const row = toRow(after, now);
    const updated = await this.db(GRANTS_TABLE)
      .where({ id, state: expected.state, version: expected.version })
      .update({
        identity_center_user_id: row.identity_center_user_id,
        state: row.state,
        decided_by: row.decided_by,
        decision_reason: row.decision_reason,
        decided_at: row.decided_at,
        granted_at: row.granted_at,
        expires_at: row.expires_at,
        removed_at: row.removed_at,
        revoked_by: row.revoked_by,
        revoked_at: row.revoked_at,
        revoke_reason: row.revoke_reason,
        attempts: row.attempts,
        next_attempt_at: row.next_attempt_at,
        last_error: row.last_error,
        version: row.version,
        open_key: row.open_key,
        due_at: row.due_at,
      });
    // The version read is unique to that content, so a match means `before` was current.
    return updated === 1 ? after : undefined;
  }

  /**
   * What the worker must act on at `now`, longest due first: `approved` grants;
   * `granting` and `expiring` ones whose lease or retry time has come (or that have none);
   * `active` ones whose expiry has come (or that have none: the safe side is removal).
   */
  async due(now: Date, limit: number): Promise<GrantRecord[]> {
    const rows: GrantRow[] = await this.db<GrantRow>(GRANTS_TABLE)
      .where('due_at', '<=', now.getTime())
      .orderBy([
        { column: 'due_at', order: 'asc' },
        { column: 'id', order: 'asc' },
      ])
      .limit(limit);
    return rows.map(fromRow);
  }

  /** The earliest time anything is or becomes due (possibly past), or undefined if nothing will. */
  async nextDueAt(): Promise<Date | undefined> {
    const result = await this.db(GRANTS_TABLE).min({ next: 'due_at' }).first();
    const next = result?.next as Millis | null | undefined;
    return next === null || next === undefined ? undefined : toDate(next);
  }
}

/** The record after a transition: `null` clears a field, `undefined` leaves it. */
function applyChanges(before: GrantRecord, changes: GrantChanges): GrantRecord {
  const after: Record<string, unknown> = { ...before };
  for (const [key, value] of Object.entries(changes)) {
    if (value === null) {
      delete after[key];
    } else if (value !== undefined) {
      after[key] = value;
    }
  }
  after.version = before.version + 1;
  return after as unknown as GrantRecord;
}

function isOpen(state: AccessGrantState): boolean {
  return OPEN_ACCESS_GRANT_STATES.includes(state);
}

/**
 * The value of the unique `open_key` while a request is open: a digest of what makes two
 * requests the same, fixed in length whatever the refs are.
 */
function openKey(record: GrantRecord): string | null {
  if (!isOpen(record.state)) {
    return null;
  }
  return createHash('sha256')
    .update(
      JSON.stringify([
        record.organization,
        record.accountId,
        record.permissionSetName,
        record.requesterRef,
      ]),
    )
    .digest('hex');
}

/** When the worker must next act on a grant in this state, or null when it has nothing to do. */
function dueAt(record: GrantRecord, now: Date): Date | null {
  switch (record.state) {
    case 'approved':
      return record.decidedAt ?? now;
    case 'granting':
    case 'expiring':
      return record.nextAttemptAt ?? now;
    case 'active':
      return record.expiresAt ?? now;
    default:
      return null;
  }
}

function millis(date: Date | undefined | null): number | null {
  return date ? date.getTime() : null;
}

function toDate(value: Millis): Date {
  return new Date(Number(value));
}

function toRow(record: GrantRecord, now: Date): GrantRow {
  return {
    id: record.id,
    organization: record.organization,
    account_id: record.accountId,
    account_name: record.accountName,
    permission_set_name: record.permissionSetName,
    permission_set_arn: record.permissionSetArn,
    requester_ref: record.requesterRef,
    identity_center_user_id: record.identityCenterUserId ?? null,
    reason: record.reason ?? null,
    duration_ms: record.durationMs,
    state: record.state,
    approver_refs: JSON.stringify(record.approverRefs),
    decided_by: record.decidedBy ?? null,
    decision_reason: record.decisionReason ?? null,
    created_at: record.createdAt.getTime(),
    decided_at: millis(record.decidedAt),
    granted_at: millis(record.grantedAt),
    expires_at: millis(record.expiresAt),
    removed_at: millis(record.removedAt),
    revoked_by: record.revokedBy ?? null,
    revoked_at: millis(record.revokedAt),
    revoke_reason: record.revokeReason ?? null,
    attempts: record.attempts,
    next_attempt_at: millis(record.nextAttemptAt),
    last_error: record.lastError ?? null,
    version: record.version,
    open_key: openKey(record),
    due_at: millis(dueAt(record, now)),
  };
}

function fromRow(row: GrantRow): GrantRecord {
  const optionalDate = (value: Millis | null) =>
    value === null ? undefined : toDate(value);
  return withoutUndefined({
    id: row.id,
    organization: row.organization,
    accountId: row.account_id,
    accountName: row.account_name,
    permissionSetName: row.permission_set_name,
    permissionSetArn: row.permission_set_arn,
    requesterRef: row.requester_ref,
    identityCenterUserId: row.identity_center_user_id ?? undefined,
    reason: row.reason ?? undefined,
    durationMs: Number(row.duration_ms),
    state: row.state,
    approverRefs: JSON.parse(row.approver_refs),
    decidedBy: row.decided_by ?? undefined,
    decisionReason: row.decision_reason ?? undefined,
    createdAt: toDate(row.created_at),
    decidedAt: optionalDate(row.decided_at),
    grantedAt: optionalDate(row.granted_at),
    expiresAt: optionalDate(row.expires_at),
    removedAt: optionalDate(row.removed_at),
    revokedBy: row.revoked_by ?? undefined,
    revokedAt: optionalDate(row.revoked_at),
    revokeReason: row.revoke_reason ?? undefined,
    attempts: Number(row.attempts),
    nextAttemptAt: optionalDate(row.next_attempt_at),
    lastError: row.last_error ?? undefined,
    version: Number(row.version),
  });
}

/** The record without its empty optional fields, as `get` returns it. */
function withoutUndefined(record: GrantRecord): GrantRecord {
  return Object.fromEntries(
    Object.entries(record).filter(([, value]) => value !== undefined),
  ) as unknown as GrantRecord;
}
