/**
 * The newsletter's decisions (PV-USE-1), pure: what a request to subscribe does in each state, whether a
 * confirmation link still works, the one-click unsubscribe token and the headers every campaign email
 * carries. No database, no clock: times and the secret come in as values.
 */
import { createHmac } from 'node:crypto';
import { safeEqual } from '../../shared/crypto.ts';

export type SubscriberStatus = 'pending' | 'confirmed' | 'unsubscribed';

/** What the sign-up rule reads of an address's row. */
export interface SubscribeState {
  status: SubscriberStatus;
  confirmTokenHash: string | null;
  confirmExpiresAt: Date | null;
  /** When the address was last sent a confirmation link (or asked first). */
  requestedAt: Date;
}

/**
 * What asking to subscribe does, by the address's state (PV-USE-1): a new, unsubscribed or pending address gets
 * a (fresh) confirmation link, except a pending one sent a link that still works less than `resendMinutes`
 * (NEWSLETTER_RESEND_MINUTES) ago: asking again and again must not flood someone's inbox. A confirmed address
 * gets nothing new. The HTTP answer is the same in every case, so it tells nobody whether an address is on
 * the list.
 */
export function onSubscribeRequest(
  row: SubscribeState | null,
  now: Date,
  resendMinutes: number,
): 'send_confirmation' | 'nothing' {
  if (!row) return 'send_confirmation';
  if (row.status === 'confirmed') return 'nothing';
  const linkWorks =
    row.status === 'pending' &&
    row.confirmTokenHash !== null &&
    row.confirmExpiresAt !== null &&
    row.confirmExpiresAt.getTime() > now.getTime();
  const sentRecently = now.getTime() - row.requestedAt.getTime() < resendMinutes * 60_000;
  return linkWorks && sentRecently ? 'nothing' : 'send_confirmation';
}

/**
 * When an account's confirmed subscription moves to the account's new address and that address already has a
 * row (one row per address), which one stays (PV-USE-1): the new address's row if it is confirmed already (its
 * own proof of consent stays), or if it was unsubscribed after the account's consent was given (the later
 * decision wins: no offers to an address that said no since); otherwise the account's row, moved.
 */
export function keptOnAddressChange(
  moving: { confirmedAt: Date | null },
  existing: { status: SubscriberStatus; unsubscribedAt: Date | null },
): 'moving' | 'existing' {
  if (existing.status === 'confirmed') return 'existing';
  if (existing.status === 'unsubscribed' && existing.unsubscribedAt) {
    const consent = moving.confirmedAt?.getTime() ?? 0;
    if (existing.unsubscribedAt.getTime() > consent) return 'existing';
  }
  return 'moving';
}

export type ConfirmRefusal = 'token_unknown' | 'token_used' | 'token_expired';

/** Whether a confirmation link still confirms: unknown, already followed, or past its expiry. */
export function confirmRefusal(
  row: { status: SubscriberStatus; confirmExpiresAt: Date | null } | null,
  now: Date,
): ConfirmRefusal | null {
  if (!row) return 'token_unknown';
  if (row.status !== 'pending') return 'token_used';
  if (!row.confirmExpiresAt || row.confirmExpiresAt.getTime() <= now.getTime()) return 'token_expired';
  return null;
}

/** The words of each refusal, for the API's 400 on `token` and the confirmation page. */
export const CONFIRM_MESSAGES: Record<ConfirmRefusal, string> = {
  token_unknown: 'This link is not valid: copy the whole link from the email, or sign up again',
  token_used:
    'This link was already used or replaced by a newer one: sign up again if you still want our offers',
  token_expired: 'This link has expired: sign up again and we will send you a new one',
};

export const UNSUBSCRIBE_MESSAGE =
  'This unsubscribe link is not valid: copy the whole link from the email, or write to us';

/** The expiry of a confirmation link issued at `now` (NEWSLETTER_CONFIRM_HOURS). */
export function confirmExpiry(now: Date, hours: number): Date {
  return new Date(now.getTime() + hours * 3_600_000);
}

const UNSUBSCRIBE_PURPOSE = 'newsletter-unsubscribe:';

/**
 * The unsubscribe token of a subscriber: its id (32 hex digits) followed by an HMAC-SHA256 of that id with
 * the app's secret. Nothing is stored for it, so every campaign email can carry it, and it never expires:
 * a customer must be able to leave from any email they ever received (PV-USE-1).
 */
export function unsubscribeToken(secret: string, subscriberId: string): string {
  const hex = subscriberId.replaceAll('-', '').toLowerCase();
  return `${hex}${mac(secret, hex)}`;
}

/** The subscriber id an unsubscribe token was made for, or null when it was not made with this secret. */
export function subscriberOfToken(secret: string, token: string): string | null {
  const match = /^([0-9a-f]{32})([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) return null;
  const [, hex, given] = match as unknown as [string, string, string];
  if (!safeEqual(mac(secret, hex), given)) return null;
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function mac(secret: string, hex: string): string {
  return createHmac('sha256', secret).update(`${UNSUBSCRIBE_PURPOSE}${hex}`).digest('base64url');
}

/** The storefront page (and one-click target) that unsubscribes the holder of `token`. */
export function unsubscribeUrl(publicUrl: string, token: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/newsletter/unsubscribe?token=${encodeURIComponent(token)}`;
}

/** The storefront page the confirmation email links to: it shows a button, its POST confirms. */
export function confirmUrl(publicUrl: string, token: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/newsletter/confirm?token=${encodeURIComponent(token)}`;
}

/**
 * The headers of every campaign email (PV-USE-1, RFC 2369 and RFC 8058): mail providers show an
 * "Unsubscribe" button that posts `List-Unsubscribe=One-Click` to the URL, with no cookies.
 */
export function listUnsubscribeHeaders(url: string): Record<string, string> {
  return { 'List-Unsubscribe': `<${url}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' };
}

/** True when a posted form body is RFC 8058's one-click request. */
export function isOneClickBody(form: URLSearchParams): boolean {
  return form.get('List-Unsubscribe') === 'One-Click';
}
