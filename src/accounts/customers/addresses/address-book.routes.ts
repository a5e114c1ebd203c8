/**
 * The address book over HTTP, under /api/account/addresses (issue 12 point 6). Behind the customer session
 * (401 without one, staff sessions included: the book is the customer's own); another customer's address id
 * is a 404. Answers are personal: no-store. The address is the checkout's `shippingAddressSchema`, so a saved
 * address passes checkout as typed there: the same fields, the same postal-code rule per country.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../../context.ts';
import { shippingAddressSchema, storedAddressSchema } from '../../../orders/schemas.ts';
import { errorResponses } from '../../../shared/http-schemas.ts';
import { noStore } from '../../../shared/no-store.ts';
import { customerOf, requireCustomer } from '../guard.ts';
import {
  addAddress,
  listAddresses,
  makeDefaultAddress,
  removeAddress,
  type SavedAddress,
  updateAddress,
} from './address-book.service.ts';

const TAGS = ['account'];

export const savedAddressSchema = z.object({
  id: z.uuid(),
  address: storedAddressSchema,
  isDefault: z.boolean(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});

const addressBody = z.strictObject({
  address: shippingAddressSchema,
  /** True makes it the default; otherwise the default stays where it is (a first address is the default). */
  isDefault: z.boolean().optional(),
});
const idParams = z.strictObject({ id: z.uuid() });

function wire(entry: SavedAddress): z.infer<typeof savedAddressSchema> {
  return {
    ...entry,
    createdAt: entry.createdAt.toISOString(),
    updatedAt: entry.updatedAt.toISOString(),
  };
}

export const addressBookRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.addHook('onRequest', noStore);
  app.addHook('onRequest', requireCustomer(ctx));

  app.get(
    '/account/addresses',
    {
      schema: {
        tags: TAGS,
        summary: "The account's saved addresses (the default first) and how many it may keep",
        response: {
          200: z.object({ addresses: z.array(savedAddressSchema), max: z.number().int() }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const addresses = await listAddresses(ctx, customerOf(request));
      return { addresses: addresses.map(wire), max: ctx.config.CUSTOMER_ADDRESSES_MAX };
    },
  );

  app.post(
    '/account/addresses',
    {
      bodyLimit: 16 * 1024,
      schema: {
        tags: TAGS,
        summary: 'Save an address (409 naming `address` once the book holds CUSTOMER_ADDRESSES_MAX)',
        body: addressBody,
        response: { 201: z.object({ address: savedAddressSchema }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const saved = await addAddress(ctx, customerOf(request), request.body);
      return reply.status(201).send({ address: wire(saved) });
    },
  );

  app.put(
    '/account/addresses/:id',
    {
      bodyLimit: 16 * 1024,
      schema: {
        tags: TAGS,
        summary: "Change a saved address (another customer's is a 404)",
        params: idParams,
        body: addressBody,
        response: { 200: z.object({ address: savedAddressSchema }), ...errorResponses },
      },
    },
    async (request) => {
      const saved = await updateAddress(ctx, customerOf(request), request.params.id, request.body);
      return { address: wire(saved) };
    },
  );

  app.post(
    '/account/addresses/:id/default',
    {
      schema: {
        tags: TAGS,
        summary: 'Make a saved address the default, preselected at checkout',
        params: idParams,
        response: { 200: z.object({ address: savedAddressSchema }), ...errorResponses },
      },
    },
    async (request) => {
      const saved = await makeDefaultAddress(ctx, customerOf(request), request.params.id);
      return { address: wire(saved) };
    },
  );

  app.delete(
    '/account/addresses/:id',
    {
      schema: {
        tags: TAGS,
        summary: 'Remove a saved address; when it was the default, the oldest remaining one becomes it',
        params: idParams,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await removeAddress(ctx, customerOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
};
