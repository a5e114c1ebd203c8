/**
 * The numbers the privacy page states, read from the code that enforces them (the retention job, the cart
 * cookie, the checkout's stored answers), so the page cannot promise a period the shop does not keep.
 */

import { CART_DAYS } from '../../../src/orders/cart.service.ts';
import { IDEMPOTENCY_TTL_HOURS } from '../../../src/orders/idempotency.ts';
import { defaultRetentionPeriods } from '../../../src/privacy/retention.ts';

export interface PrivacyFacts {
  /** A cart untouched this long is deleted, and its cookie expires. */
  cartDays: number;
  /** The checkout's stored answer (for a retried request) is deleted after this. */
  checkoutAnswerHours: number;
  /** Sent or failed emails are deleted after this. */
  mailDays: number;
}

export function privacyFacts(): PrivacyFacts {
  return {
    cartDays: CART_DAYS,
    checkoutAnswerHours: IDEMPOTENCY_TTL_HOURS,
    mailDays: defaultRetentionPeriods.mailDays,
  };
}
