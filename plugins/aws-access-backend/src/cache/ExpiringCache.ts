/**
 * Remembers promised values for a fixed time. Concurrent callers of one key share the
 * same promise; a rejected promise, or a value `keep` turns down, is forgotten once it
 * settles so the next call loads again. When full, the oldest entry makes room.
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
    keep: (value: T) => boolean = () => true,
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
    this.entries.set(key, { expires: now + this.ttlMs, value });
    const forget = () => {
      if (this.entries.get(key)?.value === value) {
        this.entries.delete(key);
      }
    };
    value.then(loaded => {
      if (!keep(loaded)) forget();
    }, forget);
    return value;
  }
}
