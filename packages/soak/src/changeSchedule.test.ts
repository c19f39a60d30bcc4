import {
  chaosPlan,
  changeSchedule,
  totalChanges,
  warmupMs,
} from './changeSchedule';

const MINUTE = 60_000;

describe('changeSchedule', () => {
  it('spaces the steady changes evenly and adds a burst per interval', () => {
    const schedule = changeSchedule({
      durationMs: 3 * MINUTE,
      steadyPerMinute: 20,
      burstEveryMs: MINUTE,
      burstSize: 50,
    });
    const steady = schedule.filter(s => !s.burst);
    const bursts = schedule.filter(s => s.burst);
    // Every 3 s from 3 s to 177 s.
    expect(steady).toHaveLength(59);
    expect(steady.slice(0, 3).map(s => s.atMs)).toEqual([3000, 6000, 9000]);
    expect(bursts.map(s => [s.atMs, s.count])).toEqual([
      [60_000, 50],
      [120_000, 50],
    ]);
    expect(totalChanges(schedule)).toBe(59 + 100);
  });

  it('keeps the moments in order and none at or after the end', () => {
    const schedule = changeSchedule({
      durationMs: 30 * MINUTE,
      steadyPerMinute: 7,
      burstEveryMs: 5 * MINUTE,
      burstSize: 100,
    });
    const times = schedule.map(s => s.atMs);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(Math.max(...times)).toBeLessThan(30 * MINUTE);
    expect(schedule.filter(s => s.burst)).toHaveLength(5);
  });

  it('makes no changes of a kind switched off', () => {
    expect(
      changeSchedule({
        durationMs: MINUTE,
        steadyPerMinute: 0,
        burstEveryMs: 0,
        burstSize: 10,
      }),
    ).toEqual([]);
  });
});

describe('chaosPlan', () => {
  it('puts every failure after the warm-up, apart, and before the last tenth', () => {
    for (const minutes of [3, 10, 30]) {
      const duration = minutes * MINUTE;
      const plan = chaosPlan(duration);
      expect(plan.restartPostgresAtMs).toBeGreaterThan(warmupMs(duration));
      expect(plan.queueOutage.fromMs).toBeGreaterThan(plan.restartPostgresAtMs);
      expect(plan.throttle.fromMs).toBeGreaterThan(plan.queueOutage.toMs);
      expect(plan.throttle.toMs).toBeLessThanOrEqual(duration * 0.9);
    }
  });

  it('takes the queue away for a minute and throttles for at most two', () => {
    const plan = chaosPlan(30 * MINUTE);
    expect(plan.queueOutage.toMs - plan.queueOutage.fromMs).toBe(MINUTE);
    expect(plan.throttle.toMs - plan.throttle.fromMs).toBe(2 * MINUTE);
    expect(
      chaosPlan(3 * MINUTE).queueOutage.toMs -
        chaosPlan(3 * MINUTE).queueOutage.fromMs,
    ).toBe(MINUTE);
  });
});

describe('warmupMs', () => {
  it('is five minutes, or a third of a shorter run', () => {
    expect(warmupMs(30 * MINUTE)).toBe(5 * MINUTE);
    expect(warmupMs(3 * MINUTE)).toBe(MINUTE);
  });
});
