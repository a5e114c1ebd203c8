/**
 * AS-GEN-5 (a coupon instead of sending a cheap item back) and AS-INC-2 (keep the incorrect item with a
 * voucher): the case issues a single-use code redeemable at checkout, linked to the case.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { issueCoupon } from '../../orders/coupons/issue-coupon.ts';
import { NotFound, ValidationError } from '../../shared/errors.ts';
import { uuidv7 } from '../../shared/ids.ts';
import { afterSalesCases } from '../schema.ts';
import type { CaseStaff } from './refund-case.ts';
import { caseRemedies } from './remedy.schema.ts';

export interface CaseCouponInput {
  caseId: string;
  /** 'AS-GEN-5': a coupon (its value is the engine's `couponValueCents`); 'AS-INC-2': a voucher, value set by staff. */
  clause: 'AS-GEN-5' | 'AS-INC-2';
  /** Required for AS-INC-2; for AS-GEN-5, when omitted, the value the engine stored on the case. */
  valueCents?: number;
  staff: CaseStaff | null;
  /** Days until it expires (config COUPON_VALIDITY_DAYS). */
  validityDays: number;
  now: Date;
}

/**
 * Issues the case's coupon in `tx` and returns its code (AC-XXXX-XXXX-XXXX), value and expiry. Errors: 404
 * unknown case; 400 `valueCents` when no value is given and the engine set none (or it is not positive).
 */
export async function issueCaseCoupon(
  tx: Db,
  input: CaseCouponInput,
): Promise<{ code: string; valueCents: number; expiresAt: Date; couponId: string }> {
  const [kase] = await tx
    .select({ id: afterSalesCases.id, assessment: afterSalesCases.assessment })
    .from(afterSalesCases)
    .where(eq(afterSalesCases.id, input.caseId));
  if (!kase) throw new NotFound('Case');
  const engineValue = kase.assessment.couponValueCents ?? null;
  const valueCents = input.valueCents ?? (input.clause === 'AS-GEN-5' ? engineValue : null);
  if (valueCents === null) {
    throw new ValidationError([{ field: 'valueCents', message: 'give the value of the voucher in cents' }]);
  }
  const coupon = await issueCoupon(tx, {
    valueCents,
    clause: input.clause,
    sourceCaseId: kase.id,
    validityDays: input.validityDays,
    now: input.now,
  });
  await tx.insert(caseRemedies).values({
    id: uuidv7(input.now.getTime()),
    caseId: kase.id,
    kind: input.clause === 'AS-GEN-5' ? 'coupon' : 'voucher',
    amountCents: coupon.valueCents,
    clause: input.clause,
    couponId: coupon.id,
    staffId: input.staff?.id ?? null,
    createdAt: input.now,
  });
  return {
    code: coupon.code,
    valueCents: coupon.valueCents,
    expiresAt: coupon.expiresAt,
    couponId: coupon.id,
  };
}
