import { z } from 'zod';

/**
 * A whole number written in decimal digits, from text: a query string, a form field, an environment variable.
 * "25" is 25; "", " 5", "1e1", "0x10", "+3", "2.0" and "-1" are refused with a message naming the field, where
 * `z.coerce.number()` would read 0, 5, 10, 16, 3, 2 and -1 and go on as if the person had typed that.
 * `min` and `max` bound the value (inclusive); chain `.optional()` or `.default(n)` after it.
 */
export function wholeNumber({ min = 0, max = Number.MAX_SAFE_INTEGER }: { min?: number; max?: number } = {}) {
  return z
    .string()
    .regex(/^\d{1,16}$/, 'must be a whole number written in digits')
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));
}
