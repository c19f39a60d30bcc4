import { ExpiringCache } from './ExpiringCache';

describe('ExpiringCache', () => {
  it('shares a value within its time and loads again after', async () => {
    let now = 1_000;
    jest.spyOn(Date, 'now').mockImplementation(() => now);
    const cache = new ExpiringCache<number>(100, 10);
    const load = jest.fn(async () => now);
    expect(await cache.get('a', load)).toBe(1_000);
    now += 50;
    expect(await cache.get('a', load)).toBe(1_000);
    now += 100;
    expect(await cache.get('a', load)).toBe(1_150);
    expect(load).toHaveBeenCalledTimes(2);
    jest.restoreAllMocks();
  });

  it('forgets a failed load so the next call tries again', async () => {
    const cache = new ExpiringCache<string>(60_000, 10);
    await expect(
      cache.get('a', async () => {
        throw new Error('catalog down');
      }),
    ).rejects.toThrow('catalog down');
    await expect(cache.get('a', async () => 'ok')).resolves.toBe('ok');
  });

  it('shares a value keep turns down only while it loads, then loads again', async () => {
    const cache = new ExpiringCache<string[]>(60_000, 10);
    const nonEmpty = (v: string[]) => v.length > 0;
    const load = jest.fn(async () => [] as string[]);
    const [first, second] = await Promise.all([
      cache.get('a', load, nonEmpty),
      cache.get('a', load, nonEmpty),
    ]);
    expect(first).toBe(second);
    expect(load).toHaveBeenCalledTimes(1);
    await cache.get('a', load, nonEmpty);
    expect(load).toHaveBeenCalledTimes(2);
    await expect(cache.get('a', async () => ['x'], nonEmpty)).resolves.toEqual([
      'x',
    ]);
    await expect(cache.get('a', load, nonEmpty)).resolves.toEqual(['x']);
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('makes room by dropping the oldest entry', async () => {
    const cache = new ExpiringCache<string>(60_000, 2);
    await cache.get('a', async () => 'a1');
    await cache.get('b', async () => 'b1');
    await cache.get('c', async () => 'c1');
    await expect(cache.get('a', async () => 'a2')).resolves.toBe('a2');
    await expect(cache.get('c', async () => 'c2')).resolves.toBe('c1');
  });
});
