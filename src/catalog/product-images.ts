/** Adds and removes product images (JSON for now; uploads will call addProductImage with their URL). */
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { NotFound } from '../shared/errors.ts';
import { uuidv7 } from '../shared/ids.ts';
import { lockProduct, touchProduct } from './product-writes.ts';
import { productImages } from './schema.ts';
import type { AdminImage } from './schemas.ts';

export async function addProductImage(
  db: Db,
  productId: string,
  image: { url: string; alt: string },
  now: Date,
): Promise<AdminImage> {
  return db.transaction(async (tx) => {
    await lockProduct(tx, productId);
    const [inserted] = await tx
      .insert(productImages)
      .values({
        id: uuidv7(now.getTime()),
        productId,
        url: image.url,
        alt: image.alt,
        position: sql`(select coalesce(max(i.position) + 1, 0) from ${productImages} i where i.product_id = ${productId})`,
      })
      .returning({
        id: productImages.id,
        url: productImages.url,
        alt: productImages.alt,
        position: productImages.position,
      });
    await touchProduct(tx, productId, now);
    return inserted as AdminImage;
  });
}

export async function removeProductImage(
  db: Db,
  productId: string,
  imageId: string,
  now: Date,
): Promise<void> {
  await db.transaction(async (tx) => {
    await lockProduct(tx, productId);
    const removed = await tx
      .delete(productImages)
      .where(and(eq(productImages.id, imageId), eq(productImages.productId, productId)))
      .returning({ id: productImages.id });
    if (removed.length === 0) throw new NotFound('Image');
    await touchProduct(tx, productId, now);
  });
}
