import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { Knex } from 'knex';
import { AccessSnapshot } from './types';

const STATE_ID = 'identity-center';

/** What a sync reports besides the snapshot. */
export interface SyncDetails {
  calls: Record<string, number>;
  warnings: string[];
  assignmentsMethod?: string;
  durationMs?: number;
}

/** What `GET /status` reports. */
export interface SyncStatus {
  lastAttemptAt?: string;
  lastSuccessAt?: string;
  lastError?: string;
  counts?: {
    accounts: number;
    permissionSets: number;
    groups: number;
    assignments: number;
  };
  details?: SyncDetails;
}

interface StateRow {
  id: string;
  snapshot_id: number | null;
  last_attempt_at: string | Date | null;
  last_success_at: string | Date | null;
  last_error: string | null;
  details: string | null;
}

const iso = (value: string | Date | null) =>
  value === null ? undefined : new Date(value).toISOString();

function countsOf(snapshot: AccessSnapshot) {
  return {
    accounts: snapshot.accounts.length,
    permissionSets: snapshot.permissionSets.length,
    groups: snapshot.groups.length,
    assignments: snapshot.assignments.length,
  };
}

/**
 * Keeps the synced snapshot in the plugin's database. Writers replace the served snapshot
 * atomically; readers keep the parsed snapshot in memory and only re-read it when the
 * pointer moves, so a request costs one small query.
 */
export class SnapshotStore {
  private cached?: { id: number; snapshot: AccessSnapshot; checkedAt: number };

  /**
   * @param pointerTtlMs - how long a read trusts the last look at the pointer; bounds how
   *   late another instance's sync becomes visible here
   */
  private constructor(
    private readonly db: Knex,
    private readonly pointerTtlMs: number,
  ) {}

  static async create(
    database: DatabaseService,
    options: { pointerTtlMs?: number } = {},
  ): Promise<SnapshotStore> {
    const client = await database.getClient();
    if (!database.migrations?.skip) {
      await client.migrate.latest({
        directory: resolvePackagePath(
          '@aws-access/backstage-plugin-aws-access-backend',
          'migrations',
        ),
      });
    }
    return new SnapshotStore(client, options.pointerTtlMs ?? 1000);
  }

  /** The served snapshot, or undefined before the first successful sync. */
  async getSnapshot(): Promise<AccessSnapshot | undefined> {
    if (this.cached && Date.now() - this.cached.checkedAt < this.pointerTtlMs) {
      return this.cached.snapshot;
    }
    // A sync may replace the row between the two reads; then follow the new pointer.
    for (let attempt = 0; attempt < 3; attempt++) {
      const state = await this.db<StateRow>('aws_access_sync_state')
        .where({ id: STATE_ID })
        .first('snapshot_id');
      const id = state?.snapshot_id ?? undefined;
      if (id === undefined) {
        return undefined;
      }
      if (this.cached?.id === id) {
        this.cached.checkedAt = Date.now();
        return this.cached.snapshot;
      }
      const row = await this.db('aws_access_snapshots')
        .where({ id })
        .first('data');
      if (row) {
        this.cached = {
          id,
          snapshot: JSON.parse(row.data),
          checkedAt: Date.now(),
        };
        return this.cached.snapshot;
      }
    }
    return this.cached?.snapshot;
  }

  async recordAttempt(at: Date): Promise<void> {
    await this.upsertState({ last_attempt_at: at });
  }

  /** Stores a complete snapshot and serves it from now on; older snapshots are removed. */
  async replaceSnapshot(
    snapshot: AccessSnapshot,
    details: SyncDetails,
    at: Date,
  ) {
    await this.db.transaction(async tx => {
      const [inserted] = await tx('aws_access_snapshots')
        .insert({ data: JSON.stringify(snapshot), created_at: at })
        .returning('id');
      const id = typeof inserted === 'object' ? inserted.id : inserted;
      await this.upsertState(
        {
          snapshot_id: id,
          last_success_at: at,
          last_error: null,
          details: JSON.stringify({ counts: countsOf(snapshot), ...details }),
        },
        tx,
      );
      await tx('aws_access_snapshots').whereNot({ id }).delete();
    });
  }

  /** Records a failed sync; the served snapshot stays as it was. */
  async recordFailure(message: string, details: SyncDetails): Promise<void> {
    const state = await this.readState();
    const previous = state?.details ? JSON.parse(state.details) : {};
    await this.upsertState({
      last_error: message,
      details: JSON.stringify({ counts: previous.counts, ...details }),
    });
  }

  async getStatus(): Promise<SyncStatus> {
    const state = await this.readState();
    if (!state) {
      return {};
    }
    const { counts, ...details } = state.details
      ? JSON.parse(state.details)
      : {};
    return {
      lastAttemptAt: iso(state.last_attempt_at),
      lastSuccessAt: iso(state.last_success_at),
      ...(state.last_error && { lastError: state.last_error }),
      ...(counts && { counts }),
      ...(state.details && { details }),
    };
  }

  private readState() {
    return this.db<StateRow>('aws_access_sync_state')
      .where({ id: STATE_ID })
      .first();
  }

  private async upsertState(
    values: Partial<StateRow> | Record<string, unknown>,
    tx: Knex = this.db,
  ) {
    await tx('aws_access_sync_state')
      .insert({ id: STATE_ID, ...values })
      .onConflict('id')
      .merge(Object.keys(values));
  }
}
