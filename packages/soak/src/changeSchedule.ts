/** How the soak's driver changes assignments over a run. */
export interface ChangeScheduleOptions {
  durationMs: number;
  /** Changes per minute at the steady rate, evenly spaced. */
  steadyPerMinute: number;
  /** Time between bursts; the first comes one interval after the start. */
  burstEveryMs: number;
  /** Changes in one burst, all due at the same moment (as one Terraform apply makes). */
  burstSize: number;
}

/** Changes due at one moment of the run. */
export interface ScheduledChanges {
  atMs: number;
  count: number;
  burst: boolean;
}

/**
 * The moments of a run at which the driver makes changes, in order: one change at each
 * step of the steady rate and a burst at each burst interval, none at or after the end.
 */
export function changeSchedule(
  options: ChangeScheduleOptions,
): ScheduledChanges[] {
  const { durationMs, steadyPerMinute, burstEveryMs, burstSize } = options;
  const due: ScheduledChanges[] = [];
  if (steadyPerMinute > 0) {
    const stepMs = 60_000 / steadyPerMinute;
    for (let at = stepMs; at < durationMs; at += stepMs) {
      due.push({ atMs: Math.round(at), count: 1, burst: false });
    }
  }
  if (burstSize > 0 && burstEveryMs > 0) {
    for (let at = burstEveryMs; at < durationMs; at += burstEveryMs) {
      due.push({ atMs: Math.round(at), count: burstSize, burst: true });
    }
  }
  return due.sort((a, b) => a.atMs - b.atMs);
}

/** The number of changes a schedule makes. */
export function totalChanges(schedule: ScheduledChanges[]): number {
  return schedule.reduce((sum, s) => sum + s.count, 0);
}

/** A stretch of the run, from `fromMs` up to `toMs`. */
export interface Window {
  fromMs: number;
  toMs: number;
}

/** When the soak breaks things, as offsets from the start of the run. */
export interface ChaosPlan {
  /** PostgreSQL restarts (both backends lose their connections). */
  restartPostgresAtMs: number;
  /** The queue server is down: the backends cannot poll and events wait to be sent. */
  queueOutage: Window;
  /** Identity Center answers most sso-admin calls with ThrottlingException. */
  throttle: Window;
}

/**
 * The stretch at the start a process needs to settle (caches filled, first sync done)
 * before its memory counts as the baseline: five minutes, a third of shorter runs.
 */
export function warmupMs(durationMs: number): number {
  return Math.min(5 * 60_000, Math.round(durationMs / 3));
}

/**
 * The failures of a run, all after the warm-up and apart from each other: PostgreSQL
 * restarts at 40 % of the run, the queue is unreachable from 45 % for a minute (a third of
 * runs shorter than three minutes), Identity Center throttles from 80 % for a tenth of the
 * run (at most two minutes). The last tenth has no failure, so the run can catch up.
 */
export function chaosPlan(durationMs: number): ChaosPlan {
  const at = (fraction: number) => Math.round(durationMs * fraction);
  const outageMs = Math.min(60_000, Math.round(durationMs / 3));
  const throttleMs = Math.min(120_000, at(0.1));
  return {
    restartPostgresAtMs: at(0.4),
    queueOutage: { fromMs: at(0.45), toMs: at(0.45) + outageMs },
    throttle: { fromMs: at(0.8), toMs: at(0.8) + throttleMs },
  };
}
