/** Adds and removes product images: by address, or uploaded (checked, re-encoded and stored first). */
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { storeImage, uploadsDir } from '../media/images.ts';
import { NotFound } from '../shared/errors.ts';
import { uuidv7 } from '../shared/ids.ts';
import { lockProduct, touchProduct } from './product-writes.ts';
import { productImages, products } from './schema.ts';
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

/**
 * An uploaded image: the product must exist before anything is stored, and the stored file is removed again
 * when the database refuses the row (the undo of the file write).
 */
export async function uploadProductImage(
  db: Db,
  dataDir: string,
  productId: string,
  upload: { data: Buffer; alt: string },
  now: Date,
): Promise<AdminImage> {
  const [exists] = await db.select({ id: products.id }).from(products).where(eq(products.id, productId));
  if (!exists) throw new NotFound('Product');
  const stored = await storeImage(upload.data, dataDir, 'products', now);
  try {
    return await addProductImage(db, productId, { url: stored.url, alt: upload.alt }, now);
  } catch (error) {
    const file = stored.url.replace('/media/uploads/', '');
    await rm(join(uploadsDir(dataDir), file), { force: true });
    throw error;
  }
}
