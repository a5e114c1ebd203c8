import { z } from 'zod';
import { isStorableInstant } from './limits.ts';

/** The error body every route may answer with (see http-errors.ts). */
export const errorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    field: z.string().optional(),
    clause: z.string().optional(),
    reasons: z.array(z.object({ clause: z.string(), message: z.string() })).optional(),
    /** The required evidence kinds with no file yet (a decision taken before the evidence is in). */
    missingEvidence: z.array(z.string()).optional(),
    reference: z.string().optional(),
  }),
});

export const errorResponses = {
  400: errorBodySchema,
  401: errorBodySchema,
  403: errorBodySchema,
  404: errorBodySchema,
  409: errorBodySchema,
  422: errorBodySchema,
} as const;

/** Money on the wire: integer cents and the currency. */
export const moneySchema = z.object({ amountCents: z.number().int(), currency: z.literal('USD') });

/**
 * An instant a client sends (ISO 8601 with Z or an offset): a real date between the years 1 and 9999, so it
 * always fits a `timestamptz` column. Year 0000 or 30 February is a 400 on the field, not a database error.
 */
export const instantSchema = z.iso
  .datetime({ offset: true })
  .refine((value) => isStorableInstant(value), 'must be a real date and time between the years 1 and 9999');

/**
 * The last day a date range may end on: a range's exclusive end is the day after its last day, and that must
 * still be an instant `isStorableInstant` accepts (year 9999 at most).
 */
export const LAST_RANGE_DAY = '9999-12-30';

/**
 * A calendar day (`YYYY-MM-DD`) a client sends as the first or last day of a range: a real date (30 February is
 * refused) from 0001-01-01 to `LAST_RANGE_DAY`, so that every instant the range is turned into fits a
 * `timestamptz` column. A day outside is a 400 on its field, never a database error.
 */
export const rangeDaySchema = z.iso
  .date()
  .refine(
    (value) => isStorableInstant(`${value}T00:00:00Z`) && value <= LAST_RANGE_DAY,
    `must be a real date between 0001-01-01 and ${LAST_RANGE_DAY}`,
  );

export const cursorPageSchema = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });
