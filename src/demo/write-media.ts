/**
 * Writes the demo products' illustrations to public/media/products (committed with the code):
 * `npx tsx src/demo/write-media.ts`. Run it after changing catalog.ts or illustrations.ts; a test
 * fails while the committed files and this code disagree.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { mediaRoot } from '../catalog/media.routes.ts';
import { demoProducts } from './catalog.ts';
import { productIllustration } from './illustrations.ts';

export const productMediaDir = join(mediaRoot, 'products');

function main(): void {
  mkdirSync(productMediaDir, { recursive: true });
  for (const product of demoProducts) {
    writeFileSync(join(productMediaDir, `${product.slug}.svg`), productIllustration(product));
  }
  console.log(`Wrote ${demoProducts.length} illustrations to ${productMediaDir}`);
}

if (import.meta.url === `file://${process.argv[1]}`) main();
