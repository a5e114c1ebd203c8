/** The back office's reads of cases: the list (filters, cursor pages, newest first) and one case's detail. */
import { and, desc, eq, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { orderLines, orders } from '../../orders/schema.ts';
import { decodeCursor, encodeCursor, instantKey } from '../../shared/cursor.ts';
import { NotFound } from '../../shared/errors.ts';
import { afterSalesCases } from '../schema.ts';
import { adminCaseDetail } from './case-views.ts';
import type { AdminCaseDetail, adminCaseListQuery, adminCaseListResponse } from './schemas.ts';

type ListQuery = z.output<typeof adminCaseListQuery>;
type ListPage = z.infer<typeof adminCaseListResponse>;

export async function listCases(ctx: Pick<AppContext, 'db'>, query: ListQuery): Promise<ListPage> {
  const where: SQL[] = [];
  if (query.state) where.push(eq(afterSalesCases.state, query.state));
  if (query.kind) where.push(eq(afterSalesCases.kind, query.kind));
  if (query.cursor) {
    const c = decodeCursor(query.cursor, 'newest', instantKey);
    where.push(
      sql`(${afterSalesCases.openedAt}, ${afterSalesCases.id}) < (${c.key}::timestamptz, ${c.id}::uuid)`,
    );
  }
  const rows = await ctx.db
    .select({
      id: afterSalesCases.id,
      reference: afterSalesCases.reference,
      orderId: afterSalesCases.orderId,
      orderReference: orders.reference,
      productName: orderLines.productName,
      kind: afterSalesCases.kind,
      state: afterSalesCases.state,
      eligible: sql<boolean>`(${afterSalesCases.assessment}->>'eligible')::boolean`,
      policyVersion: afterSalesCases.policyVersion,
      openedAt: afterSalesCases.openedAt,
      updatedAt: afterSalesCases.updatedAt,
    })
    .from(afterSalesCases)
    .innerJoin(orders, eq(orders.id, afterSalesCases.orderId))
    .innerJoin(orderLines, eq(orderLines.id, afterSalesCases.orderLineId))
    .where(and(...where))
    .orderBy(desc(afterSalesCases.openedAt), desc(afterSalesCases.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map((r) => ({
      ...r,
      openedAt: r.openedAt.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
    })),
    nextCursor:
      rows.length > query.limit && last ? encodeCursor('newest', last.openedAt.toISOString(), last.id) : null,
  };
}

export async function caseDetail(ctx: Pick<AppContext, 'db'>, caseId: string): Promise<AdminCaseDetail> {
  const detail = await adminCaseDetail(ctx.db, caseId);
  if (!detail) throw new NotFound('Case');
  return detail;
}
