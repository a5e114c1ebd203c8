/**
 * Issue 10 point 7: the customer hears of every step they must know about, in the transaction that makes it
 * (the outbox, src/messaging/outbox.ts), with a signed link back to the case.
 */
import { eq } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { enqueueMail } from '../../messaging/outbox.ts';
import {
  type CaseStepData,
  type CaseStepEmail,
  caseStepTemplate,
  renderCaseStep,
} from '../../messaging/templates/case-step.ts';
import { orderLinkToken } from '../../orders/order-link.ts';
import { orderLines, orders } from '../../orders/schema.ts';
import { getShopSettings } from '../../settings/shop.ts';
import { evidenceWords } from '../case-words.ts';
import type { EvidenceKind } from '../claim.schema.ts';
import { afterSalesEvidence } from '../evidence/evidence.schema.ts';
import type { Assessment } from '../policy.ts';
import { afterSalesCases, type CaseShipment } from '../schema.ts';
import { missingEvidence } from './case-evidence.rules.ts';
import type { CaseActor, CaseState } from './case-lifecycle.ts';
import { casePageUrl } from './case-link.ts';

type EmailCtx = Pick<AppContext, 'config' | 'secret'>;

/**
 * The email a move into `to` sends, or null when the customer needs none (their own moves, staff-side steps).
 * A move by the shop's jobs into `withdrawn` is the abandonment of the case.
 */
export function stepOfMove(to: CaseState, actor: CaseActor, assessment: Assessment): CaseStepEmail | null {
  if (actor === 'customer') return null;
  switch (to) {
    case 'awaiting_evidence':
      return assessment.evidence.some((e) => e.required) ? 'evidence_requested' : null;
    case 'return_authorised':
      return 'return_authorised';
    case 'parcel_received':
      return 'parcel_received';
    case 'quote_sent':
      return 'quote_sent';
    case 'resolved':
      return 'resolved';
    case 'declined':
      return 'declined';
    case 'closed':
      return 'closed';
    case 'withdrawn':
      return actor === 'system' ? 'abandoned' : null;
    default:
      return null;
  }
}

/** A resolution as the customer’s email says it; with the parcel staff recorded, its carrier and tracking number. */
export function resolutionOutcome(resolution: string, shipment: CaseShipment | null = null): string {
  // Staff gave the parcel: its carrier and tracking number instead of a promise of them.
  if (shipment)
    return `${resolution === 'repair' ? 'Your item is repaired. ' : ''}${shipmentSentence(shipment)}`;
  const sentences: Record<string, string> = {
    troubleshoot: 'Solved together with customer service: nothing needs to travel.',
    repair: 'Your item is repaired and sent back to you; the tracking number follows with the shipment.',
    replacement: 'A replacement is on its way to you; the tracking number follows with the shipment.',
    refund: 'Your money is refunded to the way you paid.',
    coupon: 'A coupon is issued to you instead of a return: enter its code at checkout.',
    keep_with_voucher: 'You keep the item and get a voucher: enter its code at checkout.',
  };
  return sentences[resolution] ?? `Resolution: ${resolution}.`;
}

/** The parcel back to the customer in one sentence: "Sent back with UPS, tracking number 1Z999.". */
export function shipmentSentence(shipment: CaseShipment): string {
  return `Sent back with ${shipment.carrier}${shipment.trackingNumber ? `, tracking number ${shipment.trackingNumber}` : ''}.`;
}

/**
 * The evidence the assessment requires that has no file yet, in words (what a request or a reminder lists): a
 * customer who sent the package photos is asked only for the rest.
 */
export function missingEvidenceWords(assessment: Assessment, uploaded: readonly EvidenceKind[]): string[] {
  return missingEvidence(assessment.evidence, uploaded).map((kind) => evidenceWords[kind]);
}

/** The kind of every evidence file of case `caseId` (one entry per file). */
export async function uploadedEvidenceKinds(db: Db, caseId: string): Promise<EvidenceKind[]> {
  const rows = await db
    .select({ kind: afterSalesEvidence.kind })
    .from(afterSalesEvidence)
    .where(eq(afterSalesEvidence.caseId, caseId));
  return rows.map((r) => r.kind);
}

/** The signed link the case emails carry: the customer's case page (case-link.ts). */
export function caseUrlOf(ctx: EmailCtx, orderId: string, reference: string): string {
  return casePageUrl(ctx.config.PUBLIC_URL, orderLinkToken(ctx.secret, orderId), reference);
}

/** What the caller knows of the step that the rows do not say (a quote's parts, a resolution in words). */
export type CaseStepExtra = Partial<
  Pick<CaseStepData, 'missingEvidence' | 'quote' | 'outcome' | 'since' | 'abandonAfterDays'>
>;

/**
 * Queues the email of `step` for case `caseId` to the order's buyer; returns the outbox id.
 * The case's stored assessment supplies the evidence list (requests), the return parcel (AS-GEN-2, AS-DEF-5,
 * AS-GEN-3) and, for a decline, the policy's reasons; `extra` overrides any of them.
 */
export async function enqueueCaseStepEmail(
  tx: Db,
  ctx: EmailCtx,
  caseId: string,
  step: CaseStepEmail,
  now: Date,
  extra: CaseStepExtra = {},
): Promise<string> {
  const [row] = await tx
    .select({ c: afterSalesCases, order: orders, line: orderLines })
    .from(afterSalesCases)
    .innerJoin(orders, eq(orders.id, afterSalesCases.orderId))
    .innerJoin(orderLines, eq(orderLines.id, afterSalesCases.orderLineId))
    .where(eq(afterSalesCases.id, caseId));
  if (!row) throw new Error(`case ${caseId} vanished inside its own transaction`);
  const { c, order, line } = row;
  const shop = await getShopSettings(tx);
  const assessment = c.assessment;
  const data: CaseStepData = {
    step,
    shopName: shop.name,
    caseReference: c.reference,
    orderReference: order.reference,
    productName: line.productName,
    variantName: line.variantName,
    caseUrl: caseUrlOf(ctx, order.id, c.reference),
    missingEvidence:
      step === 'evidence_requested' || step === 'evidence_reminder'
        ? missingEvidenceWords(assessment, await uploadedEvidenceKinds(tx, c.id))
        : [],
    returnParcel: {
      declaredValueCents: assessment.returnParcel?.declaredValueCents ?? null,
      payer: assessment.returnShipping.payer,
      reimbursableUpToCents: assessment.returnShipping.reimbursableUpToCents,
    },
    outcome: step === 'declined' ? assessment.reasons.map((r) => r.message) : [],
    ...extra,
  };
  return enqueueMail(
    tx,
    {
      template: caseStepTemplate(step),
      fromName: shop.name,
      to: order.email,
      orderId: order.id,
      ...renderCaseStep(data),
    },
    now,
  );
}
