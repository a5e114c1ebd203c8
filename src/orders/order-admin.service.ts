/** The back office's reads: the order list (filters, cursor pages, newest first) and one order's detail. */
import { and, desc, eq, gte, ilike, lt, or, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { AppContext } from '../context.ts';
import { NotFound, ValidationError } from '../shared/errors.ts';
import { loadAdminOrderDetail } from './order-view.ts';
import { orders } from './schema.ts';
import type { AdminOrderDetail, adminListQuery, adminOrderListResponse } from './schemas.ts';

type ListQuery = z.output<typeof adminListQuery>;
type ListPage = z.infer<typeof adminOrderListResponse>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function encodeCursor(placedAt: Date, id: string): string {
  return Buffer.from(`${placedAt.toISOString()}|${id}`).toString('base64url');
}

function decodeCursor(cursor: string): { placedAt: string; id: string } {
  const [placedAt, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (!placedAt || !id || !UUID.test(id) || Number.isNaN(Date.parse(placedAt))) {
    throw new ValidationError([{ field: 'cursor', message: 'is not a cursor this list returned' }]);
  }
  return { placedAt, id };
}

function likeEscape(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export async function listOrders(ctx: Pick<AppContext, 'db'>, query: ListQuery): Promise<ListPage> {
  const where: SQL[] = [];
  if (query.status) where.push(eq(orders.status, query.status));
  if (query.q) {
    const q = likeEscape(query.q);
    where.push(or(ilike(orders.reference, `${q}%`), ilike(orders.email, `%${q}%`)) as SQL);
  }
  if (query.from) where.push(gte(orders.placedAt, new Date(query.from)));
  if (query.to) where.push(lt(orders.placedAt, new Date(query.to)));
  if (query.cursor) {
    const c = decodeCursor(query.cursor);
    where.push(sql`(${orders.placedAt}, ${orders.id}) < (${c.placedAt}::timestamptz, ${c.id}::uuid)`);
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
    nextCursor: rows.length > query.limit && last ? encodeCursor(last.placedAt, last.id) : null,
  };
}

export async function orderDetail(ctx: Pick<AppContext, 'db'>, orderId: string): Promise<AdminOrderDetail> {
  const detail = await loadAdminOrderDetail(ctx.db, orderId);
  if (!detail) throw new NotFound('Order');
  return detail;
}
