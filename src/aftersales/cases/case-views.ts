/** Cases as customers and staff see them, read from the rows (shared by the use cases that answer them). */
import { asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { orderLines, orders } from '../../orders/schema.ts';
import { afterSalesCaseEvents, afterSalesCases } from '../schema.ts';
import { actionsFor, caseActions } from './case-lifecycle.ts';
import type { AdminCaseDetail, CustomerCase } from './schemas.ts';

type CaseRow = typeof afterSalesCases.$inferSelect;
type EventRow = typeof afterSalesCaseEvents.$inferSelect;

async function eventsOf(db: Db, caseIds: string[]): Promise<Map<string, EventRow[]>> {
  const byCase = new Map<string, EventRow[]>();
  if (caseIds.length === 0) return byCase;
  const rows = await db
    .select()
    .from(afterSalesCaseEvents)
    .where(inArray(afterSalesCaseEvents.caseId, caseIds))
    .orderBy(asc(afterSalesCaseEvents.seq));
  for (const row of rows) byCase.set(row.caseId, [...(byCase.get(row.caseId) ?? []), row]);
  return byCase;
}

function eventView(e: EventRow) {
  return {
    at: e.at.toISOString(),
    actor: { type: e.actorType, id: e.actorId, name: e.actorName },
    action: e.action,
    fromState: e.fromState,
    toState: e.toState,
    note: e.note,
    assessment: e.assessment,
  };
}

/** The customer's cases of one order (or the ones listed), newest first. Staff names stay out. */
export async function customerCases(
  db: Db,
  where: { orderId: string } | { caseIds: string[] },
): Promise<CustomerCase[]> {
  const rows = await db
    .select({ c: afterSalesCases, productName: orderLines.productName, variantName: orderLines.variantName })
    .from(afterSalesCases)
    .innerJoin(orderLines, eq(orderLines.id, afterSalesCases.orderLineId))
    .where(
      'orderId' in where
        ? eq(afterSalesCases.orderId, where.orderId)
        : inArray(
            afterSalesCases.id,
            where.caseIds.length > 0 ? where.caseIds : ['00000000-0000-0000-0000-000000000000'],
          ),
    )
    .orderBy(asc(afterSalesCases.openedAt), asc(afterSalesCases.id));
  const events = await eventsOf(
    db,
    rows.map((r) => r.c.id),
  );
  return rows.map(({ c, productName, variantName }) => ({
    reference: c.reference,
    orderLineId: c.orderLineId,
    productName,
    variantName,
    kind: c.kind,
    state: c.state,
    policyVersion: c.policyVersion,
    assessment: c.assessment,
    openedAt: c.openedAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
    actions: actionsFor(c.state, 'customer'),
    timeline: (events.get(c.id) ?? []).map((e) => ({ ...eventView(e), actor: { type: e.actorType } })),
  }));
}

/** One case for the back office, or null. */
export async function adminCaseDetail(db: Db, caseId: string): Promise<AdminCaseDetail | null> {
  const [row] = await db
    .select({ c: afterSalesCases, order: orders, line: orderLines })
    .from(afterSalesCases)
    .innerJoin(orders, eq(orders.id, afterSalesCases.orderId))
    .innerJoin(orderLines, eq(orderLines.id, afterSalesCases.orderLineId))
    .where(eq(afterSalesCases.id, caseId));
  if (!row) return null;
  const { c, order, line } = row;
  const events = await eventsOf(db, [c.id]);
  return {
    id: c.id,
    reference: c.reference,
    kind: c.kind,
    state: c.state,
    policyVersion: c.policyVersion,
    facts: c.facts,
    assessment: c.assessment,
    openedAt: c.openedAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
    order: {
      id: order.id,
      reference: order.reference,
      status: order.status,
      email: order.email,
      customerName: order.shippingAddress.name,
      placedAt: order.placedAt.toISOString(),
      shippedAt: order.shippedAt?.toISOString() ?? null,
      deliveredAt: order.deliveredAt?.toISOString() ?? null,
      deliveryUntraceable: order.deliveryUntraceable,
    },
    line: {
      id: line.id,
      productName: line.productName,
      variantName: line.variantName,
      sku: line.sku,
      category: line.category,
      unitPriceCents: line.unitPriceCents,
      quantity: line.quantity,
      clearance: line.clearance,
      specialWarranty: line.specialWarranty,
    },
    timeline: (events.get(c.id) ?? []).map(eventView),
    actions: actionsFor(c.state, 'staff').map((action) => ({ action, label: caseActions[action].label })),
  };
}

export type { CaseRow };
