/**
 * The storefront list: active products, filtered, searched and sorted, one cursor page per call. The page
 * is a single query (image and stock come from correlated subqueries), with one extra row fetched to know
 * whether another page follows.
 *
 * It is the shop's hottest read, so it runs as a named prepared statement: one per shape of the request
 * (sort, which filters are present, how many search words, cursor or not), each parsed once per connection.
 * The values travel as parameters.
 */
import { and, asc, desc, eq, gte, lte, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { literalLimit, oncePerDb } from '../db/prepared.ts';
import { centsKey, decodeCursor, encodeCursor, rankKey, timestampKey } from '../shared/cursor.ts';
import { createdAtKeySql, firstImageSql, inStockSql } from './rows.ts';
import { products } from './schema.ts';
import type { ProductList, ProductListQuery, ProductSort } from './schemas.ts';
import {
  parseSearch,
  type SearchShape,
  searchMatchSql,
  searchRankSql,
  searchShape,
  searchShapeKey,
  searchValues,
} from './search.ts';

interface Shape {
  sort: ProductSort;
  category: boolean;
  minPrice: boolean;
  maxPrice: boolean;
  clearance: boolean;
  featured: boolean;
  search: SearchShape | null;
  cursor: boolean;
  /** The page size plus the one row that tells whether a next page exists. */
  rows: number;
}

const p = (name: string) => sql.placeholder(name);

function ordering(shape: Shape): { orderBy: SQL[]; key: SQL; after: SQL } {
  switch (shape.sort) {
    case 'price_asc':
      return {
        orderBy: [asc(products.priceFromCents), asc(products.id)],
        key: sql`${products.priceFromCents}`,
        after: sql`(${products.priceFromCents}, ${products.id}) > (${p('cursorKey')}::int, ${p('cursorId')}::uuid)`,
      };
    case 'price_desc':
      return {
        orderBy: [desc(products.priceFromCents), desc(products.id)],
        key: sql`${products.priceFromCents}`,
        after: sql`(${products.priceFromCents}, ${products.id}) < (${p('cursorKey')}::int, ${p('cursorId')}::uuid)`,
      };
    case 'relevance': {
      // Name matches first, then category, then text, typo-only matches last (search.ts).
      const rank = shape.search ? searchRankSql(shape.search, p) : sql`0::real`;
      return {
        orderBy: [sql`${rank} desc`, desc(products.id)],
        key: sql`${rank}::text`,
        after: sql`(${rank}, ${products.id}) < (${p('cursorKey')}::real, ${p('cursorId')}::uuid)`,
      };
    }
    case 'newest':
      return {
        orderBy: [desc(products.createdAt), desc(products.id)],
        key: createdAtKeySql,
        after: sql`(${products.createdAt}, ${products.id}) < (${p('cursorKey')}::timestamptz, ${p('cursorId')}::uuid)`,
      };
  }
}

function prepare(db: Db, shape: Shape, name: string) {
  const order = ordering(shape);
  const where: Array<SQL | undefined> = [eq(products.status, 'active')];
  if (shape.category) where.push(sql`${products.category} = ${p('category')}::product_category`);
  if (shape.minPrice) where.push(gte(products.priceFromCents, p('minPrice')));
  if (shape.maxPrice) where.push(lte(products.priceFromCents, p('maxPrice')));
  if (shape.clearance) where.push(eq(products.clearance, p('clearance')));
  if (shape.featured) where.push(eq(products.featured, p('featured')));
  if (shape.search) where.push(searchMatchSql(shape.search, p));
  if (shape.cursor) where.push(order.after);
  return db
    .select({
      id: products.id,
      slug: products.slug,
      name: products.name,
      brand: products.brand,
      category: products.category,
      summary: products.summary,
      priceFromCents: products.priceFromCents,
      clearance: products.clearance,
      specialWarranty: products.specialWarranty,
      inStock: inStockSql,
      image: firstImageSql,
      cursorKey: order.key,
    })
    .from(products)
    .where(and(...where))
    .orderBy(...order.orderBy)
    .limit(literalLimit(shape.rows))
    .prepare(name);
}

function preparedFor(db: Db, shape: Shape) {
  const key = [
    shape.sort,
    shape.search ? searchShapeKey(shape.search) : 'all',
    shape.category ? 'c' : '',
    shape.minPrice ? 'min' : '',
    shape.maxPrice ? 'max' : '',
    shape.clearance ? 'cl' : '',
    shape.featured ? 'ft' : '',
    shape.cursor ? 'after' : '',
    shape.rows,
  ].join('_');
  return oncePerDb(db, `catalog_list_${key}`, () => prepare(db, shape, `catalog_list_${key}`));
}

export async function listProducts(db: Db, query: ProductListQuery): Promise<ProductList> {
  const search = query.q ? parseSearch(query.q) : null;
  const requested: ProductSort = query.sort ?? (search ? 'relevance' : 'newest');
  // Nothing to rank by without a search: newest first (and newest-first cursors).
  const sort: ProductSort = requested === 'relevance' && !search ? 'newest' : requested;
  const params: Record<string, unknown> = {};

  if (query.cursor) {
    const cursor =
      sort === 'newest'
        ? decodeCursor(query.cursor, sort, timestampKey)
        : sort === 'relevance'
          ? decodeCursor(query.cursor, sort, rankKey)
          : decodeCursor(query.cursor, sort, centsKey);
    params.cursorKey = cursor.key;
    params.cursorId = cursor.id;
  }
  if (query.category !== undefined) params.category = query.category;
  if (query.minPriceCents !== undefined) params.minPrice = query.minPriceCents;
  if (query.maxPriceCents !== undefined) params.maxPrice = query.maxPriceCents;
  if (query.clearance !== undefined) params.clearance = query.clearance;
  if (query.featured !== undefined) params.featured = query.featured;
  if (search) Object.assign(params, searchValues(search));

  const prepared = preparedFor(db, {
    sort,
    category: query.category !== undefined,
    minPrice: query.minPriceCents !== undefined,
    maxPrice: query.maxPriceCents !== undefined,
    clearance: query.clearance !== undefined,
    featured: query.featured !== undefined,
    search: search ? searchShape(search) : null,
    cursor: Boolean(query.cursor),
    rows: query.limit + 1,
  });
  const rows = await prepared.execute(params);

  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map(({ cursorKey: _, ...row }) => ({ ...row, currency: 'USD' as const })),
    nextCursor:
      rows.length > query.limit && last
        ? encodeCursor(sort, last.cursorKey as string | number, last.id)
        : null,
  };
}
