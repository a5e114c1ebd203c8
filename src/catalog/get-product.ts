/** The storefront product page: an active product by slug, with variants, images and its warranty terms. */
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { oncePerDb } from '../db/prepared.ts';
import { NotFound } from '../shared/errors.ts';
import { inStockSql, productIdRef } from './rows.ts';
import { productImages, products, productVariants } from './schema.ts';
import type { ProductDetail, Variant } from './schemas.ts';
import { batchVarianceNoteOf, warrantyOf } from './warranty.rules.ts';

const variantsSql = sql<Variant[]>`coalesce((
  select json_agg(json_build_object(
    'id', v.id, 'sku', v.sku, 'name', v.name, 'colour', v.colour, 'storageGb', v.storage_gb,
    'priceCents', v.price_cents, 'stock', v.stock) order by v.position, v.id)
  from ${productVariants} v where v.product_id = ${productIdRef}), '[]'::json)`;

const imagesSql = sql<Array<{ url: string; alt: string }>>`coalesce((
  select json_agg(json_build_object('url', i.url, 'alt', i.alt) order by i.position, i.id)
  from ${productImages} i where i.product_id = ${productIdRef}), '[]'::json)`;

/** A named prepared statement per database: parsed once per connection (this is the second-hottest read). */
function prepare(db: Db) {
  return db
    .select({
      id: products.id,
      slug: products.slug,
      name: products.name,
      brand: products.brand,
      category: products.category,
      summary: products.summary,
      description: products.description,
      featured: products.featured,
      priceFromCents: products.priceFromCents,
      clearance: products.clearance,
      specialWarranty: products.specialWarranty,
      specialWarrantyTerms: products.specialWarrantyTerms,
      batchVarianceNote: products.batchVarianceNote,
      inStock: inStockSql,
      variants: variantsSql,
      images: imagesSql,
    })
    .from(products)
    .where(and(eq(products.slug, sql.placeholder('slug')), eq(products.status, 'active')))
    .prepare('catalog_product_by_slug');
}

export async function getProduct(db: Db, slug: string): Promise<ProductDetail> {
  const [row] = await oncePerDb(db, 'catalog_product_by_slug', () => prepare(db)).execute({ slug });
  if (!row) throw new NotFound('Product');

  const { specialWarrantyTerms, batchVarianceNote, ...product } = row;
  return {
    ...product,
    currency: 'USD',
    image: row.images[0] ?? null,
    warranty: warrantyOf({ ...row, specialWarrantyTerms }),
    batchVarianceNote: batchVarianceNoteOf(batchVarianceNote),
  };
}
