/**
 * The numbers the privacy page states, read from the code that enforces them (the retention job, the cart
 * cookie, the checkout's stored answers), so the page cannot promise a period the shop does not keep.
 */

import type { AppLoadContext } from 'react-router';
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
  /** PV-ACC-3: an account unused this many months is deleted, warned this many days before. */
  idleMonths: number;
  idleWarningDays: number;
  /** PV-MIN-1: evidence files go this many days after their case finished. */
  evidenceDays: number;
  /** PV-COL-2: an email-a-friend message that could not be sent is gone within this many hours (the hourly job). */
  friendMailHours: number;
}

export function privacyFacts(context: AppLoadContext): PrivacyFacts {
  const config = context.ctx.config;
  return {
    cartDays: CART_DAYS,
    checkoutAnswerHours: IDEMPOTENCY_TTL_HOURS,
    mailDays: defaultRetentionPeriods.mailDays,
    idleMonths: config.CUSTOMER_IDLE_MONTHS,
    idleWarningDays: config.CUSTOMER_IDLE_WARNING_DAYS,
    evidenceDays: config.EVIDENCE_RETENTION_DAYS,
    friendMailHours: config.EMAIL_A_FRIEND_KEEP_HOURS + 1,
  };
}
