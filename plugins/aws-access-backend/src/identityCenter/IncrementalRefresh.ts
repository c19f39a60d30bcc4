import { LoggerService } from '@backstage/backend-plugin-api';
import { SnapshotStore, ReadPart } from '../snapshot/SnapshotStore';
import { AccessSnapshot } from '../snapshot/types';
import { RawAssignment } from './assignmentStrategies';
import { IdentityCenterReader, TargetRead } from './IdentityCenterReader';
import { RefreshTarget, targetKey } from './refreshTargets';

type Expectation = { accountId: string; permissionSetArn: string };

interface Pending {
  target: RefreshTarget;
  /** Assignments the events made or removed, by `account|permission set`: true if made. */
  expected: Map<string, boolean>;
  /** The earliest event behind this request, for the status' lag. */
  eventTime?: Date;
  /** Reads so far that did not yet show an expected change. */
  rechecks: number;
  notBefore: number;
}

export interface IncrementalRefreshOptions {
  reader: Pick<IdentityCenterReader, 'readTargets'>;
  store: Pick<SnapshotStore, 'getSnapshot' | 'beginRead' | 'applyParts'>;
  logger: LoggerService;
  /**
   * How long to collect events before reading: a burst (a Terraform apply) becomes one
   * read per principal, and assignment changes, still in progress when their event
   * fires, have time to land.
   */
  settleMs: number;
  /** Wait before reading again a principal whose listing does not show its change yet. */
  recheckMs: number;
  /** Reads again at most this many times; after that the listing is taken as it is. */
  maxRechecks: number;
  /** Called after a refresh served a new snapshot. */
  onChange?: () => void;
}

/** Listings remembered to drop late duplicates; beyond it they are forgotten (and read again). */
const MAX_REMEMBERED_LISTINGS = 10_000;

const expectationKey = (e: Expectation) =>
  `${e.accountId}|${e.permissionSetArn}`;

/**
 * Re-reads just what events name and writes it as a new snapshot version. Requests for
 * the same target coalesce until their read starts; reads go through the reader, whose
 * pacers the full sync shares, so both together keep to the sso-admin budget.
 */
export class IncrementalRefresh {
  private readonly pending = new Map<string, Pending>();
  /** What the last applied listing of each principal showed, by `account|permission set`. */
  private readonly lastListings = new Map<string, Set<string>>();
  private timer?: ReturnType<typeof setTimeout>;
  private running?: Promise<void>;
  private stopped = false;

  constructor(private readonly options: IncrementalRefreshOptions) {}

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
      // A late copy of a change the last listing already showed: SQS delivers at least
      // once, and a burst's stragglers arrive after their principal was read.
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

  /** Resolves once nothing is pending or being read. */
  async whenIdle(): Promise<void> {
    while (this.running || this.timer) {
      await (this.running ??
        new Promise(resolve => setTimeout(resolve, this.options.settleMs)));
    }
  }

