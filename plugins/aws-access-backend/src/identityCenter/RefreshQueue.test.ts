import { BatchOutcome, PendingRefresh, RefreshQueue } from './RefreshQueue';

const group = (id: string, expect?: { present: boolean }) => ({
  kind: 'principal' as const,
  principalType: 'GROUP' as const,
  principalId: id,
  ...(expect && {
    expect: {
      accountId: '111111111111',
      permissionSetArn: 'arn:ps',
      ...expect,
    },
  }),
});

function queueWith(
  step: (batch: PendingRefresh[]) => BatchOutcome,
  onError: (error: Error) => void = error => {
    throw error;
  },
) {
  const batches: PendingRefresh[][] = [];
  const queue = new RefreshQueue({
    settleMs: 5,
    recheckMs: 5,
    step: async batch => {
      batches.push(batch);
      return step(batch);
    },
    onError,
  });
  return { queue, batches };
}

const nothing = (): BatchOutcome => ({ recheck: [], listings: [] });

describe('RefreshQueue', () => {
  it('coalesces requests for the same target into one entry of one batch', async () => {
    const { queue, batches } = queueWith(nothing);
    const early = new Date('2026-11-30T10:00:00Z');
    queue.request(group('g-1', { present: true }));
    queue.request(group('g-1', { present: false }), early);
    queue.request(group('g-2'));
    expect(queue.size).toBe(2);
    await queue.whenIdle();
    expect(batches).toHaveLength(1);
    const [first] = batches[0];
    // The later event about the same assignment wins.
    expect([...first.expected.values()]).toEqual([false]);
    expect(first.eventTime).toEqual(early);
  });

  it('drops a late copy of a change the last listing already showed', async () => {
    const { queue, batches } = queueWith(batch => ({
      recheck: [],
      listings: batch.map(() => [
        'principal:GROUP:g-1',
        new Set(['111111111111|arn:ps']),
      ]),
    }));
    queue.request(group('g-1', { present: true }));
    await queue.whenIdle();
    queue.request(group('g-1', { present: true }));
    await queue.whenIdle();
    expect(batches).toHaveLength(1);
    // A change the listing did not show is read again.
    queue.request(group('g-1', { present: false }));
    await queue.whenIdle();
    expect(batches).toHaveLength(2);
  });

  it('reads again what the step sends back, counting the rechecks', async () => {
    const { queue, batches } = queueWith(batch => ({
      recheck: batch.filter(e => e.rechecks < 2),
      listings: [],
    }));
    queue.request(group('g-1', { present: true }));
    await queue.whenIdle();
    expect(batches.map(b => b[0].rechecks)).toEqual([0, 1, 2]);
  });

  it('reads a failed batch again, without counting it as a recheck', async () => {
    const errors: Error[] = [];
    let calls = 0;
    const { queue, batches } = queueWith(
      () => {
        calls++;
        if (calls < 3) {
          throw new Error('the database system is shutting down');
        }
        return nothing();
      },
      error => errors.push(error),
    );
    queue.request(group('g-1', { present: true }));
    queue.request(group('g-2', { present: false }));
    while (batches.length < 3) {
      await queue.whenIdle();
    }
    await queue.whenIdle();
    expect(errors.map(e => e.message)).toEqual([
      'the database system is shutting down',
      'the database system is shutting down',
    ]);
    expect(batches).toHaveLength(3);
    expect(batches[2].map(e => [e.target, e.rechecks])).toEqual([
      [group('g-1', { present: true }), 0],
      [group('g-2', { present: false }), 0],
    ]);
    expect([...batches[2][0].expected.values()]).toEqual([true]);
  });

  it('takes no requests once stopped', async () => {
    const { queue, batches } = queueWith(nothing);
    queue.request(group('g-1'));
    queue.stop();
    queue.request(group('g-2'));
    await queue.whenIdle();
    expect(batches).toEqual([]);
  });
});
