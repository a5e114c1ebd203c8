/**
 * Services check their own input with the same zod schemas the routes use, so that no caller (a route, a web
 * page's action, a job) can store what a route would refuse.
 */
import type { z } from 'zod';
import { ValidationError } from './errors.ts';

/** `value` parsed by `schema` (trimmed, normalised); a ValidationError naming `field` when it does not fit. */
export function checkedField<S extends z.ZodType>(schema: S, field: string, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new ValidationError([{ field, message: result.error.issues[0]?.message ?? 'Invalid input' }]);
}
