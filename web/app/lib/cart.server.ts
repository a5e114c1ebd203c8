/**
 * The cart as pages use it: the same service functions as /api/cart, and the same cookie (name, HttpOnly,
 * Secure per config, SameSite=Lax, path /, 30 days). `.server` keeps the database code out of the browser.
 */
import type { AppLoadContext } from 'react-router';
import {
  addCartLine,
  cartItemCount,
  getCart,
  removeCartLine,
  setCartLineQuantity,
} from '../../../src/orders/cart.service.ts';
import { cartSetCookie, cartTokenOf } from '../../../src/orders/cart-cookie.ts';
import { MAX_QUANTITY_PER_LINE } from '../../../src/orders/schemas.ts';
import { AppError } from '../../../src/shared/errors.ts';

export type { CartLineView, CartView } from '../../../src/orders/schemas.ts';
export { addCartLine, getCart, MAX_QUANTITY_PER_LINE, removeCartLine, setCartLineQuantity };

/** The cart token from the request's cookies, if it has one. */
export function cartTokenFrom(context: AppLoadContext, request: Request): string | undefined {
  return cartTokenOf(context.ctx.config, request.headers.get('cookie'));
}

/** Headers that store (or extend the life of) the cart cookie, as the API's cart routes set it. */
export function cartCookieHeaders(context: AppLoadContext, token: string): Headers {
  return new Headers({ 'Set-Cookie': cartSetCookie(context.ctx.config, token) });
}

/** The header's item count. A failure shows an empty count rather than taking the page down. */
export async function headerCartCount(context: AppLoadContext, request: Request): Promise<number> {
  const token = cartTokenFrom(context, request);
  if (!token) return 0;
  try {
    return await cartItemCount(context.ctx, token);
  } catch (error) {
    context.log.error({ err: error, reference: context.requestId }, 'cart count unavailable');
    return 0;
  }
}

/** A whole number from a form field, or null when it is not one. */
export function intField(value: FormDataEntryValue | null): number | null {
  if (typeof value !== 'string' || !/^\s*\d{1,6}\s*$/.test(value)) return null;
  return Number.parseInt(value, 10);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A variant id from a form field, or null. */
export function variantIdField(value: FormDataEntryValue | null): string | null {
  return typeof value === 'string' && UUID.test(value) ? value.toLowerCase() : null;
}

/** What a page can tell the person about a refused request; anything else is rethrown (a 500 page). */
export interface ProblemView {
  code: string;
  message: string;
  field: string | null;
  status: number;
}

const statusOf: Record<string, number> = {
  validation_failed: 400,
  not_found: 404,
  conflict: 409,
  payment_declined: 402,
  policy_violation: 422,
  rate_limited: 429,
};

export function problemOf(error: unknown): ProblemView {
  if (!(error instanceof AppError) || !(error.code in statusOf)) throw error;
  return {
    code: error.code,
    message: error.message,
    field: error.field ?? null,
    status: statusOf[error.code] ?? 400,
  };
}
