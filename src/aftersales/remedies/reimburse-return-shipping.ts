/**
 * AS-GEN-3: reimbursing the return postage of a case from its receipt, through the same refund path as the
 * item's refund. The amount is the pure rule's (`reimbursement`): when the engine made the shop the payer,
 * min(receipt, the claim's reimbursable ceiling), and nothing for a receipt at or above the policy's cap. The receipt's amount is an input: the postage-receipt evidence carries it.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { NotFound, ValidationError } from '../../shared/errors.ts';
import type { Assessment } from '../policy.ts';
import { afterSalesCases, policyVersions } from '../schema.ts';
import { type MoneyDecision, reimbursement } from './money.rules.ts';
import { type CaseRefundResult, type CaseStaff, recordCaseRefund } from './refund-case.ts';

export interface ReimburseInput {
  caseId: string;
  /** The postage receipt's amount, in cents (a non-negative integer). */
  receiptCents: number;
  idempotencyKey: string;
  staff: CaseStaff;
  /** The engine's latest answer for the case (the resolve action's); the case's stored one when omitted. */
  assessment?: Pick<Assessment, 'eligible' | 'returnShipping'>;
  now: Date;
}

/**
 * Decides the reimbursement and, when above 0, records it as a refund of the case in `tx` (kind
 * `return_shipping`, clause AS-GEN-3). Returns the decision (amount and reasons, e.g. "reimbursed only up to
 * the cap") and the refund, or null when nothing is owed. Errors: 404 unknown case; 400 `receiptCents`; and
 * those of `recordCaseRefund` (409 `amountCents` above what the order has left to refund).
 */
export async function reimburseReturnShipping(
  tx: Db,
  input: ReimburseInput,
): Promise<{ decision: MoneyDecision; refund: CaseRefundResult | null }> {
  if (!Number.isSafeInteger(input.receiptCents) || input.receiptCents < 0) {
    throw new ValidationError([{ field: 'receiptCents', message: 'must be a number of cents, 0 or more' }]);
  }
  const [kase] = await tx
    .select({ assessment: afterSalesCases.assessment, settings: policyVersions.settings })
    .from(afterSalesCases)
    .innerJoin(policyVersions, eq(policyVersions.version, afterSalesCases.policyVersion))
    .where(eq(afterSalesCases.id, input.caseId));
  if (!kase) throw new NotFound('Case');
  // The cap of the settings version the case was judged by (issue 10 point 6), never today's.
  const decision = reimbursement(
    input.receiptCents,
    input.assessment ?? kase.assessment,
    kase.settings.returnShippingFeeCapCents,
  );
  if (decision.amountCents === 0) return { decision, refund: null };
  const refund = await recordCaseRefund(tx, {
    caseId: input.caseId,
    amountCents: decision.amountCents,
    kind: 'return_shipping',
    reason: decision.reasons.map((r) => r.message).join(' '),
    idempotencyKey: input.idempotencyKey,
    staff: input.staff,
    clause: 'AS-GEN-3',
    now: input.now,
  });
  return { decision, refund };
}
