import { createHash } from 'node:crypto';

/**
 * A UUIDv7 whose random bits come from `key`: the demo shop gets the same ids every time it is seeded with
 * the same clock, and they still sort by time like the ids the shop makes itself.
 */
export function seededUuid(key: string, atMs: number): string {
  const bytes = createHash('sha256').update(key).digest().subarray(0, 16);
  const ts = BigInt(Math.max(0, Math.floor(atMs)));
  for (let i = 0; i < 6; i++) bytes[i] = Number((ts >> BigInt(8 * (5 - i))) & 0xffn);
  bytes[6] = ((bytes[6] as number) & 0x0f) | 0x70;
  bytes[8] = ((bytes[8] as number) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
