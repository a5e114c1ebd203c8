/** A new product with its variants and images, in one transaction. */
import type { Db } from '../db/client.ts';
import { uuidv7 } from '../shared/ids.ts';
import { getAdminProduct } from './admin-products.ts';
import { assertSkusFree, assertSlugFree, freeSlug, withConflicts } from './product-writes.ts';
import { productImages, products, productVariants } from './schema.ts';
import type { AdminProduct, CreateProductInput } from './schemas.ts';
import { slugify } from './slug.ts';

export async function createProduct(db: Db, input: CreateProductInput, now: Date): Promise<AdminProduct> {
  const id = uuidv7(now.getTime());
  await withConflicts(() =>
    db.transaction(async (tx) => {
      let slug: string;
      if (input.slug) {
        await assertSlugFree(tx, input.slug, null);
        slug = input.slug;
      } else {
        slug = await freeSlug(tx, slugify(input.name));
      }
      await assertSkusFree(
        tx,
        input.variants.map((v) => v.sku),
        null,
      );
      await tx.insert(products).values({
        id,
        slug,
        name: input.name,
        brand: input.brand,
        category: input.category,
        summary: input.summary,
        description: input.description,
        status: input.status,
        featured: input.featured,
        clearance: input.clearance,
        specialWarranty: input.specialWarranty,
        specialWarrantyTerms: input.specialWarrantyTerms ?? null,
        batchVarianceNote: input.batchVarianceNote,
        priceFromCents: Math.min(...input.variants.map((v) => v.priceCents)),
        createdAt: now,
        updatedAt: now,
      });
      await tx.insert(productVariants).values(
        input.variants.map((v, position) => ({
          id: uuidv7(now.getTime()),
          productId: id,
          sku: v.sku,
          name: v.name,
          colour: v.colour ?? null,
          storageGb: v.storageGb ?? null,
          priceCents: v.priceCents,
          stock: v.stock,
          position,
          createdAt: now,
        })),
      );
      if (input.images.length > 0) {
        await tx.insert(productImages).values(
          input.images.map((image, position) => ({
            id: uuidv7(now.getTime()),
            productId: id,
            url: image.url,
            alt: image.alt,
            position,
          })),
        );
      }
    }),
  );
  return getAdminProduct(db, id);
}
