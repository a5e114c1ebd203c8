/** Issuing a coupon: a new single-use code worth an amount, valid for a number of days. */
import type { Db } from '../../db/client.ts';
import { ValidationError } from '../../shared/errors.ts';
import { uuidv7 } from '../../shared/ids.ts';
import { couponExpiry } from './coupon.rules.ts';
import { type CouponRow, coupons } from './coupon.schema.ts';
import { newCouponCode } from './coupon-code.ts';

export interface IssueCouponInput {
  /** Positive integer cents. */
  valueCents: number;
  /** 'AS-GEN-5' or 'AS-INC-2': the clause the coupon is given under. */
  clause: string;
  sourceCaseId: string | null;
  now: Date;
  /** Days until it expires (config COUPON_VALIDITY_DAYS). */
  validityDays: number;
}

/**
 * Writes a coupon in `tx` and returns its row (the code is `row.code`). A clash of random codes (one chance in
 * 10^18) is retried with a new code rather than failing. Errors: 400 `valueCents` not a positive integer.
 */
export async function issueCoupon(tx: Db, input: IssueCouponInput): Promise<CouponRow> {
  if (!Number.isSafeInteger(input.valueCents) || input.valueCents <= 0) {
    throw new ValidationError([{ field: 'valueCents', message: 'must be a positive number of cents' }]);
  }
  for (let attempt = 0; ; attempt++) {
    const [row] = await tx
      .insert(coupons)
      .values({
        id: uuidv7(input.now.getTime()),
        code: newCouponCode(),
        valueCents: input.valueCents,
        currency: 'USD',
        clause: input.clause,
        sourceCaseId: input.sourceCaseId,
        issuedAt: input.now,
        expiresAt: couponExpiry(input.now, input.validityDays),
      })
      .onConflictDoNothing({ target: coupons.code })
      .returning();
    if (row) return row;
    if (attempt >= 3) throw new Error('could not find a free coupon code');
  }
}
