/**
 * How a guest finds an order: by reference and email together (one answer, "not found", whichever is wrong,
 * so neither can be probed alone), or by the signed link from the emails.
 */
import { and, eq } from 'drizzle-orm';
import type { AppContext } from '../context.ts';
import { NotFound } from '../shared/errors.ts';
import { orderIdFromLinkToken, orderLinkToken } from './order-link.ts';
import { loadOrderView } from './order-view.ts';
import { orders } from './schema.ts';
import type { OrderView } from './schemas.ts';

async function orderIdOf(ctx: Pick<AppContext, 'db'>, reference: string, email: string) {
  const [row] = await ctx.db
    .select({ id: orders.id })
    .from(orders)
    .where(
      and(eq(orders.reference, reference.trim().toUpperCase()), eq(orders.email, email.trim().toLowerCase())),
    );
  return row?.id ?? null;
}

export async function lookupOrder(
  ctx: Pick<AppContext, 'db'>,
  reference: string,
  email: string,
): Promise<OrderView> {
  const id = await orderIdOf(ctx, reference, email);
  const view = id ? await loadOrderView(ctx.db, id) : null;
  if (!view) throw new NotFound('Order');
  return view;
}

/**
 * The signed link token of the order with this reference and email: the web lookup form redirects to the
 * order page with it, so reference and email travel in a POST body, never in an address.
 */
export async function lookupOrderLinkToken(
  ctx: Pick<AppContext, 'db' | 'secret'>,
  reference: string,
  email: string,
): Promise<string> {
  const id = await orderIdOf(ctx, reference, email);
  if (!id) throw new NotFound('Order');
  return orderLinkToken(ctx.secret, id);
}

export async function orderByLink(ctx: Pick<AppContext, 'db' | 'secret'>, token: string): Promise<OrderView> {
  const orderId = orderIdFromLinkToken(ctx.secret, token);
  const view = orderId ? await loadOrderView(ctx.db, orderId) : null;
  if (!view) throw new NotFound('Order');
  return view;
}