  /** Drops what is pending; a read under way still finishes. */
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
      this.running = this.drain()
        .catch(error =>
          // The scheduled full sync repairs whatever this batch missed.
          this.options.logger.error('Incremental refresh failed', {
            error: `${(error as Error).name}: ${(error as Error).message}`,
          }),
        )
        .finally(() => {
          this.running = undefined;
          this.schedule();
        });
    }, Math.max(0, next - Date.now()));
  }

  private async drain(): Promise<void> {
    const now = Date.now();
    const batch = [...this.pending.entries()].filter(
      ([, p]) => p.notBefore <= now,
    );
    for (const [key] of batch) {
      this.pending.delete(key);
    }
    const { store, reader, logger } = this.options;
    const snapshot = await store.getSnapshot();
    if (!snapshot) {
      // Nothing to patch: the first full sync reads everything.
      return;
    }
    const entries = this.withUnknownGroups(
      batch.map(([, p]) => p),
      snapshot,
    );
    // Numbered before reading: whatever is read below is at least this new.
    const readSeq = await store.beginRead();
    const { reads, calls } = await reader.readTargets(
      entries.map(e => e.target),
    );
    const parts: ReadPart[] = [];
    const failures: string[] = [];
    const unnamedArns = new Set<string>();
    const names = new Map(
      snapshot.permissionSets.flatMap(p => (p.arn ? [[p.arn, p.name]] : [])),
    );
    let eventTime: Date | undefined;
    entries.forEach((entry, i) => {
      const read = reads[i];
      if (read instanceof Error) {
        failures.push(`${targetKey(entry.target)}: ${read.name}`);
        return;
      }
      if (read.kind === 'principal' && !this.showsExpected(entry, read)) {
        if (entry.rechecks < this.options.maxRechecks) {
          this.requeue(entry);
          return;
        }
      }
      if (read.kind === 'principal') {
        this.remember(targetKey(entry.target), read.assignments);
        read.assignments
          .filter(a => !names.has(a.permissionSetArn))
          .forEach(a => unnamedArns.add(a.permissionSetArn));
      }
      parts.push({ readSeq, part: this.toPart(entry.target, read, names) });
      if (entry.eventTime && (!eventTime || entry.eventTime < eventTime)) {
        eventTime = entry.eventTime;
      }
    });
    if (unnamedArns.size > 0) {
      // Assignments of a permission set created since the last sync: read it too, so the
      // assignments carry its name.
      parts.push(...(await this.readPermissionSets([...unnamedArns], readSeq)));
    }
    if (failures.length > 0) {
      logger.warn(
        'Incremental refresh could not read some targets; the next full sync repairs them',
        { failures: failures.slice(0, 10).join(', '), count: failures.length },
      );
    }
    if (parts.length === 0) {
      return;
    }
    const result = await store.applyParts(
      this.renamed(parts, names),
      new Date(),
      { eventTime },
    );
    logger.info('Refreshed IAM Identity Center changes from events', {
      targets: entries.length,
      applied: result.applied,
      outdated: result.outdated,
      calls: Object.values(calls).reduce((a, b) => a + b, 0),
    });
    if (result.written) {
      this.options.onChange?.();
    }
  }

  /**
   * A group the snapshot does not know yet (created since the last sync) would have
   * assignments no one can resolve: read the groups along with it.
   */
  private withUnknownGroups(
    entries: Pending[],
    snapshot: AccessSnapshot,
  ): Pending[] {
    const groups = new Set(snapshot.groups.map(g => g.id));
    const users = new Set((snapshot.users ?? []).map(u => u.id));
    const unknownGroup = entries.some(
      e =>
        e.target.kind === 'principal' &&
        e.target.principalType === 'GROUP' &&
        !groups.has(e.target.principalId),
    );
    const result = entries.filter(
      e =>
        // Direct assignments are kept for the catalog's users only, as the full sync does.
        e.target.kind !== 'principal' ||
        e.target.principalType === 'GROUP' ||
        users.has(e.target.principalId),
    );
    if (unknownGroup && !result.some(e => e.target.kind === 'groups')) {
      result.push({
        target: { kind: 'groups' },
        expected: new Map(),
        rechecks: 0,
        notBefore: 0,
      });
    }
    return result;
  }

  private showsExpected(
    entry: Pending,
    read: { assignments: RawAssignment[] },
  ): boolean {
    const present = new Set(read.assignments.map(a => expectationKey(a)));
    return [...entry.expected].every(
      ([key, shouldExist]) => present.has(key) === shouldExist,
    );
  }

  private remember(key: string, assignments: RawAssignment[]): void {
    if (this.lastListings.size >= MAX_REMEMBERED_LISTINGS) {
      this.lastListings.clear();
    }
    this.lastListings.set(key, new Set(assignments.map(expectationKey)));
  }

  private requeue(entry: Pending): void {
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
      rechecks: entry.rechecks + 1,
      notBefore: Date.now() + this.options.recheckMs,
    });
  }

  private async readPermissionSets(
    arns: string[],
    readSeq: number,
  ): Promise<ReadPart[]> {
    const targets = arns.map(arn => ({ kind: 'permissionSet' as const, arn }));
    const { reads } = await this.options.reader.readTargets(targets);
    return reads.flatMap((read, i) =>
      read instanceof Error
        ? []
        : [{ readSeq, part: this.toPart(targets[i], read, new Map()) }],
    );
  }

  private toPart(
    target: RefreshTarget,
    read: TargetRead,
    names: Map<string, string>,
  ): ReadPart['part'] {
    switch (read.kind) {
      case 'principal':
        if (target.kind !== 'principal') {
          throw new Error('A principal read for another target');
        }
        return {
          kind: 'principal',
          principalType: target.principalType,
          principalId: target.principalId,
          assignments: read.assignments.map(a => ({
            accountId: a.accountId,
            permissionSetName:
              names.get(a.permissionSetArn) ?? a.permissionSetArn,
            principalType: a.principalType,
            principalId: a.principalId,
          })),
        };
      case 'permissionSet':
        return {
          kind: 'permissionSet',
          arn: target.kind === 'permissionSet' ? target.arn : '',
          ...(read.permissionSet && { permissionSet: read.permissionSet }),
        };
      case 'groups':
        return { kind: 'groups', groups: read.groups };
      case 'accounts':
        return { kind: 'accounts', accounts: read.accounts };
      default:
        throw new Error(`Unknown read ${JSON.stringify(read)}`);
    }
  }

  /** Names the assignments of permission sets read in this batch. */
  private renamed(parts: ReadPart[], names: Map<string, string>): ReadPart[] {
    const newNames = new Map(names);
    for (const { part } of parts) {
      if (part.kind === 'permissionSet' && part.permissionSet) {
        newNames.set(part.arn, part.permissionSet.name);
      }
    }
    return parts.map(p =>
      p.part.kind === 'principal'
        ? {
            ...p,
            part: {
              ...p.part,
              assignments: p.part.assignments.map(a => ({
                ...a,
                permissionSetName:
                  newNames.get(a.permissionSetName) ?? a.permissionSetName,
              })),
            },
          }
        : p,
    );
  }
}
