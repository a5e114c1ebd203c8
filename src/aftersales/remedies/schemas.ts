/** The payloads of a case's money and goods (refunds, coupons, replacements) in the staff API. */
import { z } from 'zod';
import { refundStatuses } from '../../orders/payments/payment-lifecycle.ts';
import { text } from '../../shared/text.ts';
import { remedyKinds } from './remedy.schema.ts';

const isoDate = z.iso.datetime({ offset: true });

export const caseRefundBody = z.strictObject({
  /** Positive integer cents; at most what the order captured minus every earlier refund of it. */
  amountCents: z.number().int().min(1).max(100_000_000),
  /** 'refund' (the item, default) or 'return_shipping' (AS-GEN-3: prefer the receipt route, which applies the cap). */
  kind: z.enum(['refund', 'return_shipping']).default('refund'),
  /** Staff's reason (internal, never shown to the customer). */
  reason: text({ multiline: true }).trim().min(1).max(500),
});

export const returnShippingBody = z.strictObject({
  /** The postage receipt's amount, in cents (AS-GEN-3, AS-DEF-5). */
  receiptCents: z.number().int().min(0).max(100_000_000),
});

export const caseRemedySchema = z.object({
  id: z.uuid(),
  kind: z.enum(remedyKinds),
  amountCents: z.number().int(),
  clause: z.string().nullable(),
  note: z.string().nullable(),
  createdAt: isoDate,
  refund: z
    .object({
      id: z.uuid(),
      method: z.string(),
      status: z.enum(refundStatuses),
      statusLabel: z.string(),
      /** The processor's refund id, or the bank transfer's reference once staff recorded it. */
      reference: z.string().nullable(),
    })
    .nullable(),
  coupon: z.object({ code: z.string(), expiresAt: isoDate, redeemedAt: isoDate.nullable() }).nullable(),
  replacementOrder: z
    .object({
      id: z.uuid(),
      reference: z.string(),
      status: z.string(),
      /** SH-ORD-1: set once the replacement is shipped. */
      carrier: z.string().nullable(),
      trackingNumber: z.string().nullable(),
    })
    .nullable(),
});
export type CaseRemedyView = z.infer<typeof caseRemedySchema>;

export const caseRemediesResponse = z.object({
  /** The case's order: a bank-transfer refund's reference is recorded on it (POST /api/admin/orders/{id}/refunds/{refundId}/transfer). */
  orderId: z.uuid(),
  items: z.array(caseRemedySchema),
});

export const returnShippingResponse = z.object({
  amountCents: z.number().int(),
  reasons: z.array(z.object({ clause: z.string(), message: z.string() })),
  remedies: caseRemediesResponse,
});
