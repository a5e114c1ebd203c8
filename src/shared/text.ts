import { z } from 'zod';

/** "1 day", "3 days". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

// PostgreSQL's text cannot hold NUL, a lone UTF-16 surrogate is not text at all (it cannot be encoded as
// UTF-8), and other control characters are never typed by a person: they come from broken clients or from
// someone probing. `\p{Cc}` is C0, DEL and C1; `\p{Cs}` under the `u` flag matches only unpaired surrogates.
const singleLine = /^[^\p{Cc}\p{Cs}]*$/u;
const multiLine = /^(?:[\t\n\r]|[^\p{Cc}\p{Cs}])*$/u;

/**
 * True when `value` is text a person could have typed: no NUL or other control character (tab and line
 * breaks allowed with `multiline`), no lone surrogate. For checks outside a zod schema (URLs, raw forms).
 */
export function isPlainText(value: string, options: { multiline?: boolean } = {}): boolean {
  return (options.multiline ? multiLine : singleLine).test(value);
}

/**
 * The string schema for every text that enters the shop (bodies, query strings, path parameters, forms):
 * refuses NUL, lone surrogates and control characters (tab and line breaks too, unless `multiline`) with a
 * 400 naming the field. Chain the field's own rules after it: `text().trim().min(1).max(120)`.
 */
export function text(options: { multiline?: boolean } = {}) {
  return z
    .string()
    .regex(
      options.multiline ? multiLine : singleLine,
      options.multiline
        ? 'must not contain control characters or invalid Unicode'
        : 'must be one line without control characters or invalid Unicode',
    );
}
