import { type SQL, sql } from 'drizzle-orm';
import {
  boolean,
  check,
  customType,
  index,
  integer,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { categorySearchWords } from './search.ts';

export const productCategory = pgEnum('product_category', [
  'smartphone',
  'tablet',
  'wearable',
  'accessory',
  'other',
]);
export const productStatus = pgEnum('product_status', ['active', 'draft', 'archived']);

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

// The search columns (search.ts queries them): every text stemmed ('english') and unstemmed. Unstemmed, the
// name, brand and category keep every word ('simple': "Over-Ear" is found by "ov"), the summary and
// description leave out English stop words ('aftercare_words', made by the migration that added these
// columns), so that "the" being typed does not find every description. Changing the category words or
// these expressions needs a new migration.
const nameAndBrand = sql`coalesce(name, '') || ' ' || coalesce(brand, '')`;
// Punctuation as spaces, so "10,000" or "2.5" also give the words a shopper types ("10", "000", "2", "5").
const nameAndBrandWords = sql.raw(
  `regexp_replace(coalesce(name, '') || ' ' || coalesce(brand, ''), '[[:punct:]]+', ' ', 'g')`,
);
const categoryWords = sql.raw(
  `(case category ${Object.entries(categorySearchWords)
    .map(([value, words]) => `when '${value}' then '${words}'`)
    .join(' ')} else '' end)`,
);
const both = (text: SQL, weight: string, unstemmed: 'simple' | 'aftercare_words') =>
  sql`setweight(to_tsvector('english'::regconfig, ${text}) || to_tsvector('${sql.raw(unstemmed)}'::regconfig, ${text}), '${sql.raw(weight)}')`;
const searchVectorSql = sql`${both(sql`${nameAndBrand} || ' ' || ${nameAndBrandWords}`, 'A', 'simple')} || ${both(categoryWords, 'B', 'simple')} || ${both(sql`coalesce(summary, '')`, 'C', 'aftercare_words')} || ${both(sql`coalesce(description, '')`, 'D', 'aftercare_words')}`;
// Every one of these is also a lexeme of `search` (typos are matched as these words, search.ts).
const searchWordsSql = sql`tsvector_to_array(to_tsvector('simple'::regconfig, ${nameAndBrandWords} || ' ' || ${categoryWords}))`;

export const products = pgTable(
  'products',
  {
    id: uuid().primaryKey(),
    slug: text().notNull(),
    name: text().notNull(),
    brand: text().notNull(),
    category: productCategory().notNull(),
    summary: text().notNull(),
    description: text().notNull(),
    status: productStatus().notNull().default('active'),
    featured: boolean().notNull().default(false),
    /** AS-GEN-6: clearance products are outside the warranty. */
    clearance: boolean().notNull().default(false),
    /** AS-DEF-1: items sold under special warranty terms are outside defective-item returns. */
    specialWarranty: boolean().notNull().default(false),
    specialWarrantyTerms: text(),
    /** SH-BATCH-1: show the note that logo and packaging vary between batches. */
    batchVarianceNote: boolean().notNull().default(true),
    /** The lowest variant price, kept by the service that writes variants: lists sort and filter on it. */
    priceFromCents: integer().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** Every word, stemmed and as written, by weight: A name and brand, B category, C summary, D description. */
    search: tsvector().generatedAlwaysAs(searchVectorSql),
    /** The words of the name, brand and category, lowercased: what typos are forgiven against. */
    searchWords: text().array().generatedAlwaysAs(searchWordsSql),
  },
  (t) => [
    uniqueIndex('products_slug_key').on(t.slug),
    index('products_search_idx').using('gin', t.search),
    index('products_list_idx').on(t.status, t.createdAt, t.id),
    index('products_category_idx').on(t.category, t.status),
    index('products_price_idx').on(t.status, t.priceFromCents, t.id),
  ],
);

/**
 * Every word that has been in a product's `search_words`, kept by a trigger on products (in the migration
 * that made this table): typos are looked up among these few hundred words once per search, rather than
 * among every product's words. A word no product has any more is harmless: it finds nothing.
 */
export const searchLexicon = pgTable('search_lexicon', { word: text().primaryKey() });

export const productVariants = pgTable(
  'product_variants',
  {
    id: uuid().primaryKey(),
    productId: uuid()
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    sku: text().notNull(),
    name: text().notNull(),
    colour: text(),
    storageGb: integer(),
    priceCents: integer().notNull(),
    stock: integer().notNull(),
    position: integer().notNull().default(0),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('product_variants_sku_key').on(t.sku),
    index('product_variants_product_idx').on(t.productId, t.position),
    check('product_variants_stock_check', sql`${t.stock} >= 0`),
    check('product_variants_price_check', sql`${t.priceCents} >= 0`),
  ],
);

export const productImages = pgTable(
  'product_images',
  {
    id: uuid().primaryKey(),
    productId: uuid()
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    /** A path under the shop's origin, e.g. /media/products/pixel-9.svg */
    url: text().notNull(),
    alt: text().notNull(),
    position: integer().notNull().default(0),
  },
  (t) => [index('product_images_product_idx').on(t.productId, t.position)],
);
