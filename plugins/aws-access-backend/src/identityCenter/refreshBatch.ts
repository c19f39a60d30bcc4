import { LoggerService } from '@backstage/backend-plugin-api';
import { AwsAccessMetrics } from '../metrics/AwsAccessMetrics';
import { ReadPart, SnapshotStore } from '../snapshot/SnapshotStore';
import { SyncStatusStore } from '../snapshot/SyncStatusStore';
import { SnapshotPart } from '../snapshot/snapshotParts';
import { AccessSnapshot, SnapshotUser } from '../snapshot/types';
import { RawAssignment } from './assignmentStrategies';
import { IdentityCenterReader, TargetRead } from './IdentityCenterReader';
import { BatchOutcome, PendingRefresh, expectationKey } from './RefreshQueue';
import { RefreshTarget, targetKey } from './refreshTargets';
import { toSnapshotAssignments } from './snapshotAssignments';

/** What the batch step reads from and writes to. */
export interface RefreshBatchDeps {
  reader: Pick<IdentityCenterReader, 'readTargets'>;
  store: Pick<SnapshotStore, 'getSnapshot' | 'beginRead' | 'applyParts'>;
  syncStatus: Pick<SyncStatusStore, 'recordChange'>;
  logger: LoggerService;
  /** Reads again at most this many times; after that the listing is taken as it is. */
  maxRechecks: number;
  /** Called after the batch served a new snapshot. */
  onChange?: () => void;
  metrics?: Pick<AwsAccessMetrics, 'recordChangeLag'>;
}

/** A part as read, before assignments are named: principals keep permission set ARNs. */
type ReadPiece =
  | {
      kind: 'principal';
      principalType: 'GROUP' | 'USER';
      principalId: string;
      assignments: RawAssignment[];
      user?: SnapshotUser;
    }
  | Exclude<SnapshotPart, { kind: 'principal' }>;

/**
 * One batch of an incremental refresh: reads what the entries name (numbered before
 * reading, so the store can tell it from older reads), reads the permission sets of
 * assignments it cannot name yet, and writes everything as one new snapshot version.
 * Entries whose listing does not show their change yet go back for a recheck.
 */
export async function refreshBatch(
  batch: PendingRefresh[],
  deps: RefreshBatchDeps,
): Promise<BatchOutcome> {
  const { store, reader, logger } = deps;
  const outcome: BatchOutcome = { recheck: [], listings: [] };
  const snapshot = await store.getSnapshot();
  if (!snapshot) {
    // Nothing to patch: the first full sync reads everything.
    return outcome;
  }
  const entries = withUnknownGroups(batch, snapshot);
  const readSeq = await store.beginRead();
  const { reads, calls } = await reader.readTargets(entries.map(e => e.target));
  const pieces: ReadPiece[] = [];
  const failures: string[] = [];
  const eventTimes: Date[] = [];
  entries.forEach((entry, i) => {
    const read = reads[i];
    if (read instanceof Error) {
      failures.push(`${targetKey(entry.target)}: ${read.name}`);
      return;
    }
    if (
      read.kind === 'principal' &&
      !showsExpected(entry, read.assignments) &&
      entry.rechecks < deps.maxRechecks
    ) {
      outcome.recheck.push(entry);
      return;
    }
    if (read.kind === 'principal') {
      outcome.listings.push([
        targetKey(entry.target),
        new Set(read.assignments.map(expectationKey)),
      ]);
    }
    pieces.push(toPiece(entry.target, read));
    if (entry.eventTime) {
      eventTimes.push(entry.eventTime);
    }
  });
  const names = new Map(
    snapshot.permissionSets.flatMap(p => (p.arn ? [[p.arn, p.name]] : [])),
  );
  pieces.push(...(await readUnnamedPermissionSets(pieces, names, reader)));
  for (const piece of pieces) {
    if (piece.kind === 'permissionSet' && piece.permissionSet) {
      names.set(piece.arn, piece.permissionSet.name);
    }
  }
  if (failures.length > 0) {
    logger.warn(
      'Incremental refresh could not read some targets; the next full sync repairs them',
      { failures: failures.slice(0, 10).join(', '), count: failures.length },
    );
  }
  if (pieces.length === 0) {
    return outcome;
  }
  const parts: ReadPart[] = pieces.map(piece => ({
    readSeq,
    part:
      piece.kind === 'principal'
        ? {
            ...piece,
            assignments: toSnapshotAssignments(piece.assignments, names),
          }
        : piece,
  }));
  const result = await store.applyParts(parts);
  if (result.written) {
    const writtenAt = new Date();
    const earliest = eventTimes.reduce<Date | undefined>(
      (min, t) => (!min || t < min ? t : min),
      undefined,
    );
    await deps.syncStatus.recordChange(writtenAt, earliest);
    for (const eventTime of eventTimes) {
      deps.metrics?.recordChangeLag({
        lagMs: writtenAt.getTime() - eventTime.getTime(),
      });
    }
  }
  logger.info('Refreshed IAM Identity Center changes from events', {
    targets: entries.length,
    applied: result.applied,
    outdated: result.outdated,
    calls: Object.values(calls).reduce((a, b) => a + b, 0),
  });
  if (result.written) {
    deps.onChange?.();
  }
  return outcome;
}

/**
 * A group the snapshot does not know yet (created since the last sync) would have
 * assignments no one can resolve: read the groups along with it. Direct assignments are
 * kept for the catalog's users only, as the full sync does: those the snapshot lists, and
 * those a target names (the requester of a temporary grant).
 */
function withUnknownGroups(
  entries: PendingRefresh[],
  snapshot: AccessSnapshot,
): PendingRefresh[] {
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
      e.target.kind !== 'principal' ||
      e.target.principalType === 'GROUP' ||
      users.has(e.target.principalId) ||
      e.target.catalogRef !== undefined,
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

function showsExpected(
  entry: PendingRefresh,
  assignments: RawAssignment[],
): boolean {
  const present = new Set(assignments.map(expectationKey));
  return [...entry.expected].every(
    ([key, shouldExist]) => present.has(key) === shouldExist,
  );
}

/**
 * Assignments of a permission set created since the last sync: read it too, so the
 * assignments carry its name.
 */
async function readUnnamedPermissionSets(
  pieces: ReadPiece[],
  names: ReadonlyMap<string, string>,
  reader: RefreshBatchDeps['reader'],
): Promise<ReadPiece[]> {
  const arns = [
    ...new Set(
      pieces.flatMap(p =>
        p.kind === 'principal'
          ? p.assignments
              .map(a => a.permissionSetArn)
              .filter(arn => !names.has(arn))
          : [],
      ),
    ),
  ];
  if (arns.length === 0) {
    return [];
  }
  const targets = arns.map(arn => ({ kind: 'permissionSet' as const, arn }));
  const { reads } = await reader.readTargets(targets);
  return reads.flatMap((read, i) =>
    read instanceof Error ? [] : [toPiece(targets[i], read)],
  );
}

function toPiece(target: RefreshTarget, read: TargetRead): ReadPiece {
  switch (read.kind) {
    case 'principal':
      if (target.kind !== 'principal') {
        throw new Error('A principal read for another target');
      }
      return {
        kind: 'principal',
        principalType: target.principalType,
        principalId: target.principalId,
        assignments: read.assignments,
        ...(target.catalogRef !== undefined && {
          user: { id: target.principalId, catalogRef: target.catalogRef },
        }),
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
