/**
 * Finding a customer account from what the owner types: its email, its id, or the reference of one of its
 * orders (AC-26-00123). Used by maintenance grants (whose data a grant covers) and the audit log's filter.
 */
import { eq } from 'drizzle-orm';
import { normaliseEmail } from '../../accounts/customers/account-records.ts';
import { customers } from '../../accounts/customers/schema.ts';
import type { Db } from '../../db/client.ts';
import { orders } from '../../orders/schema.ts';
import { AppError } from '../../shared/errors.ts';

export interface ResolvedCustomer {
  id: string;
  email: string;
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What the 404 adds about guests by default: a guest's order has no account to cover. */
const noAccountForGuests = '(a guest order has no account)';

/**
 * The account `identifier` names, or a 404 on `field`: an unknown email or id, an unknown order reference, or a
 * guest's order (no account to cover). `guestAdvice` ends the message, for a caller with another way to a
 * guest's records. The message never echoes what was typed (it may be an email).
 */
export async function resolveCustomer(
  db: Db,
  identifier: string,
  field: string,
  guestAdvice = noAccountForGuests,
): Promise<ResolvedCustomer> {
  const value = identifier.trim();
  let found: ResolvedCustomer | undefined;
  if (value.includes('@')) {
    [found] = await db
      .select({ id: customers.id, email: customers.email })
      .from(customers)
      .where(eq(customers.email, normaliseEmail(value)));
  } else if (uuidPattern.test(value)) {
    [found] = await db
      .select({ id: customers.id, email: customers.email })
      .from(customers)
      .where(eq(customers.id, value.toLowerCase()));
  } else {
    [found] = await db
      .select({ id: customers.id, email: customers.email })
      .from(orders)
      .innerJoin(customers, eq(customers.id, orders.customerId))
      .where(eq(orders.reference, value.toUpperCase()));
  }
  if (!found) {
    throw new AppError(
      'not_found',
      `No customer account has that email, id or order reference ${guestAdvice}`,
      { field },
    );
  }
  return found;
}
