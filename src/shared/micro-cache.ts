/**
 * A short-lived cache of serialized public responses, per process. The hottest reads (the product list, a
 * product page) are the same for every visitor, so for a second or so one database query can answer
 * thousands of requests. It holds copies, never the truth: a miss or an expiry reads the database again,
 * a write through this process empties it at once, and other processes see the change within the TTL
 * (shorter than the 30 s browsers and proxies are allowed by Cache-Control anyway).
 */
export interface CachedResponse {
  /** The body as UTF-8 bytes, encoded once when stored: a hit sends them as they are. */
  body: Buffer;
  etag: string;
  expiresAt: number;
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

  get(key: string): CachedResponse | undefined {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.#now()) {
      this.#entries.delete(key);
      return undefined;
    }
    return entry;
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
