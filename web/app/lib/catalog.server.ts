/**
 * The catalog as pages use it: the same service functions as GET /api/products, never the tables.
 * `.server` keeps the database code out of the browser bundle.
 */
export { getProduct } from '../../../src/catalog/get-product.ts';
export { listProducts } from '../../../src/catalog/list-products.ts';
export type { ProductDetail, ProductListItem } from '../../../src/catalog/schemas.ts';

import { AppError } from '../../../src/shared/errors.ts';

/** A query the catalog refused (a cursor from another search, a price range upside down). */
export function isRejectedQuery(error: unknown): boolean {
  return error instanceof AppError && error.code === 'validation_failed';
}
