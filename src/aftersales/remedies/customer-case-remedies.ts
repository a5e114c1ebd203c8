/**
 * What a case gave the customer, as the customer's case page shows it once the case is resolved (issue 10
 * point 5): the coupon's code (AS-GEN-5) or the voucher's (AS-INC-2) to enter at checkout, the replacement
 * order with its tracking number once shipped, a refund in the customer's words. Staff-only parts (internal
 * notes, processor references, staff names) are left out.
 */
import type { Db } from '../../db/client.ts';
import { refundStatusLabel } from '../../orders/payments/payment-labels.ts';
import { listCaseRemedies } from './list-case-remedies.ts';
import type { RemedyKind } from './remedy.schema.ts';

export interface CustomerRemedy {
  id: string;
  kind: RemedyKind;
  /** Money given, in cents (0 for a replacement). */
  amountCents: number;
  /** The clause that decided it (AS-GEN-5, AS-INC-2, AS-GEN-3), when one did. */
  clause: string | null;
  /** A coupon or voucher: its code, expiry and use (ISO 8601 instants). */
  coupon: { code: string; expiresAt: string; redeemedAt: string | null } | null;
  /** A replacement: its order, status, and the carrier and tracking number once shipped (SH-ORD-1). */
  replacement: {
    reference: string;
    status: string;
    carrier: string | null;
    trackingNumber: string | null;
  } | null;
  /** A refund's state in the customer's words ("In progress", "Refunded to the card"…). */
  refundStatus: string | null;
}

/** The remedies of case `caseId`, oldest first. 404 for an unknown case (the caller checked the link). */
export async function customerCaseRemedies(db: Db, caseId: string): Promise<CustomerRemedy[]> {
  const { items } = await listCaseRemedies(db, caseId);
  return items.map((r) => ({
    id: r.id,
    kind: r.kind,
    amountCents: r.amountCents,
    clause: r.clause,
    coupon: r.coupon,
    replacement: r.replacementOrder
      ? {
          reference: r.replacementOrder.reference,
          status: r.replacementOrder.status,
          carrier: r.replacementOrder.carrier,
          trackingNumber: r.replacementOrder.trackingNumber,
        }
      : null,
    refundStatus: r.refund ? refundStatusLabel(r.refund, 'customer') : null,
  }));
}
