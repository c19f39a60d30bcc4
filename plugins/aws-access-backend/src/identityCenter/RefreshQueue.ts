import { RefreshTarget, targetKey } from './refreshTargets';

/** A target waiting to be read, with what the events behind it expect to see. */
export interface PendingRefresh {
  target: RefreshTarget;
  /** Assignments the events made or removed, by `account|permission set`: true if made. */
  expected: Map<string, boolean>;
  /** The earliest event behind this request, for the status' lag. */
  eventTime?: Date;
  /** Reads so far that did not yet show an expected change. */
  rechecks: number;
  notBefore: number;
}

/** What a batch step reports back to the queue. */
export interface BatchOutcome {
  /** Entries whose listing did not show their change yet: read again later. */
  recheck: PendingRefresh[];
  /** What each principal's applied listing showed, by target key. */
  listings: Array<[string, Set<string>]>;
}

/** Listings remembered to drop late duplicates; beyond it they are forgotten (and read again). */
const MAX_REMEMBERED_LISTINGS = 10_000;

/** Entries due this close after a batch starts join it rather than wait for the next. */
const SAME_MOMENT_MS = 20;

/** The key of one expected assignment: `account|permission set ARN`. */
export const expectationKey = (e: {
  accountId: string;
  permissionSetArn: string;
}) => `${e.accountId}|${e.permissionSetArn}`;

/**
 * Collects refresh requests and hands them to a batch step once they have settled.
 * Requests for the same target coalesce until their read starts; a late copy of a change
 * the last listing already showed is dropped (SQS delivers at least once, and a burst's
 * stragglers arrive after their principal was read). One batch runs at a time; a batch
 * that fails (the database restarting, Identity Center unreachable) is tried again.
 */
export class RefreshQueue {
  private readonly pending = new Map<string, PendingRefresh>();
  private readonly lastListings = new Map<string, Set<string>>();
  private timer?: ReturnType<typeof setTimeout>;
  private running?: Promise<void>;
  private stopped = false;
  /** Batches failed since the last one that went through; retries wait longer each time. */
  private failedInARow = 0;

  constructor(
    private readonly options: {
      /** How long to collect requests before the batch that reads them. */
      settleMs: number;
      /** Wait before reading again a target whose listing does not show its change. */
      recheckMs: number;
      /** Reads the batch and writes what it read. */
      step: (batch: PendingRefresh[]) => Promise<BatchOutcome>;
      /** A batch that failed; its entries are read again after a growing delay. */
      onError: (error: Error) => void;
    },
  ) {}

  /** Asks for a target to be re-read; returns at once. */
  request(target: RefreshTarget, eventTime?: Date): void {
    if (this.stopped) {
      return;
    }
    const key = targetKey(target);
    if (
      target.kind === 'principal' &&
      target.expect &&
      !this.pending.has(key) &&
      this.lastListings.get(key)?.has(expectationKey(target.expect)) ===
        target.expect.present
    ) {
      return;
    }
    let entry = this.pending.get(key);
    if (!entry) {
      entry = {
        target,
        expected: new Map(),
        rechecks: 0,
        notBefore: Date.now() + this.options.settleMs,
      };
      this.pending.set(key, entry);
    }
    if (target.kind === 'principal' && target.expect) {
      // The later event about the same assignment wins: made then removed is removed.
      entry.expected.delete(expectationKey(target.expect));
      entry.expected.set(expectationKey(target.expect), target.expect.present);
    }
    if (eventTime && (!entry.eventTime || eventTime < entry.eventTime)) {
      entry.eventTime = eventTime;
    }
    this.schedule();
  }

  /** How many targets wait to be read. */
  get size(): number {
    return this.pending.size;
  }

  /** Resolves once nothing is pending or being read. */
  async whenIdle(): Promise<void> {
    while (this.running || this.timer) {
      await (this.running ??
        new Promise(resolve => setTimeout(resolve, this.options.settleMs)));
    }
  }

  /** Drops what is pending; a batch under way still finishes. */
  stop(): void {
    this.stopped = true;
    this.pending.clear();
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
  }

  private schedule(): void {
    if (this.timer || this.running || this.pending.size === 0) {
      return;
    }
    const next = Math.min(...[...this.pending.values()].map(p => p.notBefore));
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.running = this.runBatch()
        .catch(error => this.options.onError(error as Error))
        .finally(() => {
          this.running = undefined;
          this.schedule();
        });
    }, Math.max(0, next - Date.now()));
  }

  private async runBatch(): Promise<void> {
    // Requests made a few milliseconds apart (one burst of events) share the batch.
    const dueBy = Date.now() + SAME_MOMENT_MS;
    const batch = [...this.pending.entries()].filter(
      ([, p]) => p.notBefore <= dueBy,
    );
    for (const [key] of batch) {
      this.pending.delete(key);
    }
    let outcome: BatchOutcome;
    try {
      outcome = await this.options.step(batch.map(([, p]) => p));
      this.failedInARow = 0;
    } catch (error) {
      // The events behind the batch are gone from the queue and the next full sync may be
      // half an hour off: read it again once the database or Identity Center is back.
      this.failedInARow++;
      const delayMs =
        this.options.recheckMs * Math.min(2 ** (this.failedInARow - 1), 30);
      // One moment for the whole batch, so that it is read again as one batch.
      const notBefore = Date.now() + delayMs;
      batch.forEach(([, entry]) => this.requeue(entry, notBefore, false));
      throw error;
    }
    const { recheck, listings } = outcome;
    for (const [key, listing] of listings) {
      if (this.lastListings.size >= MAX_REMEMBERED_LISTINGS) {
        this.lastListings.clear();
      }
      this.lastListings.set(key, listing);
    }
    const notBefore = Date.now() + this.options.recheckMs;
    recheck.forEach(entry => this.requeue(entry, notBefore, true));
  }

  /**
   * @param counted - whether this is a recheck (the listing did not show the change yet),
   *   which the batch step limits, or a retry after a failed batch, which it does not
   */
  private requeue(
    entry: PendingRefresh,
    notBefore: number,
    counted: boolean,
  ): void {
    if (this.stopped) {
      return;
    }
    const key = targetKey(entry.target);
    const newer = this.pending.get(key);
    if (newer) {
      // Events that came in meanwhile add their expectations to the recheck.
      for (const [k, v] of newer.expected) {
        entry.expected.set(k, v);
      }
    }
    this.pending.set(key, {
      ...entry,
      rechecks: entry.rechecks + (counted ? 1 : 0),
      notBefore,
    });
  }
}
