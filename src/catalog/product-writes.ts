/**
 * What every back-office write shares: locking the product, keeping `priceFromCents` and `updatedAt` true,
 * and turning uniqueness and reference violations into 409s that name the field.
 */
import { and, eq, inArray, like, ne, or, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { Conflict, NotFound } from '../shared/errors.ts';
import { productIdRef } from './rows.ts';
import { products, productVariants } from './schema.ts';
import { escapeLike } from './search.ts';

/** The product, locked until the transaction ends; 404 when there is none. */
export async function lockProduct(
  tx: Db,
  id: string,
): Promise<{ id: string; slug: string; specialWarranty: boolean; specialWarrantyTerms: string | null }> {
  const [row] = await tx
    .select({
      id: products.id,
      slug: products.slug,
      specialWarranty: products.specialWarranty,
      specialWarrantyTerms: products.specialWarrantyTerms,
    })
    .from(products)
    .where(eq(products.id, id))
    .for('update');
  if (!row) throw new NotFound('Product');
  return row;
}

/** After a write: the lowest variant price (lists filter and sort on it) and the time of the change. */
export async function touchProduct(tx: Db, id: string, now: Date): Promise<void> {
  await tx
    .update(products)
    .set({
      priceFromCents: sql`coalesce((select min(v.price_cents) from ${productVariants} v where v.product_id = ${productIdRef}), ${products.priceFromCents})`,
      updatedAt: now,
    })
    .where(eq(products.id, id));
}

export async function assertSlugFree(tx: Db, slug: string, exceptProductId: string | null): Promise<void> {
  const [taken] = await tx
    .select({ id: products.id })
    .from(products)
    .where(and(eq(products.slug, slug), exceptProductId ? ne(products.id, exceptProductId) : undefined));
  if (taken) throw new Conflict(`The slug "${slug}" is already used by another product`, { field: 'slug' });
}

/** `base`, or `base-2`, `base-3`… when taken. */
export async function freeSlug(tx: Db, base: string): Promise<string> {
  const rows = await tx
    .select({ slug: products.slug })
    .from(products)
    .where(or(eq(products.slug, base), like(products.slug, `${escapeLike(base)}-%`)));
  const taken = new Set(rows.map((r) => r.slug));
  if (!taken.has(base)) return base;
  let n = 2;
  while (taken.has(`${base}-${n}`)) n++;
  return `${base}-${n}`;
}

/** SKUs are unique across the shop: a SKU of another product is a 409 on that variant. */
export async function assertSkusFree(tx: Db, skus: string[], exceptProductId: string | null): Promise<void> {
  if (skus.length === 0) return;
  const [taken] = await tx
    .select({ sku: productVariants.sku })
    .from(productVariants)
    .where(
      and(
        inArray(productVariants.sku, skus),
        exceptProductId ? ne(productVariants.productId, exceptProductId) : undefined,
      ),
    )
    .limit(1);
  if (taken) {
    throw new Conflict(`The SKU ${taken.sku} is already used by another product`, {
      field: `variants.${skus.indexOf(taken.sku)}.sku`,
    });
  }
}

/** The checks above run first; this catches what a concurrent request slipped in between. */
export function conflictFromDatabase(error: unknown): Conflict | null {
  for (let e: unknown = error; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    const { code, constraint } = e as { code?: unknown; constraint?: unknown };
    if (code === '23505' && constraint === 'products_slug_key') {
      return new Conflict('This slug is already used by another product', { field: 'slug' });
    }
    if (code === '23505' && constraint === 'product_variants_sku_key') {
      return new Conflict('A SKU is already used by another variant', { field: 'variants' });
    }
    // Only removing a variant can break a reference here (cart lines cascade; order lines do not).
    if (code === '23503') {
      return new Conflict('A variant that has been ordered cannot be removed: set its stock to 0 instead', {
        field: 'variants',
      });
    }
  }
  return null;
}

/** Runs a write, mapping constraint violations to 409s. */
export async function withConflicts<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    throw conflictFromDatabase(error) ?? error;
  }
}
