/**
 * A short-lived cache of serialized public responses, per process. The hottest reads (the product list, a
 * product page) are the same for every visitor, so for a second or so one database query can answer
 * thousands of requests. It holds copies, never the truth: a miss or an expiry reads the database again (one
 * caller per expiry; the others get the expired copy during that read, see `get`), a write through this
 * process empties it at once, and other processes see the change within the TTL, twice the TTL at worst
 * (far shorter than the 30 s browsers and proxies are allowed by Cache-Control anyway).
 */
export interface CachedResponse {
  /** The body as UTF-8 bytes, encoded once when stored: a hit sends them as they are. */
  body: Buffer;
  etag: string;
  expiresAt: number;
  /** Expired, and one caller is reading the truth again: the others are served this copy meanwhile. */
  refreshing?: boolean;
}

export class MicroCache {
  readonly #entries = new Map<string, CachedResponse>();
  readonly #ttlMs: number;
  readonly #maxEntries: number;
  readonly #now: () => number;

  constructor(options: { ttlMs: number; maxEntries?: number; now?: () => number }) {
    this.#ttlMs = options.ttlMs;
    this.#maxEntries = options.maxEntries ?? 1_000;
    this.#now = options.now ?? Date.now;
  }

  get enabled(): boolean {
    return this.#ttlMs > 0;
  }

  /**
   * The entry for `key`, or undefined when the caller must read the truth (and `set` it). When an entry has
   * just expired, the first caller gets undefined and refreshes it, while the callers that arrive during
   * that one read keep getting the expired copy, for at most one more time-to-live: without this, every
   * request in flight during the refresh read the database too (at 50 concurrent requests, a herd of about
   * fifty identical queries each time the entry expired). A refresh that never comes (the read failed)
   * lets the entry go after that second time-to-live.
   */
  get(key: string): CachedResponse | undefined {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    const now = this.#now();
    if (entry.expiresAt > now) return entry;
    if (entry.expiresAt + this.#ttlMs > now) {
      if (entry.refreshing) return entry;
      entry.refreshing = true;
      return undefined;
    }
    this.#entries.delete(key);
    return undefined;
  }

  /** Keeps `body` (a string is encoded to UTF-8 bytes here, once) under `key` for the time-to-live. */
  set(key: string, body: string | Buffer, etag: string): void {
    if (!this.enabled) return;
    // The oldest entry goes first when full: Map keeps insertion order.
    if (this.#entries.size >= this.#maxEntries && !this.#entries.has(key)) {
      const oldest = this.#entries.keys().next().value;
      if (oldest !== undefined) this.#entries.delete(oldest);
    }
    const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
    this.#entries.set(key, { body: bytes, etag, expiresAt: this.#now() + this.#ttlMs });
  }

  clear(): void {
    this.#entries.clear();
  }

  get size(): number {
    return this.#entries.size;
  }
}
