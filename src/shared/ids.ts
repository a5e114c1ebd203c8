import { randomBytes } from 'node:crypto';

/**
 * UUIDv7 (RFC 9562): a millisecond timestamp then random bits, so ids sort by creation time and index
 * well. `nowMs` is a parameter for tests; production passes nothing.
 */
export function uuidv7(nowMs: number = Date.now()): string {
  const bytes = randomBytes(16);
  const ts = BigInt(nowMs);
  for (let i = 0; i < 6; i++) bytes[i] = Number((ts >> BigInt(8 * (5 - i))) & 0xffn);
  bytes[6] = ((bytes[6] as number) & 0x0f) | 0x70;
  bytes[8] = ((bytes[8] as number) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A customer-facing reference: `AC-26-00123` (prefix, two-digit year, sequence). */
export function formatReference(prefix: string, year: number, sequence: number): string {
  return `${prefix}-${String(year % 100).padStart(2, '0')}-${String(sequence).padStart(5, '0')}`;
}

/** An opaque secret for cookies and links: 32 random bytes, URL-safe. */
export function randomToken(): string {
  return randomBytes(32).toString('base64url');
}
