/**
 * Orders as the customer's pages read them: the signed link from the emails, and the lookup by reference
 * and email. The same service functions as /api/orders/*.
 */
import { lookupOrderLinkToken, orderByLink } from '../../../src/orders/order-lookup.service.ts';
import { lookupBody } from '../../../src/orders/schemas.ts';
import { AppError } from '../../../src/shared/errors.ts';

export type { OrderView } from '../../../src/orders/schemas.ts';
export { lookupBody, lookupOrderLinkToken, orderByLink };

/** The order page's address for a signed link token (the same page the emails link to). */
export function orderPagePath(token: string): string {
  return `/orders/view?token=${encodeURIComponent(token)}`;
}

export function isNotFound(error: unknown): boolean {
  return error instanceof AppError && error.code === 'not_found';
}

/** Dates on the order page: the shop's one format (src/shared/format.ts), written on the server. */
export { countryName, formatDate, formatDateTime } from '../../../src/shared/format.ts';
