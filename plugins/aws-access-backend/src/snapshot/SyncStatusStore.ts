import { DatabaseService } from '@backstage/backend-plugin-api';
import { Knex } from 'knex';
import {
  STATE_TABLE,
  checkOrganization,
  ensureStateRow,
  migratedClient,
} from './migrate';

/** What a sync reports besides the snapshot. */
export interface SyncDetails {
  calls: Record<string, number>;
  warnings: string[];
  assignmentsMethod?: string;
  durationMs?: number;
}

/** What the sync and the refreshes have recorded about themselves. */
export interface SyncStatus {
  lastAttemptAt?: string;
  lastSuccessAt?: string;
  lastError?: string;
  details?: SyncDetails;
  /** When an incremental refresh last changed the snapshot. */
  lastChangeAt?: string;
  /** From the event's time to the snapshot write of that change. */
  lastChangeLagMs?: number;
}

interface StatusRow {
  last_attempt_at: string | Date | null;
  last_success_at: string | Date | null;
  last_error: string | null;
  details: string | null;
  last_change_at: string | Date | null;
  last_change_lag_ms: number | null;
}

const iso = (value: string | Date | null) =>
  value === null ? undefined : new Date(value).toISOString();

/**
 * Keeps the status of one organisation's sync in the plugin's database, for every instance
 * of a cluster to report: the last attempt, success and error of the full sync, and the
 * last change applied from events with its lag. It never touches the snapshot itself, nor
 * another organisation's status.
 */
export class SyncStatusStore {
  private constructor(
    private readonly db: Knex,
    /** The id of the organisation whose sync this store reports. */
    readonly organization: string,
  ) {}

  static async create(
    database: DatabaseService,
    options: { organization: string },
  ): Promise<SyncStatusStore> {
    const organization = checkOrganization(options.organization);
    return new SyncStatusStore(await migratedClient(database), organization);
  }

  async recordAttempt(at: Date): Promise<void> {
    await this.update({ last_attempt_at: at });
  }

  /** A full sync whose snapshot is now served; clears the last error. */
  async recordSuccess(at: Date, details: SyncDetails): Promise<void> {
    await this.update({
      last_success_at: at,
      last_error: null,
      details: JSON.stringify(details),
    });
  }

  /** A failed sync; the served snapshot stays as it was. */
  async recordFailure(message: string, details: SyncDetails): Promise<void> {
    await this.update({
      last_error: message,
      details: JSON.stringify(details),
    });
  }

  /**
   * A change from events written into the served snapshot.
   *
   * @param eventTime - when the change happened (the event's time), for the lag
   */
  async recordChange(at: Date, eventTime?: Date): Promise<void> {
    await this.update({
      last_change_at: at,
      last_change_lag_ms: eventTime
        ? Math.max(0, at.getTime() - eventTime.getTime())
        : null,
    });
  }

  async getStatus(): Promise<SyncStatus> {
    const state = await this.db<StatusRow & { id: string }>(STATE_TABLE)
      .where({ id: this.organization })
      .first();
    if (!state) {
      return {};
    }
    return {
      ...(state.last_attempt_at && {
        lastAttemptAt: iso(state.last_attempt_at),
      }),
      ...(state.last_success_at && {
        lastSuccessAt: iso(state.last_success_at),
      }),
      ...(state.last_error && { lastError: state.last_error }),
      ...(state.details && { details: JSON.parse(state.details) }),
      ...(state.last_change_at && {
        lastChangeAt: iso(state.last_change_at),
      }),
      ...(state.last_change_lag_ms !== null &&
        state.last_change_lag_ms !== undefined && {
          lastChangeLagMs: state.last_change_lag_ms,
        }),
    };
  }

  private async update(values: Partial<StatusRow>): Promise<void> {
    await ensureStateRow(this.db, this.organization);
    await this.db(STATE_TABLE).where({ id: this.organization }).update(values);
  }
}
