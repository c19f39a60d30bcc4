import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { Knex } from 'knex';
import { SnapshotPart, applyPart, extractPart, partKey } from './snapshotParts';
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
  /** When an incremental refresh last changed the snapshot. */
  lastChangeAt?: string;
  /** From the event's time to the snapshot write of that change. */
  lastChangeLagMs?: number;
}

/** A part an incremental refresh read, with the read sequence taken before reading it. */
export interface ReadPart {
  part: SnapshotPart;
  readSeq: number;
}

/** What became of a batch of parts. */
export interface ApplyResult {
  /** Parts written into the new snapshot. */
  applied: number;
  /** Parts dropped because the snapshot already held a newer read of them. */
  outdated: number;
  /** Whether a new snapshot version is served (false when nothing changed or no snapshot exists yet). */
  written: boolean;
}

/**
 * Which read each piece of the served snapshot came from: the full sync's read, and for
 * each part refreshed since then, that part's read. Reads are numbered cluster-wide.
 */
interface Freshness {
  fullRead: number;
  parts: Record<string, number>;
}

interface StateRow {
  id: string;
  snapshot_id: number | null;
  last_attempt_at: string | Date | null;
  last_success_at: string | Date | null;
  last_error: string | null;
  details: string | null;
  read_seq: number | string;
  freshness: string | null;
  last_change_at: string | Date | null;
  last_change_lag_ms: number | null;
}

interface NextVersion {
  snapshot: AccessSnapshot;
  freshness: Freshness;
  state: Record<string, unknown>;
}

/** Thrown inside the write transaction to roll it back when another writer won the race. */
class LostRace extends Error {}

