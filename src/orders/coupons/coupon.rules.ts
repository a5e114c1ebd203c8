/**
 * What a coupon is worth on an order, and whether it may be spent. Pure: no database, no clock (the time is
 * an input).
 *
 * Reading chosen: a coupon pays for goods, not for postage. The discount is min(value, subtotal), so a total
 * is never negative, and postage is priced on what the customer pays for the goods (subtotal − discount): free
 * post is earned by money spent, not by a coupon. An order paid wholly by a coupon therefore still pays its
 * postage, which keeps every order's payment positive (a card processor takes no zero charge). What is left of
 * a coupon worth more than the goods is not kept: a coupon is spent once (the checkout says so before paying).
 */
import { sumsTo } from '../../shared/allocate.ts';

export interface CouponState {
  valueCents: number;
  currency: string;
  expiresAt: Date;
  redeemedAt: Date | null;
}

export type CouponProblem = 'used' | 'expired' | 'currency';

/** Why the coupon cannot be spent at `now`, or null when it can. Used before expired: the truer answer. */
export function couponProblem(coupon: CouponState, now: Date, orderCurrency = 'USD'): CouponProblem | null {
  if (coupon.redeemedAt !== null) return 'used';
  if (now.getTime() >= coupon.expiresAt.getTime()) return 'expired';
  if (coupon.currency !== orderCurrency) return 'currency';
  return null;
}

/** The discount on goods worth `subtotalCents`: never more than the goods, never negative. */
export function couponDiscountCents(valueCents: number, subtotalCents: number): number {
  return Math.max(0, Math.min(valueCents, subtotalCents));
}

export interface OrderTotals {
  subtotalCents: number;
  discountCents: number;
  shippingCents: number;
  totalCents: number;
}

/**
 * An order's totals: subtotal − discount + shipping = total, checked by `sumsTo`. `shippingFor` prices the
 * postage on the goods actually paid for (see the file comment).
 */
export function orderTotals(
  subtotalCents: number,
  couponValueCents: number | null,
  shippingFor: (goodsPaidCents: number) => number,
): OrderTotals {
  const discountCents = couponValueCents === null ? 0 : couponDiscountCents(couponValueCents, subtotalCents);
  const shippingCents = shippingFor(subtotalCents - discountCents);
  const totalCents = subtotalCents - discountCents + shippingCents;
  sumsTo([subtotalCents, -discountCents, shippingCents], totalCents);
  return { subtotalCents, discountCents, shippingCents, totalCents };
}

/** When a coupon issued at `issuedAt` stops being valid, `validityDays` later (a setting). */
export function couponExpiry(issuedAt: Date, validityDays: number): Date {
  return new Date(issuedAt.getTime() + validityDays * 24 * 60 * 60 * 1000);
}
