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

  it('keeps a value for the time ttlOf gives it once loaded', async () => {
    let now = 1_000;
    jest.spyOn(Date, 'now').mockImplementation(() => now);
    const cache = new ExpiringCache<string[]>(30_000, 10);
    const shortWhenEmpty = (v: string[]) => (v.length > 0 ? 30_000 : 2_000);
    const load = jest.fn(async () => [] as string[]);
    const [first, second] = await Promise.all([
      cache.get('a', load, shortWhenEmpty),
      cache.get('a', load, shortWhenEmpty),
    ]);
    expect(first).toBe(second);
    now += 1_999;
    await cache.get('a', load, shortWhenEmpty);
    expect(load).toHaveBeenCalledTimes(1);
    now += 1;
    await expect(
      cache.get('a', async () => ['x'], shortWhenEmpty),
    ).resolves.toEqual(['x']);
    now += 29_999;
    await expect(cache.get('a', load, shortWhenEmpty)).resolves.toEqual(['x']);
    expect(load).toHaveBeenCalledTimes(1);
    jest.restoreAllMocks();
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
