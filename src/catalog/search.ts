/**
 * The search box as PostgreSQL text search, shared by the storefront list and the back office.
 *
 * A product's `search` column (see schema.ts) holds every word of its name and brand (weight A), its
 * category's names (B), summary (C) and description (D), twice: stemmed by the English dictionary ("phones"
 * finds "phone") and unstemmed, so that a word matches while it is still being typed ("chargi" is a prefix of
 * "charging", but not of its stem "charg"). Unstemmed, the name, brand and category keep even English stop
 * words ("Over-Ear" is found by "ov"); the summary and description do not. Its `search_words` column lists
 * the words of the name, brand and category for typo tolerance, and `search_lexicon` every such word of the
 * catalogue.
 *
 * Each word typed must match the product in one of three ways:
 * - as a whole word, stemmed (`phones` → phone);
 * - as the beginning of a word (`chargin` → charging); a one-letter word only as the last one typed;
 * - with one typo (a letter wrong, missing, added, or two letters swapped) in a word of the name, brand or
 *   category of five letters or more, or in its beginning (`chargr` → charger), for words of four letters or
 *   more. Edit distance comes from the fuzzystrmatch extension, whose Levenshtein distance is exact; trigram
 *   similarity (pg_trgm) cannot promise to find a five-letter word with two letters swapped.
 * English stop words ("the", "with") are skipped unless they are the word being typed. `-word` leaves out the
 * products containing that word. Only letters and digits ever reach `to_tsquery`, so its operators cannot be
 * injected.
 *
 * Relevance: per word, 3 when it matches the name or brand, 2 the category, 1 the summary or description; when
 * only a typo matches, the same less 100 (so every product with a typo comes after every real match, the
 * typo in a name first); then the shorter name, then ts_rank, order products with the same score.
 */
import { type SQL, sql } from 'drizzle-orm';
import type { ProductCategory } from './schemas.ts';

/** How the search words name each category (the storefront's labels and the API's values). */
export const categorySearchWords: Readonly<Record<ProductCategory, string>> = {
  smartphone: 'Phones smartphone',
  tablet: 'Tablets tablet',
  wearable: 'Wearables wearable smartwatch',
  accessory: 'Accessories accessory',
  other: 'Audio',
};

/** Words past this many are ignored: a longer query narrows nothing further in a small catalogue. */
export const MAX_SEARCH_WORDS = 8;
/** Typos are forgiven in typed words of at least this many letters (matched to catalogue words of five or more). */
const TYPO_MIN_TYPED = 4;

export interface SearchTerms {
  /** The words to find, lowercased, in the order typed, without repeats; the last one is being typed. */
  words: string[];
  /** The words after a `-`: products containing them are left out. */
  excluded: string[];
}

const WORD = /[\p{L}\p{N}]+/gu;

/**
 * The words of a search box input, or null when the input is blank (no search at all). Words are the runs of
 * letters and digits ("USB-C 10,000" → usb, c, 10, 000); a token starting with `-` excludes its words. The
 * result may have no `words` (only punctuation, or only exclusions): such a search finds nothing.
 */
export function parseSearch(input: string): SearchTerms | null {
  const text = input.normalize('NFC').trim();
  if (!text) return null;
  const words: string[] = [];
  const excluded: string[] = [];
  for (const token of text.split(/\s+/u)) {
    const into = token.startsWith('-') ? excluded : words;
    for (const [word] of token.toLowerCase().matchAll(WORD)) {
      if (!into.includes(word)) into.push(word);
    }
  }
  return { words: words.slice(0, MAX_SEARCH_WORDS), excluded: excluded.slice(0, MAX_SEARCH_WORDS) };
}

/** What a prepared statement depends on: how many words, and whether any are excluded. */
export interface SearchShape {
  words: number;
  excluded: boolean;
}

export function searchShape(terms: SearchTerms): SearchShape {
  return { words: terms.words.length, excluded: terms.excluded.length > 0 };
}

/** A short name of a shape, for prepared-statement names. */
export function searchShapeKey(shape: SearchShape): string {
  return `w${shape.words}${shape.excluded ? 'x' : ''}`;
}

/** The strings that are `word` with two neighbouring letters swapped, each followed by `%` (a LIKE prefix). */
export function transpositionPatterns(word: string): string[] {
  const letters = [...word];
  const patterns = new Set<string>();
  for (let i = 0; i + 1 < letters.length; i++) {
    if (letters[i] === letters[i + 1]) continue;
    const swapped = [...letters];
    [swapped[i], swapped[i + 1]] = [swapped[i + 1] as string, swapped[i] as string];
    patterns.add(`${swapped.join('')}%`);
  }
  return [...patterns];
}

/**
 * The values of a search, by parameter name: per word i, `w<i>` the word, `p<i>` its tsquery text for the
 * unstemmed match (`word:*` for a prefix), `wA<i>`, `pA<i>`, `wB<i>`, `pB<i>` the same restricted to the name
 * (`word:A`, `word:*A`) or the category (B), `y<i>` the word when typos are forgiven in it ('' otherwise) and
 * `t<i>` its transpositions; `x` the excluded words as a tsquery text (`a | b`).
 */
