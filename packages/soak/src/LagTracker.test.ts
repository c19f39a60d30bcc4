import { LagTracker } from './LagTracker';

describe('LagTracker', () => {
  it('settles a change on the first answer that shows it', () => {
    const lag = new LagTracker();
    lag.track({ group: 'g1', role: '1 Admin', present: true, madeAt: 1000 });
    lag.track({ group: 'g2', role: '2 Admin', present: false, madeAt: 2000 });
    expect(lag.busyGroups).toEqual(new Set(['g1', 'g2']));

    expect(lag.observe('g1', ['3 Admin'], 1500)).toBe(false);
    expect(lag.observe('g1', ['1 Admin', '3 Admin'], 4000)).toBe(true);
    expect(lag.observe('g2', ['2 Admin'], 4500)).toBe(false);
    expect(lag.observe('g2', [], 2500)).toBe(true);

    expect(lag.settledCount).toBe(2);
    expect(lag.busyGroups.size).toBe(0);
    expect(lag.maxLagSeconds(10_000)).toBe(3);
  });

  it('counts a change still in flight as lagging until now', () => {
    const lag = new LagTracker();
    lag.track({ group: 'g1', role: '1 Admin', present: true, madeAt: 1000 });
    expect(lag.maxLagSeconds(61_000)).toBe(60);
    expect(lag.pendingChanges().map(c => c.group)).toEqual(['g1']);
  });

  it('refuses a second change for a group in flight', () => {
    const lag = new LagTracker();
    lag.track({ group: 'g1', role: '1 Admin', present: true, madeAt: 0 });
    expect(() =>
      lag.track({ group: 'g1', role: '2 Admin', present: true, madeAt: 1 }),
    ).toThrow("Group 'g1' already has a change in flight");
  });

  it('ignores answers about groups without a change in flight', () => {
    expect(new LagTracker().observe('g9', [], 0)).toBe(false);
  });
});