const MAX_WRITE_ATTEMPTS = 50;

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

  /**
   * Numbers a read from Identity Center before it starts, cluster-wide: data read after
   * this call reflects every change made before it, so higher numbers mean newer data.
   */
  async beginRead(): Promise<number> {
    await this.ensureStateRow();
    return this.db.transaction(async tx => {
      await tx('aws_access_sync_state')
        .where({ id: STATE_ID })
        .increment('read_seq', 1);
      const row = await tx<StateRow>('aws_access_sync_state')
        .where({ id: STATE_ID })
        .first('read_seq');
      return Number(row!.read_seq);
    });
  }

  /**
   * Stores a complete snapshot from a full read and serves it from now on; older snapshots
   * are removed. Parts refreshed from reads begun after `readSeq` are carried over, and
   * the snapshot is dropped if a full read begun later is already served.
   *
   * @param readSeq - from `beginRead` before the read; a new number when absent
   * @returns whether the snapshot is served
   */
  async replaceSnapshot(
    snapshot: AccessSnapshot,
    details: SyncDetails,
    at: Date,
    readSeq?: number,
  ): Promise<boolean> {
    const seq = readSeq ?? (await this.beginRead());
    const written = await this.compareAndSwap(current => {
      if (current.freshness.fullRead > seq) {
        return undefined;
      }
      let next = snapshot;
      const parts: Record<string, number> = {};
      for (const [key, partSeq] of Object.entries(current.freshness.parts)) {
        const newer = partSeq > seq && extractPart(current.snapshot!, key);
        if (newer) {
          next = applyPart(next, newer);
          parts[key] = partSeq;
        }
      }
      return {
        snapshot: next,
        freshness: { fullRead: seq, parts },
        state: {
          last_success_at: at,
          last_error: null,
          details: JSON.stringify({ counts: countsOf(next), ...details }),
        },
      };
    });
    return written;
  }

  /**
   * Writes the parts an incremental refresh read as one new complete snapshot version.
   * A part older than what the snapshot holds for it is dropped; before the first full
   * sync there is nothing to patch and the parts are dropped too.
   *
   * @param change - when the change happened (the event's time), for the status' lag
   */
  async applyParts(
    parts: ReadPart[],
    at: Date,
    change?: { eventTime?: Date },
  ): Promise<ApplyResult> {
    let result: ApplyResult = { applied: 0, outdated: 0, written: false };
    const written = await this.compareAndSwap(current => {
      result = { applied: 0, outdated: 0, written: false };
      if (!current.snapshot) {
        result.outdated = parts.length;
        return undefined;
      }
      let next = current.snapshot;
      const freshnessParts = { ...current.freshness.parts };
      for (const { part, readSeq } of parts) {
        const key = partKey(part);
        if (readSeq < (freshnessParts[key] ?? current.freshness.fullRead)) {
          result.outdated++;
          continue;
        }
        next = applyPart(next, part);
        freshnessParts[key] = readSeq;
        result.applied++;
      }
      if (result.applied === 0) {
        return undefined;
      }
      const previous = current.details ? JSON.parse(current.details) : {};
      return {
        snapshot: next,
        freshness: { ...current.freshness, parts: freshnessParts },
        state: {
          last_change_at: at,
          last_change_lag_ms: change?.eventTime
            ? Math.max(0, at.getTime() - change.eventTime.getTime())
            : null,
          details: JSON.stringify({ ...previous, counts: countsOf(next) }),
        },
      };
    });
    return { ...result, written };
  }

  /**
   * Read the served version, compute the next one, and move the pointer only if it still
   * points where it did: a writer that lost the race computes again from the winner's
   * version, so no write is ever lost or built on a replaced snapshot.
   */
  private async compareAndSwap(
    compute: (current: {
      id?: number;
      snapshot?: AccessSnapshot;
      freshness: Freshness;
      details: string | null;
    }) => NextVersion | undefined,
  ): Promise<boolean> {
    await this.ensureStateRow();
    for (let attempt = 0; attempt < MAX_WRITE_ATTEMPTS; attempt++) {
      const state = await this.readState();
      const currentId = state?.snapshot_id ?? undefined;
      const current = {
        id: currentId,
        snapshot:
          currentId === undefined
            ? undefined
            : await this.loadSnapshot(currentId),
        freshness: state?.freshness
          ? (JSON.parse(state.freshness) as Freshness)
          : { fullRead: 0, parts: {} },
        details: state?.details ?? null,
      };
      if (currentId !== undefined && !current.snapshot) {
        continue; // replaced between the two reads
      }
      const next = compute(current);
      if (!next) {
        return false;
      }
      try {
        const id = await this.db.transaction(async tx => {
          const [inserted] = await tx('aws_access_snapshots')
            .insert({
              data: JSON.stringify(next.snapshot),
              created_at: new Date(),
            })
            .returning('id');
          const newId: number =
            typeof inserted === 'object' ? inserted.id : inserted;
          const swapped = await tx('aws_access_sync_state')
            .where({ id: STATE_ID })
            .andWhere(q =>
              currentId === undefined
                ? q.whereNull('snapshot_id')
                : q.where('snapshot_id', currentId),
            )
            .update({
              snapshot_id: newId,
              freshness: JSON.stringify(next.freshness),
              ...next.state,
            });
          if (swapped === 0) {
            throw new LostRace();
          }
          await tx('aws_access_snapshots').whereNot({ id: newId }).delete();
          return newId;
        });
        this.cached = { id, snapshot: next.snapshot, checkedAt: Date.now() };
        return true;
      } catch (error) {
        if (!(error instanceof LostRace)) {
          throw error;
        }
        // Spread the retries of writers that keep colliding.
        await new Promise(r => setTimeout(r, Math.random() * 20 * attempt));
      }
    }
    throw new Error(
      `The snapshot changed under ${MAX_WRITE_ATTEMPTS} write attempts in a row`,
    );
  }

  private async loadSnapshot(id: number): Promise<AccessSnapshot | undefined> {
    if (this.cached?.id === id) {
      return this.cached.snapshot;
    }
    const row = await this.db('aws_access_snapshots')
      .where({ id })
      .first('data');
    return row ? JSON.parse(row.data) : undefined;
  }

  private async ensureStateRow(): Promise<void> {
    await this.db('aws_access_sync_state')
      .insert({ id: STATE_ID })
      .onConflict('id')
      .ignore();
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
      ...(state.last_change_at && {
        lastChangeAt: iso(state.last_change_at),
      }),
      ...(state.last_change_lag_ms !== null &&
        state.last_change_lag_ms !== undefined && {
          lastChangeLagMs: state.last_change_lag_ms,
        }),
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
