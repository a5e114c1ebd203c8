/**
 * Replaces a product's variant list: a variant is matched by its id or, without one, by its SKU; matched
 * variants are updated, new ones inserted, and those left out removed (a variant that has been ordered
 * cannot be removed: 409). One transaction, which also recomputes the product's lowest price.
 */
import { eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { ValidationError } from '../shared/errors.ts';
import { uuidv7 } from '../shared/ids.ts';
import { getAdminProduct } from './admin-products.ts';
import { assertSkusFree, lockProduct, touchProduct, withConflicts } from './product-writes.ts';
import { productVariants } from './schema.ts';
import type { AdminProduct, ReplaceVariantsInput } from './schemas.ts';

export async function replaceVariants(
  db: Db,
  productId: string,
  input: ReplaceVariantsInput,
  now: Date,
): Promise<AdminProduct> {
  await withConflicts(() =>
    db.transaction(async (tx) => {
      await lockProduct(tx, productId);
      const existing = await tx
        .select({ id: productVariants.id, sku: productVariants.sku })
        .from(productVariants)
        .where(eq(productVariants.productId, productId));
      const ids = new Set(existing.map((v) => v.id));
      const idBySku = new Map(existing.map((v) => [v.sku, v.id]));

      // Explicit ids first; then a variant without an id takes over the unclaimed variant with its SKU.
      const matched = new Set<string>();
      input.variants.forEach((variant, position) => {
        if (variant.id === undefined) return;
        if (!ids.has(variant.id)) {
          throw new ValidationError([
            { field: `variants.${position}.id`, message: 'is not a variant of this product' },
          ]);
        }
        if (matched.has(variant.id)) {
          throw new ValidationError([{ field: `variants.${position}.id`, message: 'appears twice' }]);
        }
        matched.add(variant.id);
      });
      const plan = input.variants.map((variant, position) => {
        let id = variant.id;
        if (id === undefined) {
          const bySku = idBySku.get(variant.sku);
          if (bySku !== undefined && !matched.has(bySku)) {
            matched.add(bySku);
            id = bySku;
          }
        }
        if (id === undefined && variant.stock === undefined) {
          throw new ValidationError([
            { field: `variants.${position}.stock`, message: 'is required for a new variant' },
          ]);
        }
        return { ...variant, id, position };
      });
      await assertSkusFree(
        tx,
        plan.map((v) => v.sku),
        productId,
      );

      // SKUs may move between variants (a swap, or a removed variant's SKU reused): park every current SKU
      // first so that no row collides midway, and remove last.
      await tx
        .update(productVariants)
        .set({ sku: sql`'~' || ${productVariants.id}::text` })
        .where(eq(productVariants.productId, productId));
      for (const v of plan) {
        const fields = {
          sku: v.sku,
          name: v.name,
          colour: v.colour ?? null,
          storageGb: v.storageGb ?? null,
          priceCents: v.priceCents,
          position: v.position,
        };
        if (v.id) {
          // Left out, the stock stays as it is (sales keep changing it while staff edit).
          const stock = v.stock === undefined ? {} : { stock: v.stock };
          await tx
            .update(productVariants)
            .set({ ...fields, ...stock })
            .where(eq(productVariants.id, v.id));
        } else {
          await tx.insert(productVariants).values({
            ...fields,
            stock: v.stock as number,
            id: uuidv7(now.getTime()),
            productId,
            createdAt: now,
          });
        }
      }
      const removed = existing.filter((v) => !matched.has(v.id)).map((v) => v.id);
      if (removed.length > 0) await tx.delete(productVariants).where(inArray(productVariants.id, removed));
      await touchProduct(tx, productId, now);
    }),
  );
  return getAdminProduct(db, productId);
}
