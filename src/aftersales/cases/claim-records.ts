/**
 * A claim as the engine reads it, built from the shop's records: shipment and delivery dates from the order,
 * the unit price paid, category, clearance and special-warranty flags from the order line (frozen at checkout,
 * so a later catalog edit never changes after-sales terms). Only the customer's answers (`facts`) come from the
 * request.
 */
import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { orderIdFromLinkToken } from '../../orders/order-link.ts';
import { orderLines, orders } from '../../orders/schema.ts';
import { AppError, Conflict, NotFound } from '../../shared/errors.ts';
import type { ClaimInput, ClaimKind } from '../claim.schema.ts';
import type { CaseFacts } from '../schema.ts';
import type { ClaimBody } from './schemas.ts';

export type OrderRow = typeof orders.$inferSelect;
export type OrderLineRow = typeof orderLines.$inferSelect;
/** What a claim reads of an order: its delivery dates, and what the "case opened" email names. */
export type ClaimOrder = Pick<
  OrderRow,
  'id' | 'reference' | 'email' | 'shippedAt' | 'deliveredAt' | 'deliveryUntraceable'
>;
/**
 * What a claim reads of a line: the engine's item facts (frozen at checkout), the names cases show, and the
 * product a declined claim is counted against in the owner's numbers.
 */
export type ClaimLine = Pick<
  OrderLineRow,
  | 'id'
  | 'productId'
  | 'productName'
  | 'variantName'
  | 'category'
  | 'unitPriceCents'
  | 'clearance'
  | 'specialWarranty'
>;

/**
 * The order behind a signed order link (the same authorisation as the order page), or a 404. Personal:
 * whoever holds the link is the customer.
 */
export async function orderOfLink(db: Db, secret: string, token: string): Promise<OrderRow> {
  const orderId = orderIdFromLinkToken(secret, token);
  const [order] = orderId ? await db.select().from(orders).where(eq(orders.id, orderId)) : [];
  if (!order) throw new NotFound('Order');
  return order;
}

export async function linesOf(db: Db, orderId: string): Promise<OrderLineRow[]> {
  return db.select().from(orderLines).where(eq(orderLines.orderId, orderId)).orderBy(asc(orderLines.id));
}

/**
 * Every kind of claim the policy knows is about an item in the customer's hands, so each needs the parcel
 * delivered (or its delivery recorded as untraceable: AS-DOA-1 then counts from shipment). A kind added later
 * that does not (a parcel lost in transit) says so here.
 */
const needsDelivery: Record<ClaimKind, boolean> = {
  dead_on_arrival: true,
  defective: true,
  incorrect_item: true,
  change_of_mind: true,
};

export interface ClaimOfLine<L extends ClaimLine = ClaimLine> {
  line: L;
  kind: ClaimKind;
  facts: CaseFacts;
  input: ClaimInput;
}

/**
 * The engine's input for each requested line, or a 4xx naming the line's field: a line of another order is a
 * 404 on `lines.N.orderLineId`; an order not shipped, or not delivered where the kind needs it, a 409 on it.
 */
export function claimsOf<L extends ClaimLine>(
  order: ClaimOrder,
  lines: L[],
  body: ClaimBody,
  now: Date,
): ClaimOfLine<L>[] {
  const byId = new Map(lines.map((l) => [l.id, l]));
  return body.lines.map((requested, i) => {
    const field = `lines.${i}.orderLineId`;
    const line = byId.get(requested.orderLineId);
    if (!line) throw new AppError('not_found', `${field}: no such line in this order`, { field });
    if (!order.shippedAt) {
      throw new Conflict(`${field}: order ${order.reference} has not shipped yet`, { field });
    }
    const delivered = order.deliveredAt !== null || order.deliveryUntraceable;
    if (needsDelivery[requested.kind] && !delivered) {
      throw new Conflict(`${field}: order ${order.reference} has not been delivered yet`, { field });
    }
    const { openedByCustomer, ...answers } = requested.facts;
    const facts: CaseFacts = { openedByCustomer, ...answers };
    const input: ClaimInput = {
      kind: requested.kind,
      openedAt: now.toISOString(),
      shippedAt: order.shippedAt.toISOString(),
      deliveredAt: order.deliveredAt ? order.deliveredAt.toISOString() : null,
      item: {
        category: line.category,
        unitPriceCents: line.unitPriceCents,
        clearance: line.clearance,
        specialWarranty: line.specialWarranty,
        openedByCustomer,
      },
      facts: answers,
    };
    return { line, kind: requested.kind, facts, input };
  });
}
