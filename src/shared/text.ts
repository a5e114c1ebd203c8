import { z } from 'zod';

/** "1 day", "3 days". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

// PostgreSQL's text cannot hold NUL, a lone UTF-16 surrogate is not text at all (it cannot be encoded as
// UTF-8), and other control characters are never typed by a person: they come from broken clients or from
// someone probing. `\p{Cc}` is C0, DEL and C1; `\p{Cs}` under the `u` flag matches only unpaired surrogates.
// One line also means no Unicode line or paragraph separator (U+2028 `\p{Zl}`, U+2029 `\p{Zp}`): they break
// the line wherever the text is shown, as a line feed would.
const singleLine = /^[^\p{Cc}\p{Cs}\p{Zl}\p{Zp}]*$/u;
const multiLine = /^(?:[\t\n\r]|[^\p{Cc}\p{Cs}])*$/u;

// Characters that show nothing: format characters (\p{Cf}: zero-width space and joiners, bidirectional
// controls such as U+202E, the soft hyphen, the BOM), the combining grapheme joiner and the "blank" letters
// and symbols used to fake an empty name (Hangul fillers, the braille blank).
const invisible = /\p{Cf}|\u034F|[\u115F\u1160\u3164\uFFA0\u2800]/u;
const onlyInvisible = /^(?:[\s\p{Z}\p{Cf}\u115F\u1160\u3164\uFFA0\u2800]|\u034F)*$/u;

/**
 * True when `value` has characters but none a reader would see, and is not plain whitespace (which `.trim()`
 * empties, so a required field's `.min(1)` refuses it): "\u200B", "\u202E", "\u00AD \u200D".
 */
export function isInvisibleText(value: string): boolean {
  return onlyInvisible.test(value) && invisible.test(value);
}

const invisibleOrSpace = /(?:[\s\p{Z}\p{Cf}\u115F\u1160\u3164\uFFA0\u2800]|\u034F)/gu;

/**
 * How many characters of `value` a reader sees: code points, without whitespace and invisible characters. For
 * minimum lengths that stand for effort (a written reason): "ok" followed by thirteen zero-width spaces is 2.
 */
export function visibleLength(value: string): number {
  return [...value.replace(invisibleOrSpace, '')].length;
}

/**
 * True when `value` is text a person could have typed: no NUL or other control character (tab and line
 * breaks allowed with `multiline`), no lone surrogate. For checks outside a zod schema (URLs, raw forms).
 */
export function isPlainText(value: string, options: { multiline?: boolean } = {}): boolean {
  return (options.multiline ? multiLine : singleLine).test(value);
}

// Characters that show nothing or show as a box, of every kind rather than a list of known ones: every
// Default_Ignorable_Code_Point (zero-width characters and joiners, direction marks, the word joiner U+2060, the
// BOM U+FEFF, the soft hyphen, the combining grapheme joiner, Hangul fillers, variation selectors, tag
// characters U+E0000–U+E007F, invisible operators U+2061–U+2064), every format character (\p{Cf}: the
// bidirectional embeddings, overrides and isolates U+202A–U+202E and U+2066–U+2069, the Arabic letter mark
// U+061C, interlinear annotations U+FFF9–U+FFFB), line and paragraph separators (\p{Zl}, \p{Zp}), private use
// (\p{Co}: no agreed glyph), lone surrogates (\p{Cs}) and unassigned code points (\p{Cn}). Inside visible text
// they hide words or reorder what a reader sees ("\u202Egnp.exe" reads "exe.png"), so a reason could say one
// thing on screen and another in the stored row.
const hiddenControl = /[\p{Default_Ignorable_Code_Point}\p{Cf}\p{Zl}\p{Zp}\p{Co}\p{Cs}\p{Cn}]/u;

/**
 * True when `value` holds, anywhere, a character a reader cannot see or cannot read as written: a default
 * ignorable code point, a format character, a line or paragraph separator, a private-use, surrogate or
 * unassigned code point (see `hiddenControl`).
 */
export function hasHiddenControl(value: string): boolean {
  return hiddenControl.test(value);
}

/**
 * The string schema for every text that enters the shop (bodies, query strings, path parameters, forms):
 * refuses NUL, lone surrogates and control characters (C0, DEL and C1; tab and line breaks too, unless
 * `multiline`), and text made only of invisible characters (`isInvisibleText`: it would pass a minimum length
 * while saying nothing), with a 400 naming the field. Chain the field's own rules after it:
 * `text().trim().min(1).max(120)`.
 *
 * `audited`: a text staff write that the audit log keeps (a maintenance grant's reason, an export's purpose,
 * a member's name: PV-STF-1, PV-STF-2) also refuses every invisible or unreadable character anywhere
 * (`hasHiddenControl`: default ignorables, \p{Cf}, \p{Zl}, \p{Zp}, \p{Co}, \p{Cs}, \p{Cn}), so the log reads as
 * it was written. Customers' texts do not: joiners belong to emoji
 * and to some scripts, and a phone number or name pasted from a contact list often carries direction marks.
 */
export function text(options: { multiline?: boolean; audited?: boolean } = {}) {
  const schema = plainText(options).refine(
    (value) => !isInvisibleText(value),
    'must contain characters that can be seen, not only invisible ones',
  );
  if (!options.audited) return schema;
  return schema.refine(
    (value) => !hasHiddenControl(value),
    'must not contain invisible formatting characters (zero-width, text-direction, format, line-separator, private-use or unassigned characters)',
  );
}

/**
 * `text()` for what a person searches with (a `q` parameter): invisible characters alone are let through, since
 * a search for nothing visible simply finds nothing, and the search box answers as it does for any other
 * nonsense instead of with an error.
 */
export function searchText() {
  return plainText();
}

function plainText(options: { multiline?: boolean } = {}) {
  return z
    .string()
    .regex(
      options.multiline ? multiLine : singleLine,
      options.multiline
        ? 'must not contain control characters or invalid Unicode'
        : 'must be one line without control characters or invalid Unicode',
    );
}
