/**
 * A case resolved by a replacement (AS-DOA-1, AS-DEF-2, AS-INC-1): a zero-priced order for the case's item,
 * shipped through the ordinary order flow (orders/replacement-order.service.ts), linked to the case.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { placeReplacementOrder } from '../../orders/replacement-order.service.ts';
import { NotFound } from '../../shared/errors.ts';
import { uuidv7 } from '../../shared/ids.ts';
import { afterSalesCases } from '../schema.ts';
import type { CaseStaff } from './refund-case.ts';
import { caseRemedies } from './remedy.schema.ts';

/**
 * Places the replacement order in `tx` (stock taken) and links it to the case. `quantity` defaults to 1.
 * Returns the new order's id and reference (AC-26-…). Errors: 404 unknown case; 400 `quantity`; 409
 * `variantId` naming the variant when it is out of stock (nothing is written).
 */
export async function createReplacement(
  tx: Db,
  input: { caseId: string; staff: CaseStaff; quantity?: number; now: Date },
): Promise<{ orderId: string; reference: string }> {
  const [kase] = await tx
    .select({
      id: afterSalesCases.id,
      orderLineId: afterSalesCases.orderLineId,
      reference: afterSalesCases.reference,
    })
    .from(afterSalesCases)
    .where(eq(afterSalesCases.id, input.caseId));
  if (!kase) throw new NotFound('Case');
  const placed = await placeReplacementOrder(tx, {
    orderLineId: kase.orderLineId,
    quantity: input.quantity ?? 1,
    note: `Replacement for case ${kase.reference}`,
    actor: { type: 'staff', id: input.staff.id, name: input.staff.name },
    now: input.now,
  });
  await tx.insert(caseRemedies).values({
    id: uuidv7(input.now.getTime()),
    caseId: kase.id,
    kind: 'replacement',
    amountCents: 0,
    replacementOrderId: placed.orderId,
    staffId: input.staff.id,
    createdAt: input.now,
  });
  return placed;
}
