/**
 * The newsletter as the storefront's pages use it (PV-USE-1): the same use cases as /api/newsletter/* and
 * /api/account/newsletter. `.server` keeps the database code out of the browser.
 */
import type { AppLoadContext } from 'react-router';
import { emailInput } from '../../../src/accounts/customers/schemas.ts';
import {
  accountSubscription,
  setAccountSubscription,
} from '../../../src/messaging/newsletter/account-subscription.ts';
import { confirmSubscription } from '../../../src/messaging/newsletter/confirm-subscription.ts';
import { NEWSLETTER_ACCEPTED } from '../../../src/messaging/newsletter/schemas.ts';
import { acceptSubscriptionRequest } from '../../../src/messaging/newsletter/subscribe.ts';
import { isUnsubscribeToken } from '../../../src/messaging/newsletter/unsubscribe.ts';

export {
  acceptSubscriptionRequest,
  accountSubscription,
  confirmSubscription,
  isUnsubscribeToken,
  NEWSLETTER_ACCEPTED,
  setAccountSubscription,
};

/** How long a confirmation link works (NEWSLETTER_CONFIRM_HOURS), for the pages' words. */
export function confirmHours(context: AppLoadContext): number {
  return context.ctx.config.NEWSLETTER_CONFIRM_HOURS;
}

/** The typed address, normalised, or the words of what is wrong with it (the API's own check). */
export function parseNewsletterEmail(value: string): { email: string } | { error: string } {
  if (!value.trim()) return { error: 'Enter your email address' };
  const parsed = emailInput.safeParse(value);
  return parsed.success
    ? { email: parsed.data }
    : { error: 'Enter an email address such as ada@example.com' };
}
