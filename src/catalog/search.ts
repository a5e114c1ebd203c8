/**
 * The storefront's search box as a PostgreSQL text-search query. The whole input goes through
 * `websearch_to_tsquery` (quotes, `or`, `-word` work and nothing can break the syntax); while the person is
 * still typing the last word, that word also matches as a prefix ("nim" finds "Nimbus"). Only letters and
 * digits ever reach `to_tsquery`, so its operators cannot be injected.
 */
import { type SQL, sql } from 'drizzle-orm';

export interface SearchParts {
  /** The whole input. */
  text: string;
  /** Everything before the last word ('' for a single word); the whole input when `last` is null. */
  rest: string;
  /** The last word, lowercased, when it is a plain word (letters and digits); null otherwise. */
  last: string | null;
}

const LAST_WORD = /(^|\s)([\p{L}\p{N}]{1,40})$/u;

export function searchParts(input: string): SearchParts | null {
  const text = input.trim();
  if (!text) return null;
  const match = LAST_WORD.exec(text);
  if (!match) return { text, rest: text, last: null };
  const word = match[2] as string;
  return { text, rest: text.slice(0, text.length - word.length).trim(), last: word.toLowerCase() };
}

/** The three forms a search takes; a prepared statement exists per form. */
export type SearchForm = 'whole' | 'whole_or_prefix' | 'whole_or_rest_and_prefix';

export function searchForm(parts: SearchParts): SearchForm {
  if (parts.last === null) return 'whole';
  return parts.rest ? 'whole_or_rest_and_prefix' : 'whole_or_prefix';
}

/** The values of a search, by parameter name. */
export function searchValues(parts: SearchParts): { qText: string; qRest: string; qPrefix: string } {
  return { qText: parts.text, qRest: parts.rest, qPrefix: parts.last ? `${parts.last}:*` : '' };
}

type SearchParam = keyof ReturnType<typeof searchValues>;

/** The tsquery of a search form, with each value from `param` (a bound value or a placeholder). */
export function tsQueryOf(form: SearchForm, param: (name: SearchParam) => unknown): SQL {
  const whole = sql`websearch_to_tsquery('english', ${param('qText')}::text)`;
  if (form === 'whole') return whole;
  const prefix = sql`to_tsquery('english', ${param('qPrefix')}::text)`;
  if (form === 'whole_or_prefix') return sql`(${whole} || ${prefix})`;
  return sql`(${whole} || (websearch_to_tsquery('english', ${param('qRest')}::text) && ${prefix}))`;
}

/** The tsquery for `input` with its values bound, or null when there is nothing to search for. */
export function searchTsQuery(input: string): SQL | null {
  const parts = searchParts(input);
  if (!parts) return null;
  const values = searchValues(parts);
  return tsQueryOf(searchForm(parts), (name) => values[name]);
}

/** `%`, `_` and `\` taken literally in a LIKE pattern. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
