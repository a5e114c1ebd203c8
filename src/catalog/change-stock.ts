/** Sets or adjusts one variant's stock atomically; it never goes below zero (409). */
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { Conflict, NotFound } from '../shared/errors.ts';
import { products, productVariants } from './schema.ts';
import { MAX_STOCK, type StockChange, type StockResult } from './schemas.ts';

export async function changeStock(
  db: Db,
  variantId: string,
  change: StockChange,
  now: Date,
): Promise<StockResult> {
  return db.transaction(async (tx) => {
    // One conditional UPDATE: two staff adjusting at once both count, and neither can take stock below 0.
    const next =
      change.stock !== undefined
        ? sql`${change.stock}::int`
        : sql`${productVariants.stock} + ${change.adjust ?? 0}`;
    const [row] = await tx
      .update(productVariants)
      .set({ stock: next })
      .where(and(eq(productVariants.id, variantId), sql`${next} between 0 and ${MAX_STOCK}`))
      .returning({
        id: productVariants.id,
        productId: productVariants.productId,
        sku: productVariants.sku,
        stock: productVariants.stock,
      });
    if (!row) {
      const [current] = await tx
        .select({ stock: productVariants.stock })
        .from(productVariants)
        .where(eq(productVariants.id, variantId));
      if (!current) throw new NotFound('Variant');
      throw new Conflict(
        `Stock is ${current.stock}: adjusting by ${change.adjust} would take it outside 0–${MAX_STOCK}`,
        { field: 'adjust' },
      );
    }
    await tx.update(products).set({ updatedAt: now }).where(eq(products.id, row.productId));
    return row;
  });
}
