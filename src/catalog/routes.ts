import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../context.ts';
import { errorResponses } from '../shared/http-schemas.ts';
import { getProduct } from './get-product.ts';
import { listProducts } from './list-products.ts';
import { cachedCatalogRead, catalogCache } from './read-cache.ts';
import {
  productDetailSchema,
  productListQuerySchema,
  productListSchema,
  productSlugParamsSchema,
} from './schemas.ts';

/** The public catalog: cacheable reads (ETag, 304, Cache-Control) of active products only. */
export const catalogRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const cached = cachedCatalogRead(catalogCache(ctx));
  app.get(
    '/products',
    {
      schema: {
        tags: ['catalog'],
        summary: 'Active products: filters, full-text search, sorting and cursor pages',
        querystring: productListQuerySchema,
        response: { 200: productListSchema, 400: errorResponses[400] },
      },
      ...cached,
    },
    (request) => listProducts(ctx.db, request.query),
  );

  app.get(
    '/products/:slug',
    {
      schema: {
        tags: ['catalog'],
        summary: 'A product page: variants, images, warranty terms and the batch-variance note',
        params: productSlugParamsSchema,
        response: { 200: productDetailSchema, 404: errorResponses[404] },
      },
      ...cached,
    },
    (request) => getProduct(ctx.db, request.params.slug),
  );
};
