/**
 * What resolving a case does with money and goods (issue 10 point 5), inside the decision's transaction:
 * a coupon (AS-GEN-5) or a voucher (AS-INC-2) issued, a replacement order taken from stock, or a refund of the
 * item's price recorded on the order's payment. Repairs and troubleshooting move nothing here: a repaired
 * item goes back with the shipment staff record on the case's order.
 */
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import type { RefundRow } from '../../orders/payments/refunds.service.ts';
import { createReplacement } from './create-replacement.ts';
import { issueCaseCoupon } from './issue-case-coupon.ts';
import { recordCaseRefund } from './refund-case.ts';

export interface ResolutionInput {
  caseId: string;
  reference: string;
  resolution: string;
  /** AS-INC-2: the voucher's value, in cents, chosen by staff (400 `valueCents` when missing). */
  valueCents?: number | undefined;
  /** The unit price the customer paid for the item, in cents: what a refund gives back. */
  unitPriceCents: number;
  staff: { id: string; name: string };
  now: Date;
}

/** What the customer is told, and the refunds to hand to the processor once the transaction commits. */
export interface ResolutionOutcome {
  /** A sentence for the customer's email and the timeline, or null when the resolution needs none. */
  summary: string | null;
  refunds: RefundRow[];
}

/**
 * Applies `input.resolution`. Errors are those of the remedies: 409 `variantId` when the replacement is out of
 * stock, 409 `amountCents` when a refund would exceed what the order captured, 400 `valueCents` for a voucher
 * without a value.
 */
export async function applyResolution(
  tx: Db,
  ctx: Pick<AppContext, 'config'>,
  input: ResolutionInput,
): Promise<ResolutionOutcome> {
  const { caseId, staff, now } = input;
  switch (input.resolution) {
    case 'coupon': {
      const c = await issueCaseCoupon(tx, {
        caseId,
        clause: 'AS-GEN-5',
        staff,
        validityDays: ctx.config.COUPON_VALIDITY_DAYS,
        now,
      });
      return {
        summary: `Coupon ${c.code} issued, valid until ${c.expiresAt.toISOString().slice(0, 10)}.`,
        refunds: [],
      };
    }
    case 'keep_with_voucher': {
      const c = await issueCaseCoupon(tx, {
        caseId,
        clause: 'AS-INC-2',
        valueCents: input.valueCents,
        staff,
        validityDays: ctx.config.COUPON_VALIDITY_DAYS,
        now,
      });
      return {
        summary: `Voucher ${c.code} issued, valid until ${c.expiresAt.toISOString().slice(0, 10)}.`,
        refunds: [],
      };
    }
    case 'replacement': {
      const order = await createReplacement(tx, { caseId, staff, now });
      return { summary: `Replacement order ${order.reference} created.`, refunds: [] };
    }
    case 'refund': {
      const result = await recordCaseRefund(tx, {
        caseId,
        amountCents: input.unitPriceCents,
        kind: 'refund',
        reason: `Case ${input.reference} resolved with a refund`,
        idempotencyKey: `case-resolve:${caseId}`,
        staff,
        clause: null,
        now,
      });
      return {
        summary: 'Refund of the item’s price started.',
        refunds: result.created ? result.refunds : [],
      };
    }
    default:
      return { summary: null, refunds: [] };
  }
}
