/**
 * How a guest finds an order: by reference and email together (one answer, "not found", whichever is wrong,
 * so neither can be probed alone), or by the signed link from the emails.
 */
import { and, eq } from 'drizzle-orm';
import type { AppContext } from '../context.ts';
import { NotFound } from '../shared/errors.ts';
import { orderIdFromLinkToken } from './order-link.ts';
import { loadOrderView } from './order-view.ts';
import { orders } from './schema.ts';
import type { OrderView } from './schemas.ts';

export async function lookupOrder(
  ctx: Pick<AppContext, 'db'>,
  reference: string,
  email: string,
): Promise<OrderView> {
  const [row] = await ctx.db
    .select({ id: orders.id })
    .from(orders)
    .where(
      and(eq(orders.reference, reference.trim().toUpperCase()), eq(orders.email, email.trim().toLowerCase())),
    );
  const view = row ? await loadOrderView(ctx.db, row.id) : null;
  if (!view) throw new NotFound('Order');
  return view;
}

export async function orderByLink(ctx: Pick<AppContext, 'db' | 'secret'>, token: string): Promise<OrderView> {
  const orderId = orderIdFromLinkToken(ctx.secret, token);
  const view = orderId ? await loadOrderView(ctx.db, orderId) : null;
  if (!view) throw new NotFound('Order');
  return view;
}
