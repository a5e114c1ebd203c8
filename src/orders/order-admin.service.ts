/** The back office's reads: the order list (filters, cursor pages, newest first) and one order's detail. */
import { and, desc, eq, gte, ilike, lt, or, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { AppContext } from '../context.ts';
import { decodeCursor, encodeCursor, instantKey } from '../shared/cursor.ts';
import { NotFound } from '../shared/errors.ts';
import { escapeLike } from '../shared/sql.ts';
import { loadAdminOrderDetail } from './order-view.ts';
import { orders } from './schema.ts';
import type { AdminOrderDetail, adminListQuery, adminOrderListResponse } from './schemas.ts';

type ListQuery = z.output<typeof adminListQuery>;
type ListPage = z.infer<typeof adminOrderListResponse>;

export async function listOrders(ctx: Pick<AppContext, 'db'>, query: ListQuery): Promise<ListPage> {
  const where: SQL[] = [];
  if (query.status) where.push(eq(orders.status, query.status));
  if (query.q) {
    const q = escapeLike(query.q);
    where.push(or(ilike(orders.reference, `${q}%`), ilike(orders.email, `%${q}%`)) as SQL);
  }
  if (query.from) where.push(gte(orders.placedAt, new Date(query.from)));
  if (query.to) where.push(lt(orders.placedAt, new Date(query.to)));
  if (query.cursor) {
    const c = decodeCursor(query.cursor, 'newest', instantKey);
    where.push(sql`(${orders.placedAt}, ${orders.id}) < (${c.key}::timestamptz, ${c.id}::uuid)`);
  }
  const rows = await ctx.db
    .select({
      id: orders.id,
      reference: orders.reference,
      email: orders.email,
      customerName: sql<string>`${orders.shippingAddress}->>'name'`,
      status: orders.status,
      totalCents: orders.totalCents,
      paymentMethod: orders.paymentMethod,
      shippingMethod: orders.shippingMethod,
      placedAt: orders.placedAt,
    })
    .from(orders)
    .where(and(...where))
    .orderBy(desc(orders.placedAt), desc(orders.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map((r) => ({ ...r, currency: 'USD' as const, placedAt: r.placedAt.toISOString() })),
    nextCursor:
      rows.length > query.limit && last ? encodeCursor('newest', last.placedAt.toISOString(), last.id) : null,
  };
}

export async function orderDetail(ctx: Pick<AppContext, 'db'>, orderId: string): Promise<AdminOrderDetail> {
  const detail = await loadAdminOrderDetail(ctx.db, orderId);
  if (!detail) throw new NotFound('Order');
  return detail;
}
