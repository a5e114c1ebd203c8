/**
 * Opaque page cursors: base64url of `[sort, key, id]`, where `key` is the sort column's value of the last row
 * of the page and `id` breaks ties. A cursor made for one sort order is refused by another.
 */
import { z } from 'zod';
import { ValidationError } from './errors.ts';
import { INT32_MAX, isStorableInstant } from './limits.ts';

const cursorSchema = z.tuple([z.string().max(20), z.union([z.string().max(64), z.number()]), z.uuid()]);

export function encodeCursor(sort: string, key: string | number, id: string): string {
  return Buffer.from(JSON.stringify([sort, key, id])).toString('base64url');
}

/** The key and id of a cursor for `sort`, checked by `key`; a 400 on `cursor` for anything else. */
export function decodeCursor<K>(raw: string, sort: string, key: z.ZodType<K>): { key: K; id: string } {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    decoded = null;
  }
  const parsed = cursorSchema.safeParse(decoded);
  const keyParsed = parsed.success ? key.safeParse(parsed.data[1]) : null;
  if (!parsed.success || !keyParsed?.success) {
    throw new ValidationError([{ field: 'cursor', message: 'is not a cursor this list returned' }]);
  }
  if (parsed.data[0] !== sort) {
    throw new ValidationError([{ field: 'cursor', message: `was made for sort=${parsed.data[0]}` }]);
  }
  return { key: keyParsed.data, id: parsed.data[2] };
}

/** Timestamps travel in cursors with PostgreSQL's microseconds, so no row is skipped or repeated. */
export const timestampKey = z
  .string()
  .regex(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/)
  // The shape alone lets through month 13 or year 0000, which PostgreSQL refuses: read it back to be sure.
  .refine((key) => isStorableInstant(`${key.slice(0, 23)}Z`));
/** Money keys are integer columns: a bigger number would fail in the database, not here. */
export const centsKey = z.number().int().min(0).max(INT32_MAX);
/** ts_rank as PostgreSQL prints it (exact for a real), within what a `real` holds. */
export const rankKey = z
  .string()
  .regex(/^-?\d{1,20}(\.\d{1,20})?(e[-+]?\d{1,2})?$/)
  .refine((key) => {
    const rank = Math.abs(Number(key));
    return rank === 0 || (rank >= 1e-30 && rank <= 1e30);
  });
/** Instants stored from JavaScript Dates (millisecond precision), as ISO 8601. */
export const instantKey = z.iso.datetime().refine(isStorableInstant);
