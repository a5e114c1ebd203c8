import { randomBytes, randomUUID } from 'node:crypto';

/**
 * UUIDv7 (RFC 9562): a millisecond timestamp then random bits, so ids sort by creation time and index
 * well. `nowMs` is a parameter for tests; production passes nothing. The random bits are those of a
 * `randomUUID()` (version 4, from Node's cached pool of random bytes, with its variant bits): its first 48
 * bits and version nibble are replaced by the timestamp and 7, leaving the 74 random bits v7 asks for. It is
 * called several times by every write, so it makes one string rather than a buffer and BigInt shifts.
 */
export function uuidv7(nowMs: number = Date.now()): string {
  const ts = nowMs.toString(16).padStart(12, '0');
  return `${ts.slice(0, 8)}-${ts.slice(8, 12)}-7${randomUUID().slice(15)}`;
}

/** A customer-facing reference: `AC-26-00123` (prefix, two-digit year, sequence). */
export function formatReference(prefix: string, year: number, sequence: number): string {
  return `${prefix}-${String(year % 100).padStart(2, '0')}-${String(sequence).padStart(5, '0')}`;
}

/** An opaque secret for cookies and links: 32 random bytes, URL-safe. */
export function randomToken(): string {
  return randomBytes(32).toString('base64url');
}
