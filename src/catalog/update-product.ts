/** Edits a product's own fields (not its variants or images). */
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { ValidationError } from '../shared/errors.ts';
import { getAdminProduct } from './admin-products.ts';
import { assertSlugFree, lockProduct, withConflicts } from './product-writes.ts';
import { products } from './schema.ts';
import type { AdminProduct, UpdateProductInput } from './schemas.ts';

export async function updateProduct(
  db: Db,
  id: string,
  patch: UpdateProductInput,
  now: Date,
): Promise<AdminProduct> {
  await withConflicts(() =>
    db.transaction(async (tx) => {
      const current = await lockProduct(tx, id);
      if (patch.slug !== undefined && patch.slug !== current.slug) await assertSlugFree(tx, patch.slug, id);
      // AS-DEF-1: the storefront shows the special terms, so a product sold under them must have them.
      const specialWarranty = patch.specialWarranty ?? current.specialWarranty;
      const terms =
        patch.specialWarrantyTerms !== undefined ? patch.specialWarrantyTerms : current.specialWarrantyTerms;
      if (specialWarranty && !terms) {
        throw new ValidationError([
          { field: 'specialWarrantyTerms', message: 'is required when specialWarranty is true' },
        ]);
      }
      await tx
        .update(products)
        .set({ ...patch, updatedAt: now })
        .where(eq(products.id, id));
    }),
  );
  return getAdminProduct(db, id);
}
