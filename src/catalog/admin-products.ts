/** Back-office reads: every status, with stock totals. */
import { and, desc, eq, ilike, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { decodeCursor, encodeCursor, timestampKey } from '../shared/cursor.ts';
import { NotFound } from '../shared/errors.ts';
import { createdAtKeySql, firstImageSql, productIdRef } from './rows.ts';
import { productImages, products, productVariants } from './schema.ts';
import type {
  AdminImage,
  AdminProduct,
  AdminProductListItem,
  AdminProductListQuery,
  Variant,
} from './schemas.ts';
import { escapeLike, parseSearch, searchMatchSql, searchShape, searchValues } from './search.ts';

const ADMIN_SORT = 'admin_newest';

const variantCountSql = sql<number>`(select count(*)::int from ${productVariants} v where v.product_id = ${productIdRef})`;
const totalStockSql = sql<number>`(select coalesce(sum(v.stock), 0)::int from ${productVariants} v where v.product_id = ${productIdRef})`;

export async function listAdminProducts(
  db: Db,
  query: AdminProductListQuery,
): Promise<{ items: AdminProductListItem[]; nextCursor: string | null }> {
  const where: Array<SQL | undefined> = [];
  if (query.status) where.push(eq(products.status, query.status));
  if (query.category) where.push(eq(products.category, query.category));
  if (query.q) {
    const pattern = `%${escapeLike(query.q)}%`;
    // The storefront's matching (prefixes, stems, typos), or a piece of the name, slug or a SKU.
    const terms = parseSearch(query.q);
    const values = terms ? searchValues(terms) : {};
    where.push(
      or(
        terms ? searchMatchSql(searchShape(terms), (name) => sql.param(values[name])) : undefined,
        ilike(products.name, pattern),
        ilike(products.slug, pattern),
        sql`exists (select 1 from ${productVariants} v where v.product_id = ${productIdRef} and v.sku ilike ${pattern})`,
      ),
    );
  }
  if (query.cursor) {
    const c = decodeCursor(query.cursor, ADMIN_SORT, timestampKey);
    where.push(sql`(${products.createdAt}, ${products.id}) < (${c.key}::timestamptz, ${c.id}::uuid)`);
  }

  const rows = await db
    .select({
      id: products.id,
      slug: products.slug,
      name: products.name,
      brand: products.brand,
      category: products.category,
      status: products.status,
      featured: products.featured,
      clearance: products.clearance,
      specialWarranty: products.specialWarranty,
      priceFromCents: products.priceFromCents,
      variantCount: variantCountSql,
      totalStock: totalStockSql,
      image: firstImageSql,
      createdAt: products.createdAt,
      updatedAt: products.updatedAt,
      cursorKey: createdAtKeySql,
    })
    .from(products)
    .where(and(...where))
    .orderBy(desc(products.createdAt), desc(products.id))
    .limit(query.limit + 1);

  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map(({ cursorKey: _, createdAt, updatedAt, ...row }) => ({
      ...row,
      currency: 'USD' as const,
      createdAt: createdAt.toISOString(),
      updatedAt: updatedAt.toISOString(),
    })),
    nextCursor: rows.length > query.limit && last ? encodeCursor(ADMIN_SORT, last.cursorKey, last.id) : null,
  };
}

const adminVariantsSql = sql<Array<Variant & { position: number }>>`coalesce((
  select json_agg(json_build_object(
    'id', v.id, 'sku', v.sku, 'name', v.name, 'colour', v.colour, 'storageGb', v.storage_gb,
    'priceCents', v.price_cents, 'stock', v.stock, 'position', v.position) order by v.position, v.id)
  from ${productVariants} v where v.product_id = ${productIdRef}), '[]'::json)`;

const adminImagesSql = sql<AdminImage[]>`coalesce((
  select json_agg(json_build_object('id', i.id, 'url', i.url, 'alt', i.alt, 'position', i.position)
    order by i.position, i.id)
  from ${productImages} i where i.product_id = ${productIdRef}), '[]'::json)`;

export async function getAdminProduct(db: Db, id: string): Promise<AdminProduct> {
  const [row] = await db
    .select({
      id: products.id,
      slug: products.slug,
      name: products.name,
      brand: products.brand,
      category: products.category,
      status: products.status,
      summary: products.summary,
      description: products.description,
      featured: products.featured,
      clearance: products.clearance,
      specialWarranty: products.specialWarranty,
      specialWarrantyTerms: products.specialWarrantyTerms,
      batchVarianceNote: products.batchVarianceNote,
      priceFromCents: products.priceFromCents,
      createdAt: products.createdAt,
      updatedAt: products.updatedAt,
      variants: adminVariantsSql,
      images: adminImagesSql,
    })
    .from(products)
    .where(eq(products.id, id));
  if (!row) throw new NotFound('Product');
  return {
    ...row,
    currency: 'USD',
    totalStock: row.variants.reduce((sum, v) => sum + v.stock, 0),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
