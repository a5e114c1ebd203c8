/** The demo catalogue as table rows, dated relative to "now" and with ids that depend only on their data. */

import type { productImages, products, productVariants } from '../db/schema.ts';
import { DAY_MS } from '../shared/time.ts';
import { type DemoProduct, demoProducts, variantName, variantSku } from './catalog.ts';
import { seededUuid } from './ids.ts';
import { illustrationAlt, illustrationUrl } from './illustrations.ts';

export interface CatalogRows {
  products: Array<typeof products.$inferInsert & { id: string }>;
  variants: Array<typeof productVariants.$inferInsert & { id: string }>;
  images: Array<typeof productImages.$inferInsert>;
}

export function catalogRows(nowMs: number, catalogue: readonly DemoProduct[] = demoProducts): CatalogRows {
  const rows: CatalogRows = { products: [], variants: [], images: [] };
  for (const product of catalogue) {
    const createdAt = new Date(nowMs - product.ageDays * DAY_MS);
    const id = seededUuid(`product:${product.slug}`, createdAt.getTime());
    rows.products.push({
      id,
      slug: product.slug,
      name: product.name,
      brand: product.brand,
      category: product.category,
      summary: product.summary,
      description: product.description,
      status: product.status ?? 'active',
      featured: product.featured ?? false,
      clearance: product.clearance ?? false,
      specialWarranty: product.specialWarrantyTerms !== undefined,
      specialWarrantyTerms: product.specialWarrantyTerms ?? null,
      batchVarianceNote: product.batchVarianceNote ?? true,
      priceFromCents: Math.min(...product.variants.map((v) => v.priceCents)),
      createdAt,
      updatedAt: createdAt,
    });
    product.variants.forEach((variant, position) => {
      const sku = variantSku(product.code, variant);
      rows.variants.push({
        id: seededUuid(`variant:${sku}`, createdAt.getTime()),
        productId: id,
        sku,
        name: variantName(variant),
        colour: variant.colour,
        storageGb: variant.storageGb ?? null,
        priceCents: variant.priceCents,
        stock: variant.stock,
        position,
        createdAt,
      });
    });
    rows.images.push({
      id: seededUuid(`image:${product.slug}`, createdAt.getTime()),
      productId: id,
      url: illustrationUrl(product),
      alt: illustrationAlt(product),
      position: 0,
    });
  }
  return rows;
}
