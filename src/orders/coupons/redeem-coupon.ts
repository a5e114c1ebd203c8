/**
 * Spending a coupon at checkout, in the checkout's transaction. `lockCoupon` reads the coupon with its row
 * locked before the payment is authorised (the discount decides the amount); `markCouponRedeemed` spends it
 * once the order exists. Two checkouts with one code: the second waits on the row lock, then finds it spent
 * (409); the conditional update (`redeemed_at is null`) is the second guard should a caller skip the lock.
 */
import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { AppError, Conflict } from '../../shared/errors.ts';
import { formatDate } from '../../shared/format.ts';
import { couponDiscountCents, couponProblem } from './coupon.rules.ts';
import { type CouponRow, coupons } from './coupon.schema.ts';
import { normaliseCouponCode } from './coupon-code.ts';

const FIELD = 'couponCode';

/** A 400 whose message is a sentence for the person (a ValidationError would prefix the field's name). */
function unknownCode(): AppError {
  return new AppError(
    'validation_failed',
    'This coupon code does not exist; check it letter by letter (AC-XXXX-XXXX-XXXX)',
    { field: FIELD },
  );
}

/**
 * The spendable coupon behind `typed`, its row locked until the caller's transaction ends.
 * Errors: 400 `couponCode` unknown or malformed; 409 `couponCode` already used, expired, or in another currency.
 */
export async function lockCoupon(tx: Db, typed: string, now: Date): Promise<CouponRow> {
  return spendable(tx, typed, now, true);
}

/**
 * The checkout page's "Apply": what the coupon would take off goods worth `subtotalCents`, read without a lock
 * (checkout itself checks again, locked). Same errors as `lockCoupon`.
 */
export async function previewCoupon(
  db: Db,
  typed: string,
  subtotalCents: number,
  now: Date,
): Promise<{ code: string; valueCents: number; discountCents: number }> {
  const coupon = await spendable(db, typed, now, false);
  return {
    code: coupon.code,
    valueCents: coupon.valueCents,
    discountCents: couponDiscountCents(coupon.valueCents, subtotalCents),
  };
}

async function spendable(tx: Db, typed: string, now: Date, lock: boolean): Promise<CouponRow> {
  const code = normaliseCouponCode(typed);
  if (!code) throw unknownCode();
  const query = tx.select().from(coupons).where(eq(coupons.code, code));
  const [coupon] = lock ? await query.for('update') : await query;
  if (!coupon) throw unknownCode();
  const problem = couponProblem(coupon, now);
  if (problem === 'used') {
    throw new Conflict('This coupon has already been used: each coupon pays for one order', {
      field: FIELD,
    });
  }
  if (problem === 'expired') {
    throw new Conflict(`This coupon expired on ${formatDate(coupon.expiresAt)}`, { field: FIELD });
  }
  if (problem === 'currency') {
    throw new Conflict(`This coupon is in ${coupon.currency}; this shop takes orders in USD`, {
      field: FIELD,
    });
  }
  return coupon;
}

/** Spends the coupon locked by `lockCoupon` on the order. 409 `couponCode` when it was spent meanwhile. */
export async function markCouponRedeemed(
  tx: Db,
  couponId: string,
  order: { id: string; discountCents: number },
  now: Date,
): Promise<void> {
  const [spent] = await tx
    .update(coupons)
    .set({ redeemedAt: now, redeemedOrderId: order.id, redeemedDiscountCents: order.discountCents })
    .where(and(eq(coupons.id, couponId), isNull(coupons.redeemedAt)))
    .returning({ id: coupons.id });
  if (!spent) {
    throw new Conflict('This coupon has already been used: each coupon pays for one order', { field: FIELD });
  }
}
