/** The back-office catalog, under /api/admin (the staff guard on that prefix covers every route here). */

import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { MAX_IMAGE_BYTES } from '../media/images.ts';
import { AppError } from '../shared/errors.ts';
import { errorResponses } from '../shared/http-schemas.ts';
import { isPlainText } from '../shared/text.ts';
import { getAdminProduct, listAdminProducts } from './admin-products.ts';
import { changeStock } from './change-stock.ts';
import { createProduct } from './create-product.ts';
import { addProductImage, removeProductImage, uploadProductImage } from './product-images.ts';
import { catalogCache } from './read-cache.ts';
import { replaceVariants } from './replace-variants.ts';
import {
  adminImageSchema,
  adminProductListQuerySchema,
  adminProductListSchema,
  adminProductSchema,
  createProductSchema,
  idParamsSchema,
  imageInputSchema,
  imageParamsSchema,
  replaceVariantsSchema,
  stockChangeSchema,
  stockResultSchema,
  updateProductSchema,
} from './schemas.ts';
import { updateProduct } from './update-product.ts';

const tags = ['catalog (back office)'];
const security = [{ staffSession: [] }];

/**
 * A multipart body the parser gives up on (no boundary, cut short) is the client's mistake: a 400 on `file`.
 * The parser's own limits keep their codes (413, see http-errors.ts).
 */
function unreadableMultipart(error: unknown): never {
  if (typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string') {
    if (error.code.startsWith('FST_')) throw error;
  }
  throw new AppError('validation_failed', 'The upload arrived incomplete or garbled; send it again', {
    field: 'file',
  });
}

export const catalogAdminRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  // A catalog change shows on this process's storefront at once (other processes within the cache's TTL).
  const cache = catalogCache(ctx);
  app.addHook('onResponse', async (request) => {
    if (request.method !== 'GET') cache.clear();
  });
  const now = () => ctx.clock.now();

  app.get(
    '/products',
    {
      schema: {
        tags,
        security,
        summary: 'Every product, drafts and archived included, with stock totals',
        querystring: adminProductListQuerySchema,
        response: { 200: adminProductListSchema, ...errorResponses },
      },
    },
    (request) => listAdminProducts(ctx.db, request.query),
  );

  app.get(
    '/products/:id',
    {
      schema: {
        tags,
        security,
        summary: 'A product with all its fields, variants and images',
        params: idParamsSchema,
        response: { 200: adminProductSchema, ...errorResponses },
      },
    },
    (request) => getAdminProduct(ctx.db, request.params.id),
  );

  app.post(
    '/products',
    {
      schema: {
        tags,
        security,
        summary: 'Creates a product (a draft unless status says otherwise) with its variants and images',
        body: createProductSchema,
        response: { 201: adminProductSchema, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await createProduct(ctx.db, request.body, now())),
  );

  app.patch(
    '/products/:id',
    {
      schema: {
        tags,
        security,
        summary: "Edits a product's fields (status, flags, texts, slug)",
        params: idParamsSchema,
        body: updateProductSchema,
        response: { 200: adminProductSchema, ...errorResponses },
      },
    },
    (request) => updateProduct(ctx.db, request.params.id, request.body, now()),
  );

  app.put(
    '/products/:id/variants',
    {
      schema: {
        tags,
        security,
        summary: "Replaces a product's variant list (matched by id, else SKU; missing ones are removed)",
        params: idParamsSchema,
        body: replaceVariantsSchema,
        response: { 200: adminProductSchema, ...errorResponses },
      },
    },
    (request) => replaceVariants(ctx.db, request.params.id, request.body, now()),
  );

  app.patch(
    '/variants/:id/stock',
    {
      schema: {
        tags,
        security,
        summary: "Sets ({ stock }) or adjusts ({ adjust }) a variant's stock; never below zero",
        params: idParamsSchema,
        body: stockChangeSchema,
        response: { 200: stockResultSchema, ...errorResponses },
      },
    },
    (request) => changeStock(ctx.db, request.params.id, request.body, now()),
  );

  app.post(
    '/products/:id/images',
    {
      schema: {
        tags,
        security,
        summary: 'Adds an image (a /media/… path or an https URL) after the existing ones',
        params: idParamsSchema,
        body: imageInputSchema,
        response: { 201: adminImageSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await addProductImage(ctx.db, request.params.id, request.body, now())),
  );

  await app.register(multipart, { limits: { fileSize: MAX_IMAGE_BYTES, files: 1, fields: 2, parts: 3 } });
  app.post(
    '/products/:id/images/upload',
    {
      schema: {
        tags,
        security,
        summary: `Uploads an image (multipart: alt, then file; JPEG, PNG, WebP, AVIF or GIF up to ${MAX_IMAGE_BYTES / 1024 / 1024} MB), stored re-encoded without metadata`,
        consumes: ['multipart/form-data'],
        params: idParamsSchema,
        response: { 201: adminImageSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      if (!request.isMultipart()) {
        throw new AppError('validation_failed', 'Send the image as multipart/form-data', { field: 'file' });
      }
      const part = await request.file().catch(unreadableMultipart);
      if (!part) throw new AppError('validation_failed', 'Choose an image to upload', { field: 'file' });
      const data = await part.toBuffer().catch(unreadableMultipart);
      const altField = part.fields.alt;
      const alt =
        altField && 'value' in altField && typeof altField.value === 'string' ? altField.value.trim() : '';
      if (alt.length === 0 || alt.length > 200 || !isPlainText(alt)) {
        throw new AppError('validation_failed', 'Describe the image in 1 to 200 characters (alt text)', {
          field: 'alt',
        });
      }
      const image = await uploadProductImage(
        ctx.db,
        ctx.config.DATA_DIR,
        request.params.id,
        { data, alt },
        now(),
      );
      return reply.status(201).send(image);
    },
  );

  app.delete(
    '/products/:id/images/:imageId',
    {
      schema: {
        tags,
        security,
        summary: 'Removes an image',
        params: imageParamsSchema,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await removeProductImage(ctx.db, request.params.id, request.params.imageId, now());
      return reply.status(204).send(null);
    },
  );
};
