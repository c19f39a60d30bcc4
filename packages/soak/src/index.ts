/*
 * The pure parts of the soak (scripts/soak.sh) and of the memory benchmark
 * (./scripts/bench.sh memory): what the driver changes and when, when things break, and
 * the checks and figures they print. The drivers themselves, which start processes, live
 * in bench/ at the repository root.
 */
export {
  chaosPlan,
  changeSchedule,
  totalChanges,
  warmupMs,
} from './changeSchedule';
export type {
  ChangeScheduleOptions,
  ChaosPlan,
  ScheduledChanges,
  Window,
} from './changeSchedule';
export { applyChange, pickChange, pickGroups } from './changes';
export type { AssignmentChange } from './changes';
export {
  StatusTally,
  compareGroups,
  expectedRolesByGroup,
  rssGrowthPct,
  shownRoles,
} from './checks';
export type { Exactness, RssSample } from './checks';
export { LagTracker } from './LagTracker';
export type { TrackedChange } from './LagTracker';
export { soakFailures, soakLine } from './soakLine';
export type { SoakFigures } from './soakLine';
export { heapSummary } from './heapSummary';
export type { HeapGroup, HeapSnapshotJson } from './heapSummary';
