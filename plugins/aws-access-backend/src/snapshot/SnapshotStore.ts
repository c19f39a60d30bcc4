import { DatabaseService } from '@backstage/backend-plugin-api';
import { ServiceUnavailableError } from '@backstage/errors';
import { Knex } from 'knex';
import {
  SNAPSHOTS_TABLE,
  STATE_TABLE,
  checkOrganization,
  ensureStateRow,
  migratedClient,
} from './migrate';
import { AccessSnapshot } from './types';
import {
  Freshness,
  NO_FRESHNESS,
  ReadPart,
  Version,
  versionAfterFullRead,
  versionAfterParts,
} from './versionRules';

export type { ReadPart } from './versionRules';

/** What became of a batch of parts. */
export interface ApplyResult {
  /** Parts written into the new snapshot. */
  applied: number;
  /** Parts dropped because the snapshot already held a newer read of them. */
  outdated: number;
  /** Whether a new snapshot version is served (false when nothing changed or no snapshot exists yet). */
  written: boolean;
}

interface PointerRow {
  snapshot_id: number | null;
  read_seq: number | string;
  freshness: string | null;
}

/** The served version as a writer sees it, to compute the next one from. */
interface Current {
  id?: number;
  snapshot?: AccessSnapshot;
  freshness: Freshness;
}

/** Thrown inside the write transaction to roll it back when another writer won the race. */
class LostRace extends Error {}

const MAX_WRITE_ATTEMPTS = 50;

/**
 * Keeps the versions of one organisation's synced snapshot in the plugin's database.
 * Writers replace the served snapshot atomically; readers keep the parsed snapshot in
 * memory and only re-read it when the pointer moves, so a request costs one small query.
 * Which write wins is decided by the pure rules in `versionRules`. Every row it reads or
 * writes is its organisation's: stores of other organisations on the same database never
 * see, replace or remove its snapshots, and its read sequence is its own.
 */
export class SnapshotStore {
  private cached?: { id: number; snapshot: AccessSnapshot; checkedAt: number };

  /**
   * @param pointerTtlMs - how long a read trusts the last look at the pointer; bounds how
   *   late another instance's sync becomes visible here
   */
  private constructor(
    private readonly db: Knex,
    /** The id of the organisation whose snapshots this store keeps. */
    readonly organization: string,
    private readonly pointerTtlMs: number,
  ) {}

  static async create(
    database: DatabaseService,
    options: { organization: string; pointerTtlMs?: number },
  ): Promise<SnapshotStore> {
    const organization = checkOrganization(options.organization);
    return new SnapshotStore(
      await migratedClient(database),
      organization,
      options.pointerTtlMs ?? 1000,
    );
  }

  /**
   * The served snapshot, or undefined before the first successful sync. While the
   * database cannot be read (a restart, a failover) the version read last is served;
   * without one, the error is a ServiceUnavailableError (503), not a fault.
   */
  async getSnapshot(): Promise<AccessSnapshot | undefined> {
    if (this.cached && Date.now() - this.cached.checkedAt < this.pointerTtlMs) {
      return this.cached.snapshot;
    }
    try {
      return await this.readSnapshot();
    } catch (error) {
      if (this.cached) {
        return this.cached.snapshot;
      }
      throw new ServiceUnavailableError(
        `The AWS access snapshot cannot be read right now: ${String(
          (error as Error)?.message ?? error,
        )}`,
      );
    }
  }

  private async readSnapshot(): Promise<AccessSnapshot | undefined> {
    // A sync may replace the row between the two reads; then follow the new pointer.
    for (let attempt = 0; attempt < 3; attempt++) {
      const id = (await this.readPointer())?.snapshot_id ?? undefined;
      if (id === undefined) {
        return undefined;
      }
      if (this.cached?.id === id) {
        this.cached.checkedAt = Date.now();
        return this.cached.snapshot;
      }
      const snapshot = await this.loadSnapshot(id);
      if (snapshot) {
        this.cached = { id, snapshot, checkedAt: Date.now() };
        return snapshot;
      }
    }
    return this.cached?.snapshot;
  }

