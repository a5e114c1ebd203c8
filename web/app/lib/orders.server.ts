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

const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });

/** "US" → "United States". */
export function countryName(code: string): string {
  try {
    return regionNames.of(code) ?? code;
  } catch {
    return code;
  }
}

const dateFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' });
const timeFormat = new Intl.DateTimeFormat('en-GB', {
  timeStyle: 'short',
  timeZone: 'UTC',
  hourCycle: 'h23',
});

/** "25 Nov 2026", formatted on the server so the page hydrates with the same text. */
export function formatDay(iso: string | null): string | null {
  return iso ? dateFormat.format(new Date(iso)) : null;
}

/** "25 Nov 2026, 08:45 UTC". */
export function formatMoment(iso: string): string {
  const d = new Date(iso);
  return `${dateFormat.format(d)}, ${timeFormat.format(d)} UTC`;
}