export function searchValues(terms: SearchTerms): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  terms.words.forEach((word, i) => {
    const last = i === terms.words.length - 1;
    const typo = [...word].length >= TYPO_MIN_TYPED;
    const prefix = last || [...word].length >= 2;
    for (const weight of ['', 'A', 'B'] as const) {
      values[`w${weight}${i}`] = weight ? `${word}:${weight}` : word;
      values[`p${weight}${i}`] = prefix ? `${word}:*${weight}` : weight ? `${word}:${weight}` : word;
    }
    values[`y${i}`] = typo ? word : '';
    values[`t${i}`] = typo ? transpositionPatterns(word) : [];
  });
  if (terms.excluded.length > 0) values.x = terms.excluded.join(' | ');
  return values;
}

type Param = (name: string) => unknown;

/**
 * Word i's tsquery: stemmed or unstemmed-prefix, and with `typos` the catalogue words it may be a typo of. A
 * stop word that is not the last one gives an empty query (skipped). A scalar subquery, so PostgreSQL builds it
 * once per search, not once per product.
 */
function wordQuery(i: number, last: boolean, param: Param, weight: '' | 'A' | 'B', typos: boolean): SQL {
  const stemmed = sql`to_tsquery('english', ${param(`w${weight}${i}`)}::text)`;
  const typed = sql`to_tsquery('simple', ${param(`p${weight}${i}`)}::text)`;
  const query = typos
    ? sql`${stemmed} || ${typed} || ${typoQuery(i, param, weight)}`
    : sql`${stemmed} || ${typed}`;
  if (last) return sql`(select ${query})`;
  return sql`(select case when numnode(${stemmed}) = 0 then ''::tsquery else ${query} end)`;
}

/**
 * The catalogue words that word i may be a typo of (within one edit of it, or of their beginning), as a
 * tsquery of alternatives. Looked up in `search_lexicon`, a few hundred words of letters and digits.
 */
function typoQuery(i: number, param: Param, weight: '' | 'A' | 'B'): SQL {
  const y = sql`${param(`y${i}`)}::text`;
  const word = weight ? sql.raw(`sl.word || ':${weight}'`) : sql.raw('sl.word');
  return sql`(select coalesce(to_tsquery('simple', string_agg(${word}, ' | ')), ''::tsquery)
    from "search_lexicon" sl
    where ${y} <> '' and length(sl.word) >= 5 and (
      levenshtein_less_equal(left(sl.word, length(${y})), ${y}, 1) <= 1
      or levenshtein_less_equal(left(sl.word, length(${y}) + 1), ${y}, 1) <= 1
      or levenshtein_less_equal(left(sl.word, length(${y}) - 1), ${y}, 1) <= 1
      or sl.word like any(${param(`t${i}`)}::text[])))`;
}

/** Each word's query; with a weight, matching only the words of that weight (A name, B category). */
function wordQueries(shape: SearchShape, param: Param, weight: '' | 'A' | 'B' = '', typos = false): SQL[] {
  return Array.from({ length: shape.words }, (_, i) =>
    wordQuery(i, i === shape.words - 1, param, weight, typos),
  );
}

/**
 * The condition a product meets to be found: every word matches, really or with a typo (a skipped stop word
 * always does, but not every word may be skipped), and no excluded word is present. One tsquery built once
 * per search, so the GIN index finds the products. False for a search without words.
 */
export function searchMatchSql(shape: SearchShape, param: Param): SQL {
  if (shape.words === 0) return sql`false`;
  const words = sql.join(wordQueries(shape, param, '', true), sql` && `);
  const query = shape.excluded
    ? sql`(select ${words} && !!to_tsquery('english', ${param('x')}::text))`
    : sql`(select ${words})`;
  return sql`(numnode((select ${words})) > 0 and "products"."search" @@ ${query})`;
}

/**
 * The relevance of a found product, a real: the sum of its words' scores (name 3, category 2, text 1, less
 * 100 for a typo, skipped 0) plus a fraction below 1 to order products with the same sum.
 */
export function searchRankSql(shape: SearchShape, param: Param): SQL {
  if (shape.words === 0) return sql`0::real`;
  const queries = wordQueries(shape, param);
  const inName = wordQueries(shape, param, 'A');
  const inCategory = wordQueries(shape, param, 'B');
  const typoInName = wordQueries(shape, param, 'A', true);
  const typoInCategory = wordQueries(shape, param, 'B', true);
  const scores = queries.map(
    (q, i) => sql`(case when numnode(${q}) = 0 then 0
      when "products"."search" @@ ${inName[i]} then 3
      when "products"."search" @@ ${inCategory[i]} then 2
      when "products"."search" @@ ${q} then 1
      when "products"."search" @@ ${typoInName[i]} then -97
      when "products"."search" @@ ${typoInCategory[i]} then -98
      else -99 end)`,
  );
  const all = sql.join(queries, sql` && `);
  // Below 1, so it only orders products with the same sum: the name with fewer words first ("nimbus x2" puts
  // the Nimbus X2 before its case), then, a thousand times smaller, ts_rank.
  const shortName = sql`1.0 / (2 + cardinality(string_to_array("products"."name", ' ')))`;
  const fine = sql`ts_rank("products"."search", ${all}, 1)`;
  return sql`((${sql.join(scores, sql` + `)}) + ${shortName} + 0.001 * ${fine} / (1 + ${fine}))::real`;
}

/** `%`, `_` and `\` taken literally in a LIKE pattern. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