  /**
   * Numbers a read from Identity Center before it starts, cluster-wide: data read after
   * this call reflects every change made before it, so higher numbers mean newer data.
   */
  async beginRead(): Promise<number> {
    await ensureStateRow(this.db, this.organization);
    return this.db.transaction(async tx => {
      await tx(STATE_TABLE)
        .where({ id: this.organization })
        .increment('read_seq', 1);
      const row = await tx<PointerRow & { id: string }>(STATE_TABLE)
        .where({ id: this.organization })
        .first('read_seq');
      return Number(row!.read_seq);
    });
  }

  /**
   * Stores a complete snapshot from a full read and serves it from now on; older versions
   * are removed. Parts refreshed from reads begun after `readSeq` are carried over, and
   * the snapshot is dropped if a full read begun later is already served.
   *
   * @param readSeq - from `beginRead` before the read; a new number when absent
   * @returns the snapshot now served, or undefined when the read lost to a newer one
   */
  async replaceSnapshot(
    snapshot: AccessSnapshot,
    readSeq?: number,
  ): Promise<AccessSnapshot | undefined> {
    const seq = readSeq ?? (await this.beginRead());
    return this.compareAndSwap(current =>
      versionAfterFullRead(current, snapshot, seq),
    );
  }

  /**
   * Writes the parts an incremental refresh read as one new complete snapshot version.
   * A part older than what the snapshot holds for it is dropped; before the first full
   * sync there is nothing to patch and the parts are dropped too.
   */
  async applyParts(parts: ReadPart[]): Promise<ApplyResult> {
    let counts = { applied: 0, outdated: 0 };
    const written = await this.compareAndSwap(current => {
      const { version, ...outcome } = versionAfterParts(current, parts);
      counts = outcome;
      return version;
    });
    return { ...counts, written: written !== undefined };
  }

  /**
   * Read the served version, compute the next one, and move the pointer only if it still
   * points where it did: a writer that lost the race computes again from the winner's
   * version, so no write is ever lost or built on a replaced snapshot.
   */
  private async compareAndSwap(
    compute: (current: Current) => Version | undefined,
  ): Promise<AccessSnapshot | undefined> {
    await ensureStateRow(this.db, this.organization);
    for (let attempt = 0; attempt < MAX_WRITE_ATTEMPTS; attempt++) {
      const pointer = await this.readPointer();
      const currentId = pointer?.snapshot_id ?? undefined;
      const current: Current = {
        id: currentId,
        snapshot:
          currentId === undefined
            ? undefined
            : await this.loadSnapshot(currentId),
        freshness: pointer?.freshness
          ? (JSON.parse(pointer.freshness) as Freshness)
          : NO_FRESHNESS,
      };
      if (currentId !== undefined && !current.snapshot) {
        continue; // replaced between the two reads
      }
      const next = compute(current);
      if (!next) {
        return undefined;
      }
      try {
        const id = await this.db.transaction(async tx => {
          const [inserted] = await tx(SNAPSHOTS_TABLE)
            .insert({
              organization: this.organization,
              data: JSON.stringify(next.snapshot),
              created_at: new Date(),
            })
            .returning('id');
          const newId: number =
            typeof inserted === 'object' ? inserted.id : inserted;
          const swapped = await tx(STATE_TABLE)
            .where({ id: this.organization })
            .andWhere(q =>
              currentId === undefined
                ? q.whereNull('snapshot_id')
                : q.where('snapshot_id', currentId),
            )
            .update({
              snapshot_id: newId,
              freshness: JSON.stringify(next.freshness),
            });
          if (swapped === 0) {
            throw new LostRace();
          }
          await tx(SNAPSHOTS_TABLE)
            .where({ organization: this.organization })
            .whereNot({ id: newId })
            .delete();
          return newId;
        });
        this.cached = { id, snapshot: next.snapshot, checkedAt: Date.now() };
        return next.snapshot;
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

  private readPointer() {
    return this.db<PointerRow & { id: string }>(STATE_TABLE)
      .where({ id: this.organization })
      .first('snapshot_id', 'freshness');
  }

  private async loadSnapshot(id: number): Promise<AccessSnapshot | undefined> {
    if (this.cached?.id === id) {
      return this.cached.snapshot;
    }
    const row = await this.db(SNAPSHOTS_TABLE)
      .where({ id, organization: this.organization })
      .first('data');
    return row ? JSON.parse(row.data) : undefined;
  }
}
