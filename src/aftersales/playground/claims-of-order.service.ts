/**
 * The policy playground's "start from an order": each line of an order, by its reference, as the engine's input
 * built exactly as a customer's claim on it would be built now (`claimsOf`: dates from the order, price paid,
 * category, clearance and special-warranty flags from the line), for staff to try and vary. Reads only.
 */
import { eq } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import { orders } from '../../orders/schema.ts';
import { recordStaffAccess } from '../../privacy/staff-access/record-access.ts';
import { visibilityOf } from '../../privacy/staff-access/visibility.rules.ts';
import { orderHolders, type StaffWho, viewerOf } from '../../privacy/staff-access/visibility.ts';
import { AppError } from '../../shared/errors.ts';
import { type ClaimOfLine, claimsOf, linesOf, type OrderLineRow } from '../cases/claim-records.ts';
import type { ClaimKind } from '../claim.schema.ts';
import type { PlaygroundFromOrder } from './schemas.ts';

/**
 * `reference` (e.g. AC-26-00020, already trimmed and upper-cased) → the order's dates and its lines, each with
 * a claim of `kind` opened at the clock's now and no facts answered but `openedByCustomer: false`.
 * Errors name `reference`: 404 for no such order or one assigned to another member (PV-STF-1), 409 for an order not yet shipped or delivered (a customer
 * could not claim on it either).
 */
export async function claimsOfOrder(
  ctx: Pick<AppContext, 'db' | 'clock'>,
  reference: string,
  kind: ClaimKind,
  staff: StaffWho,
): Promise<PlaygroundFromOrder> {
  const notFound = () =>
    new AppError('not_found', `reference: No order ${reference}`, { field: 'reference' });
  const [order] = await ctx.db.select().from(orders).where(eq(orders.reference, reference));
  if (!order) throw notFound();
  // PV-STF-1: another member's order answers exactly as a missing one, and the refusal is recorded.
  const holders = await orderHolders(ctx.db, order.id);
  const viewer = await viewerOf(ctx.db, staff, ctx.clock.now());
  if (!holders || visibilityOf(viewer, holders).kind === 'hidden') {
    await recordStaffAccess(ctx.db, staff, ctx.clock.now(), [
      {
        outcome: 'refused',
        recordType: 'order',
        recordId: order.id,
        customerId: order.customerId,
        fields: [],
      },
    ]);
    throw notFound();
  }
  const lines = await linesOf(ctx.db, order.id);
  const body = { lines: lines.map((l) => ({ orderLineId: l.id, kind, facts: { openedByCustomer: false } })) };
  let claims: ClaimOfLine<OrderLineRow>[];
  try {
    claims = claimsOf(order, lines, body, ctx.clock.now());
  } catch (error) {
    // The customer's check names the line of the customer's request; here the order is what was asked for.
    if (error instanceof AppError) {
      const reason = error.message.replace(/^lines\.\d+\.orderLineId: /, '');
      const sentence = `${reason.charAt(0).toUpperCase()}${reason.slice(1)}`;
      throw new AppError(error.code, `reference: ${sentence}`, { field: 'reference' });
    }
    throw error;
  }
  return {
    order: {
      reference: order.reference,
      placedAt: order.placedAt.toISOString(),
      shippedAt: (order.shippedAt as Date).toISOString(),
      deliveredAt: order.deliveredAt ? order.deliveredAt.toISOString() : null,
      deliveryUntraceable: order.deliveryUntraceable,
    },
    lines: claims.map((c) => ({
      orderLineId: c.line.id,
      productName: c.line.productName,
      variantName: c.line.variantName,
      sku: c.line.sku,
      claim: c.input,
    })),
  };
}
