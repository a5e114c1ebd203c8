/**
 * A test card processor that behaves like a hosted one, run in-process. It plays the processor's part:
 * it receives the card (from the browser, never through the shop's own code paths), checks it, and returns
 * a token; later it authorises that token and confirms the capture by a signed webhook. It stores nothing:
 * a token is a signed payload holding only the last four digits, the brand and the test outcome.
 *
 * Test cards: 4242 4242 4242 4242 is approved, 4000 0000 0000 0002 is declined; any other number that passes
 * the Luhn check is approved too.
 */
import { hmac, safeEqual } from '../../shared/crypto.ts';
import { ValidationError } from '../../shared/errors.ts';
import { randomToken } from '../../shared/ids.ts';
import { cardDigits, cardMessages, isExpired } from './card-input.ts';
import type { WebhookRequest } from './webhook-delivery.ts';

export const TEST_CARD_WEBHOOK_PATH = '/api/payments/webhooks/test-card';
export const TEST_CARD_SIGNATURE_HEADER = 'x-test-processor-signature';
export const DECLINED_TEST_CARD = '4000000000000002';

const TOKEN_TTL_MS = 30 * 60_000;
/** A webhook signed longer ago than this is refused (replay defence). */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

export interface CardDetails {
  cardNumber: string;
  expMonth: number;
  expYear: number;
  cvc: string;
}

interface TokenPayload {
  v: 1;
  last4: string;
  brand: string;
  outcome: 'approve' | 'decline';
  /** Issued at, ms since epoch. */
  iat: number;
}

export type AuthorizeOutcome =
  | { result: 'approved'; reference: string }
  | { result: 'declined' }
  | { result: 'invalid_token' };

export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

export function cardBrand(digits: string): string {
  if (/^4/.test(digits)) return 'visa';
  if (/^(5[1-5]|2(2[2-9]|[3-6]\d|7[01]|720))/.test(digits)) return 'mastercard';
  if (/^3[47]/.test(digits)) return 'amex';
  return 'unknown';
}

export class TestProcessor {
  readonly #webhookSecret: string;
  readonly #tokenKey: string;

  /** `secret` is the account's webhook secret, shared with the shop; token keys are derived from it. */
  constructor(secret: string) {
    this.#webhookSecret = secret;
    this.#tokenKey = hmac(secret, 'test-processor:token-key');
  }

  /** The processor's tokenisation endpoint: checks the card and returns a token; nothing is stored. */
  tokenize(card: CardDetails, now: Date): { token: string; last4: string; brand: string; expiresAt: Date } {
    const digits = cardDigits(card.cardNumber);
    if (!digits || !luhnValid(digits)) {
      throw new ValidationError([{ field: 'cardNumber', message: cardMessages.cardNumberInvalid }]);
    }
    // A card is valid until the end of its expiry month.
    if (isExpired({ month: card.expMonth, year: card.expYear }, now)) {
      const field = card.expYear === now.getUTCFullYear() ? 'expMonth' : 'expYear';
      throw new ValidationError([{ field, message: cardMessages.cardExpired }]);
    }
    const payload: TokenPayload = {
      v: 1,
      last4: digits.slice(-4),
      brand: cardBrand(digits),
      outcome: digits === DECLINED_TEST_CARD ? 'decline' : 'approve',
      iat: now.getTime(),
    };
    const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
    return {
      token: `tok_${body}.${hmac(this.#tokenKey, body)}`,
      last4: payload.last4,
      brand: payload.brand,
      expiresAt: new Date(now.getTime() + TOKEN_TTL_MS),
    };
  }

  #readToken(token: string, now: Date): TokenPayload | null {
    const match = /^tok_([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)$/.exec(token);
    if (!match) return null;
    const [, body, signature] = match as unknown as [string, string, string];
    if (!safeEqual(signature, hmac(this.#tokenKey, body))) return null;
    try {
      const payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as TokenPayload;
      const age = now.getTime() - payload.iat;
      return payload.v === 1 && age >= 0 && age <= TOKEN_TTL_MS ? payload : null;
    } catch {
      return null;
    }
  }

  authorize(token: string, amountCents: number, now: Date): AuthorizeOutcome {
    const payload = this.#readToken(token, now);
    if (!payload) return { result: 'invalid_token' };
    if (payload.outcome === 'decline' || amountCents <= 0) return { result: 'declined' };
    return { result: 'approved', reference: `tcp_${randomToken().slice(0, 24)}` };
  }

  /** Releasing an authorisation: the test processor keeps no state, so there is nothing to undo. */
  void(_reference: string): void {}

  /** The capture confirmation the processor posts to the shop's webhook. */
  captureWebhook(reference: string, amountCents: number, now: Date): WebhookRequest {
    const body = JSON.stringify({
      id: `evt_${randomToken().slice(0, 24)}`,
      type: 'payment.captured',
      created: Math.floor(now.getTime() / 1000),
      data: { reference, amountCents, currency: 'USD' },
    });
    return {
      path: TEST_CARD_WEBHOOK_PATH,
      headers: { [TEST_CARD_SIGNATURE_HEADER]: signWebhook(this.#webhookSecret, body, now) },
      body,
    };
  }
}

/** `t=<unix seconds>,v1=<HMAC-SHA256 of "t.body">`, as hosted processors sign their webhooks. */
export function signWebhook(secret: string, body: string, now: Date): string {
  const t = Math.floor(now.getTime() / 1000);
  return `t=${t},v1=${hmac(secret, `${t}.${body}`)}`;
}

export function verifyWebhookSignature(
  secret: string,
  body: string,
  header: string | undefined,
  now: Date,
): boolean {
  if (!header || header.length > 500) return false;
  const parts = new Map(
    header.split(',').map((p) => {
      const i = p.indexOf('=');
      return [p.slice(0, i).trim(), p.slice(i + 1).trim()] as const;
    }),
  );
  const t = Number(parts.get('t'));
  const v1 = parts.get('v1');
  if (!Number.isInteger(t) || !v1) return false;
  if (Math.abs(now.getTime() / 1000 - t) > SIGNATURE_TOLERANCE_SECONDS) return false;
  return safeEqual(v1, hmac(secret, `${t}.${body}`));
}
