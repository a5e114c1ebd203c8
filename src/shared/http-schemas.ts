import { z } from 'zod';

/** The error body every route may answer with (see http-errors.ts). */
export const errorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    field: z.string().optional(),
    clause: z.string().optional(),
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

export const cursorPageSchema = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });
