/**
 * The address book's rules (issue 12 point 6), pure: how many addresses an account keeps, which one is the
 * default, and when two addresses are the same one. No database, no clock.
 */
import type { ShippingAddress } from '../../../orders/schema.ts';

/** An address of the book as the rules see it. */
export interface BookEntry {
  id: string;
  isDefault: boolean;
  createdAt: Date;
}

/**
 * Whether one more address fits in a book holding `count` (CUSTOMER_ADDRESSES_MAX is `max`). Returns the
 * customer's words when it does not, naming the cap.
 */
export function addressBookFull(count: number, max: number): string | null {
  return count >= max
    ? `Your address book is full: it keeps at most ${max} addresses. Remove one you no longer use first.`
    : null;
}

/**
 * Whether a new address becomes the default: when asked, and always when it is the book's first, so that a
 * book with addresses always has one default to preselect at checkout.
 */
export function newAddressIsDefault(count: number, asked: boolean): boolean {
  return asked || count === 0;
}

/**
 * The address to make the default after one was removed: none when the book still has a default or is
 * empty, else the oldest remaining (the one the customer has kept longest).
 */
export function defaultAfterRemoval(remaining: readonly BookEntry[]): string | null {
  if (remaining.length === 0 || remaining.some((e) => e.isDefault)) return null;
  const oldest = [...remaining].sort(
    (a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : 1),
  )[0];
  return oldest?.id ?? null;
}

const comparable = (v: string | undefined) =>
  (v ?? '').normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
const parts = ['name', 'line1', 'line2', 'city', 'postalCode', 'region', 'country', 'phone'] as const;

/**
 * Whether two addresses are the same for a person: equal field by field, ignoring case, spacing and
 * Unicode spelling. "Save this address" at checkout does not add a copy of one already kept.
 */
export function sameAddress(a: ShippingAddress, b: ShippingAddress): boolean {
  return parts.every((p) => comparable(a[p]) === comparable(b[p]));
}
