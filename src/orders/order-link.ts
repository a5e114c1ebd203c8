/**
 * The signed link in order emails: `base64url(orderId).hmac`. It is a capability (whoever holds it sees the
 * order), unguessable and bound to one order; personal data never appears in it.
 */
import { hmac, safeEqual } from '../shared/crypto.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function signature(secret: string, payload: string): string {
  return hmac(secret, `order-link:${payload}`);
}

export function orderLinkToken(secret: string, orderId: string): string {
  const payload = Buffer.from(orderId, 'utf8').toString('base64url');
  return `${payload}.${signature(secret, payload)}`;
}

/** The order id a token was signed for, or null when it is malformed or tampered with. */
export function orderIdFromLinkToken(secret: string, token: string): string | null {
  const dot = token.indexOf('.');
  if (dot <= 0 || token.length > 200) return null;
  const payload = token.slice(0, dot);
  if (!/^[A-Za-z0-9_-]+$/.test(payload)) return null;
  if (!safeEqual(token.slice(dot + 1), signature(secret, payload))) return null;
  const orderId = Buffer.from(payload, 'base64url').toString('utf8');
  return UUID.test(orderId) ? orderId : null;
}

/** The web page the emails link to; the token sits in the query of that page's address. */
export function orderPageUrl(publicUrl: string, token: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/orders/view?token=${encodeURIComponent(token)}`;
}
