/** The account page's own data: the profile and the orders with their cases. */
import { asc, desc, eq, inArray } from 'drizzle-orm';
import { casePagePath } from '../../aftersales/cases/case-link.ts';
import { afterSalesCases } from '../../aftersales/schema.ts';
import type { AppContext } from '../../context.ts';
import { orderLinkToken, orderPageUrl } from '../../orders/order-link.ts';
import { orders } from '../../orders/schema.ts';
import { AppError } from '../../shared/errors.ts';
import { checkedField } from '../../shared/validate.ts';
import type { CustomerPrincipal, CustomerView } from './account-records.ts';
import { customers } from './schema.ts';
import { nameInput, phoneInput } from './schemas.ts';

/** The signed-in customer's account as stored now (the principal may be a request old). */
export async function getAccount(
  ctx: Pick<AppContext, 'db'>,
  principal: CustomerPrincipal,
): Promise<CustomerView & { emailVerifiedAt: Date | null; createdAt: Date }> {
  const [row] = await ctx.db
    .select({
      id: customers.id,
      email: customers.email,
      name: customers.name,
      phone: customers.phone,
      emailVerifiedAt: customers.emailVerifiedAt,
      createdAt: customers.createdAt,
    })
    .from(customers)
    .where(eq(customers.id, principal.id));
  if (!row) throw new AppError('unauthenticated', 'Sign in to see your account');
  return row;
}

/**
 * Changes the name and phone (PV-RGT-1: customers correct their data themselves; PV-COL-1: of the kinds the
 * clause lists, the account keeps its name, phone and email, nothing more). Both are checked here with the
 * API's own schemas (`nameInput`, `phoneInput`: trimmed, bounded, visible text), whoever calls: a
 * ValidationError naming `name` or `phone` otherwise. An empty phone removes it. Returns the account as it now is.
 */
export async function updateProfile(
  ctx: Pick<AppContext, 'db'>,
  principal: CustomerPrincipal,
  change: { name: string; phone: string | null },
): Promise<CustomerView> {
  const name = checkedField(nameInput, 'name', change.name);
  const phone = checkedField(phoneInput, 'phone', change.phone);
  const [row] = await ctx.db
    .update(customers)
    .set({ name, phone: phone || null })
    .where(eq(customers.id, principal.id))
    .returning({ id: customers.id, email: customers.email, name: customers.name, phone: customers.phone });
  if (!row) throw new AppError('unauthenticated', 'Sign in to see your account');
  return row;
}

export interface AccountOrder {
  reference: string;
  placedAt: Date;
  status: string;
  totalCents: number;
  currency: string;
  /** The order page behind its signed link (a path of the storefront). */
  orderUrl: string;
  cases: Array<{ reference: string; state: string; url: string }>;
}

/** The account's orders, the newest first, each with its after-sales cases (oldest first) and their pages. */
export async function customerOrders(
  ctx: Pick<AppContext, 'db' | 'secret'>,
  principal: CustomerPrincipal,
): Promise<AccountOrder[]> {
  const rows = await ctx.db
    .select({
      id: orders.id,
      reference: orders.reference,
      placedAt: orders.placedAt,
      status: orders.status,
      totalCents: orders.totalCents,
      currency: orders.currency,
    })
    .from(orders)
    .where(eq(orders.customerId, principal.id))
    .orderBy(desc(orders.placedAt), desc(orders.id));
  if (rows.length === 0) return [];
  const cases = await ctx.db
    .select({
      orderId: afterSalesCases.orderId,
      reference: afterSalesCases.reference,
      state: afterSalesCases.state,
    })
    .from(afterSalesCases)
    .where(
      inArray(
        afterSalesCases.orderId,
        rows.map((r) => r.id),
      ),
    )
    .orderBy(asc(afterSalesCases.openedAt), asc(afterSalesCases.id));
  return rows.map((order) => {
    const token = orderLinkToken(ctx.secret, order.id);
    return {
      reference: order.reference,
      placedAt: order.placedAt,
      status: order.status,
      totalCents: order.totalCents,
      currency: order.currency,
      orderUrl: orderPageUrl('', token),
      cases: cases
        .filter((c) => c.orderId === order.id)
        .map((c) => ({ reference: c.reference, state: c.state, url: casePagePath(token, c.reference) })),
    };
  });
}
