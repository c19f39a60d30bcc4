import {
  SnapshotPart,
  applyParts,
  extractPart,
  partKey,
} from './snapshotParts';
import { AccessSnapshot } from './types';

/**
 * Which read each piece of the served snapshot came from: the full sync's read, and for
 * each part refreshed since then, that part's read. Reads are numbered cluster-wide, so
 * a higher number is newer data.
 */
export interface Freshness {
  fullRead: number;
  parts: Record<string, number>;
}

/** A snapshot version with where its pieces came from. */
export interface Version {
  snapshot: AccessSnapshot;
  freshness: Freshness;
}

/** A part an incremental refresh read, with the read sequence taken before reading it. */
export interface ReadPart {
  part: SnapshotPart;
  readSeq: number;
}

/** Before the first snapshot: nothing is fresh. */
export const NO_FRESHNESS: Freshness = { fullRead: 0, parts: {} };

/**
 * The version a full read makes of the served one: the read's snapshot, with every part
 * refreshed from a read begun after it carried over. Undefined when a full read begun
 * later is already served: the older read loses.
 */
export function versionAfterFullRead(
  current: { snapshot?: AccessSnapshot; freshness: Freshness },
  snapshot: AccessSnapshot,
  readSeq: number,
): Version | undefined {
  if (current.freshness.fullRead > readSeq) {
    return undefined;
  }
  const carried: SnapshotPart[] = [];
  const parts: Record<string, number> = {};
  for (const [key, partSeq] of Object.entries(current.freshness.parts)) {
    const newer =
      current.snapshot &&
      partSeq > readSeq &&
      extractPart(current.snapshot, key);
    if (newer) {
      carried.push(newer);
      parts[key] = partSeq;
    }
  }
  return {
    snapshot: applyParts(snapshot, carried),
    freshness: { fullRead: readSeq, parts },
  };
}

/** What became of a batch of parts. */
export interface PartsOutcome {
  /** The new version; undefined when no part was newer than what is served. */
  version?: Version;
  /** Parts written into the new version. */
  applied: number;
  /** Parts dropped: the served version holds a newer read of them, or there is none yet. */
  outdated: number;
}

/**
 * The version a batch of refreshed parts makes of the served one. A part read before the
 * read its piece was last written from is dropped; before the first full sync there is
 * nothing to patch and every part is dropped.
 */
export function versionAfterParts(
  current: { snapshot?: AccessSnapshot; freshness: Freshness },
  parts: ReadPart[],
): PartsOutcome {
  if (!current.snapshot) {
    return { applied: 0, outdated: parts.length };
  }
  const accepted: SnapshotPart[] = [];
  const freshParts = { ...current.freshness.parts };
  let applied = 0;
  let outdated = 0;
  for (const { part, readSeq } of parts) {
    const key = partKey(part);
    if (readSeq < (freshParts[key] ?? current.freshness.fullRead)) {
      outdated++;
      continue;
    }
    accepted.push(part);
    freshParts[key] = readSeq;
    applied++;
  }
  return {
    applied,
    outdated,
    ...(applied > 0 && {
      version: {
        snapshot: applyParts(current.snapshot, accepted),
        freshness: { ...current.freshness, parts: freshParts },
      },
    }),
  };
}
