import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { errorResponses } from '../shared/http-schemas.ts';
import { noStore } from '../shared/no-store.ts';
import { wholeNumber } from '../shared/whole-number.ts';
import { addCartLine, getCart, removeCartLine, setCartLineQuantity } from './cart.service.ts';
import { cartCookieName, cartCookieOptions } from './cart-cookie.ts';
import {
  addLineBody,
  cartResponse,
  setLineBody,
  shippingMethodsResponse,
  variantIdParams,
} from './schemas.ts';
import { defaultShippingSettings, shippingMethods } from './shipping.ts';

/** Cart writes carry a few dozen bytes; anything bigger is refused before parsing. */
const CART_BODY_LIMIT = 4 * 1024;

export const cartRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  // Answers carry personal data (cart, order, session, card token): never stored by any cache.
  app.addHook('onRequest', noStore);
  const cookieOptions = cartCookieOptions(ctx.config);
  const CART_COOKIE = cartCookieName(ctx.config);
  const setCartCookie = (reply: FastifyReply, token: string) =>
    reply.setCookie(CART_COOKIE, token, cookieOptions);
  const tags = ['cart'];
  const security = [{ cart: [] }];

  app.get(
    '/cart',
    {
      schema: {
        tags,
        security,
        summary: 'The cart of this browser (empty when it has none; no cookie is set)',
        response: { 200: cartResponse, ...errorResponses },
      },
    },
    async (request) => ({ cart: await getCart(ctx, request.cookies[CART_COOKIE]) }),
  );

  app.post(
    '/cart/lines',
    {
      bodyLimit: CART_BODY_LIMIT,
      schema: {
        tags,
        security,
        summary: 'Adds units of a product variant; creates the cart and its cookie on the first add',
        body: addLineBody,
        response: { 200: cartResponse, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { variantId, quantity } = request.body;
      const { token, cart } = await addCartLine(ctx, request.cookies[CART_COOKIE], variantId, quantity);
      setCartCookie(reply, token);
      return { cart };
    },
  );

  app.patch(
    '/cart/lines/:variantId',
    {
      bodyLimit: CART_BODY_LIMIT,
      schema: {
        tags,
        security,
        summary: "Sets a line's quantity; 0 removes the line",
        params: variantIdParams,
        body: setLineBody,
        response: { 200: cartResponse, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { token, cart } = await setCartLineQuantity(
        ctx,
        request.cookies[CART_COOKIE],
        request.params.variantId,
        request.body.quantity,
      );
      setCartCookie(reply, token);
      return { cart };
    },
  );

  app.delete(
    '/cart/lines/:variantId',
    {
      schema: {
        tags,
        security,
        summary: 'Removes a line (removing a line that is not there changes nothing)',
        params: variantIdParams,
        response: { 200: cartResponse, ...errorResponses },
      },
    },
    async (request) => ({
      cart: await removeCartLine(ctx, request.cookies[CART_COOKIE], request.params.variantId),
    }),
  );

  app.get(
    '/shipping-methods',
    {
      schema: {
        tags: ['checkout'],
        summary: 'Shipping methods and their prices',
        querystring: z.strictObject({ subtotalCents: wholeNumber({ min: 0, max: 1e9 }).optional() }),
        response: { 200: shippingMethodsResponse, ...errorResponses },
      },
    },
    async (request) => ({
      methods: shippingMethods(request.query.subtotalCents ?? 0),
      freePostFromCents: defaultShippingSettings.freePostFromCents,
    }),
  );
};
