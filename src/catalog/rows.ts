/** SQL pieces the catalog reads share: each is a correlated subquery, so a page is one round trip. */
import { getTableName, sql } from 'drizzle-orm';
import {
  type productCategory,
  productImages,
  type productStatus,
  products,
  productVariants,
} from './schema.ts';
import type { ProductCategory, ProductStatus } from './schemas.ts';

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;
/** The zod enums in schemas.ts (shared with the browser) list exactly the database enums. */
export type EnumsMatch = Assert<
  Same<(typeof productCategory.enumValues)[number], ProductCategory> &
    Same<(typeof productStatus.enumValues)[number], ProductStatus>
>;

/**
 * `"products"."id"`, always qualified: drizzle writes a column of a single-table query unqualified, and a bare
 * "id" inside a correlated subquery would mean the inner table's id.
 */
export const productIdRef = sql`${sql.identifier(getTableName(products))}.${sql.identifier('id')}`;

/** The product's first image as `{ url, alt }`, or null. */
export const firstImageSql = sql<{ url: string; alt: string } | null>`(
  select json_build_object('url', i.url, 'alt', i.alt) from ${productImages} i
  where i.product_id = ${productIdRef} order by i.position, i.id limit 1)`;

/** Whether any variant has stock. */
export const inStockSql = sql<boolean>`exists (
  select 1 from ${productVariants} v where v.product_id = ${productIdRef} and v.stock > 0)`;

/** created_at with microseconds, as cursors carry it. */
export const createdAtKeySql = sql<string>`to_char(${products.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
