/**
 * Remembers promised values for a fixed time, or for the time `ttlOf` gives a value once
 * it is loaded. Concurrent callers of one key share the same promise; a rejected promise
 * is forgotten at once so the next call tries again. When full, the oldest entry makes
 * room.
 */
export class ExpiringCache<T> {
  private readonly entries = new Map<
    string,
    { expires: number; value: Promise<T> }
  >();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries: number,
  ) {}

  get(
    key: string,
    load: () => Promise<T>,
    ttlOf?: (value: T) => number,
  ): Promise<T> {
    const now = Date.now();
    const hit = this.entries.get(key);
    if (hit && hit.expires > now) {
      return hit.value;
    }
    const value = load();
    if (this.entries.size >= this.maxEntries) {
      // Maps iterate in insertion order: the first key is the oldest.
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) {
        this.entries.delete(oldest);
      }
    }
    const entry = { expires: now + this.ttlMs, value };
    this.entries.set(key, entry);
    value.then(
      loaded => {
        if (ttlOf) entry.expires = now + ttlOf(loaded);
      },
      () => {
        if (this.entries.get(key) === entry) {
          this.entries.delete(key);
        }
      },
    );
    return value;
  }
}
