/**
 * The public portal is read far more than it changes, and by anyone: its replies are computed once
 * per change of the data and kept as ready JSON text. Whether the data changed is asked of the
 * database at most once a second per key (a cheap stamp query), so several server instances behind
 * one PostgreSQL each see a change within a second, and a burst of readers costs one computation.
 */
export interface PublicCacheOptions {
  /** How long a checked stamp is trusted before the database is asked again, in milliseconds. */
  checkEveryMs: number;
  /** The clock, in milliseconds. */
  now: () => number;
}

interface Entry {
  stamp: string;
  body: string;
  /** The body as UTF-8 bytes, made on the first send and reused (a reply is sent far more often than made). */
  bytes?: Buffer;
  checkedAt: number;
}

/** A small cache of serialized replies, keyed by what was asked, validated by a data stamp. */
export class PublicCache {
  private readonly entries = new Map<string, Entry>();
  private readonly pending = new Map<string, Promise<string>>();

  constructor(private readonly options: PublicCacheOptions = { checkEveryMs: 1000, now: () => Date.now() }) {}

  /** The reply for `key` as UTF-8 bytes ready to send (empty when `compute` gave ''); see `get`. */
  async bytes(key: string, stamp: () => Promise<string>, compute: () => Promise<string>): Promise<Buffer> {
    const body = await this.get(key, stamp, compute);
    const entry = this.entries.get(key);
    if (!entry || entry.body !== body) return Buffer.from(body);
    entry.bytes ??= Buffer.from(body);
    return entry.bytes;
  }

  /**
   * The reply for `key`: from the cache while `stamp()` is unchanged, else from `compute()`.
   * Concurrent misses for one key share one computation.
   */
  async get(key: string, stamp: () => Promise<string>, compute: () => Promise<string>): Promise<string> {
    const entry = this.entries.get(key);
    const now = this.options.now();
    if (entry && now - entry.checkedAt < this.options.checkEveryMs) return entry.body;
    const running = this.pending.get(key);
    if (running) return running;
    const work = (async () => {
      const current = await stamp();
      if (entry && entry.stamp === current) {
        entry.checkedAt = now;
        return entry.body;
      }
      const body = await compute();
      if (this.entries.size > 500) this.entries.clear();
      this.entries.set(key, { stamp: current, body, checkedAt: now });
      return body;
    })();
    this.pending.set(key, work);
    try {
      return await work;
    } finally {
      this.pending.delete(key);
    }
  }
}
