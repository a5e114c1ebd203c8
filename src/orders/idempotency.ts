/**
 * Idempotency-Key handling: the first request with a key claims it inside its own transaction; a retry gets
 * the stored answer. A concurrent duplicate blocks on the claim (the primary key) until the first commits or
 * rolls back, so it either returns the same answer or runs as the first. Failures roll the claim back with
 * everything else, so a failed request can simply be retried.
 */
import { and, eq, lt } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { sha256 } from '../shared/crypto.ts';
import { Conflict, ValidationError } from '../shared/errors.ts';
import { idempotencyKeys } from './schema.ts';

export const IDEMPOTENCY_HEADER = 'Idempotency-Key';
/** How long a stored answer is kept (PV-MIN-1: it holds the order's personal data). */
export const IDEMPOTENCY_TTL_HOURS = 24;

/** The header's value, or a 400 naming the header. Checkout and refunds share it, so the message names neither. */
export function requireIdempotencyKey(value: string | string[] | undefined): string {
  const key = Array.isArray(value) ? value[0] : value;
  if (key === undefined || key === '') {
    throw new ValidationError([
      {
        field: IDEMPOTENCY_HEADER,
        message:
          'is required: send a new random key for each attempt (the same key only to retry that attempt)',
      },
    ]);
  }
  if (!/^[\x21-\x7e]{8,100}$/.test(key)) {
    throw new ValidationError([
      { field: IDEMPOTENCY_HEADER, message: 'must be 8 to 100 printable characters without spaces' },
    ]);
  }
  return key;
}

/** A stable JSON text: object keys sorted, so equal requests hash alike. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function requestHash(value: unknown): string {
  return sha256(canonicalJson(value));
}

export type Claim = { claimed: true } | { claimed: false; status: number; body: unknown };

export async function claimIdempotencyKey(
  tx: Db,
  scope: string,
  key: string,
  hash: string,
  now: Date,
): Promise<Claim> {
  const inserted = await tx
    .insert(idempotencyKeys)
    .values({ scope, key, requestHash: hash, createdAt: now })
    .onConflictDoNothing()
    .returning({ key: idempotencyKeys.key });
  if (inserted.length > 0) return { claimed: true };
  const [row] = await tx
    .select()
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key)));
  if (!row || row.requestHash !== hash) {
    throw new Conflict(
      `This ${IDEMPOTENCY_HEADER} was already used for a different request; send a new key for a new order`,
      { field: IDEMPOTENCY_HEADER },
    );
  }
  if (row.responseStatus === null) {
    throw new Conflict(`A request with this ${IDEMPOTENCY_HEADER} is still being processed; retry shortly`, {
      field: IDEMPOTENCY_HEADER,
    });
  }
  return { claimed: false, status: row.responseStatus, body: row.responseBody };
}

export async function storeIdempotentResponse(
  tx: Db,
  scope: string,
  key: string,
  status: number,
  body: unknown,
): Promise<void> {
  await tx
    .update(idempotencyKeys)
    .set({ responseStatus: status, responseBody: body })
    .where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key)));
}

/** PV-MIN-1: stored answers older than the TTL are deleted by a retention job. */
export async function deleteExpiredIdempotencyKeys(db: Db, now: Date): Promise<number> {
  const before = new Date(now.getTime() - IDEMPOTENCY_TTL_HOURS * 3_600_000);
  const deleted = await db
    .delete(idempotencyKeys)
    .where(lt(idempotencyKeys.createdAt, before))
    .returning({ key: idempotencyKeys.key });
  return deleted.length;
}
