/**
 * What a case gave the customer: refunds with their state, coupons, replacements (with the shipment's carrier
 * and tracking number once shipped). The staff case page shows it as is; the customer's through
 * customer-case-remedies.ts.
 */
import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { coupons } from '../../orders/coupons/coupon.schema.ts';
import { refundStatusLabel } from '../../orders/payments/payment-labels.ts';
import type { RefundStatus } from '../../orders/payments/payment-lifecycle.ts';
import { orders, refunds } from '../../orders/schema.ts';
import { NotFound } from '../../shared/errors.ts';
import { afterSalesCases } from '../schema.ts';
import { caseRemedies } from './remedy.schema.ts';
import type { CaseRemedyView } from './schemas.ts';

/**
 * The case's remedies, oldest first, and what the order may still have refunded. 404 for an unknown case.
 * `refundableCents` is the order's captured money minus every refund not failed, whatever asked for it.
 */
export async function listCaseRemedies(
  db: Db,
  caseId: string,
): Promise<{ orderId: string; items: CaseRemedyView[] }> {
  const [kase] = await db
    .select({ orderId: afterSalesCases.orderId })
    .from(afterSalesCases)
    .where(eq(afterSalesCases.id, caseId));
  if (!kase) throw new NotFound('Case');
  const rows = await db
    .select({
      remedy: caseRemedies,
      refund: {
        id: refunds.id,
        status: refunds.status,
        provider: refunds.provider,
        reference: refunds.processorReference,
      },
      coupon: { code: coupons.code, expiresAt: coupons.expiresAt, redeemedAt: coupons.redeemedAt },
      replacement: {
        id: orders.id,
        reference: orders.reference,
        status: orders.status,
        carrier: orders.carrier,
        trackingNumber: orders.trackingNumber,
      },
    })
    .from(caseRemedies)
    .leftJoin(refunds, eq(refunds.id, caseRemedies.refundId))
    .leftJoin(coupons, eq(coupons.id, caseRemedies.couponId))
    .leftJoin(orders, eq(orders.id, caseRemedies.replacementOrderId))
    .where(eq(caseRemedies.caseId, caseId))
    .orderBy(asc(caseRemedies.createdAt), asc(caseRemedies.id));
  return {
    orderId: kase.orderId,
    items: rows.map(({ remedy, refund, coupon, replacement }) => ({
      id: remedy.id,
      kind: remedy.kind,
      amountCents: remedy.amountCents,
      clause: remedy.clause,
      note: remedy.note,
      createdAt: remedy.createdAt.toISOString(),
      refund: refund
        ? {
            id: refund.id,
            method: refund.provider,
            status: refund.status as RefundStatus,
            statusLabel: refundStatusLabel(
              { method: refund.provider, status: refund.status as RefundStatus },
              'staff',
            ),
            reference: refund.reference,
          }
        : null,
      coupon: coupon
        ? {
            code: coupon.code,
            expiresAt: coupon.expiresAt.toISOString(),
            redeemedAt: coupon.redeemedAt?.toISOString() ?? null,
          }
        : null,
      replacementOrder: replacement
        ? {
            id: replacement.id,
            reference: replacement.reference,
            status: replacement.status,
            carrier: replacement.carrier,
            trackingNumber: replacement.trackingNumber,
          }
        : null,
    })),
  };
}
