/**
 * A test card processor that behaves like a hosted one, run in-process. It plays the processor's part:
 * it receives the card (from the browser, never through the shop's own code paths), checks it, and returns
 * a token; later it authorises that token (once: a token is single use), confirms the capture by a signed
 * webhook, and refunds a captured payment on request (idempotent by key), confirming that by webhook too.
 * A token is a signed payload holding only the last four digits, the brand, the test outcome and a nonce;
 * the processor's own records (charges, refunds) live in test-processor.schema.ts, written in the caller's
 * transaction (`db`), so an authorisation rolled back with its checkout leaves no trace and frees its token.
 *
 * Test cards: 4242 4242 4242 4242 is approved, 4000 0000 0000 0002 is declined, 4000 0000 0000 5126 is
 * approved but every refund of it is refused; any other number that passes the Luhn check is approved too.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { hmac, safeEqual } from '../../shared/crypto.ts';
import { ValidationError } from '../../shared/errors.ts';
import { randomToken } from '../../shared/ids.ts';
import { cardDigits, cardMessages, isExpired } from './card-input.ts';
import { testProcessorCharges, testProcessorRefunds } from './test-processor.schema.ts';
import type { WebhookRequest } from './webhook-delivery.ts';

export const TEST_CARD_WEBHOOK_PATH = '/api/payments/webhooks/test-card';
export const TEST_CARD_SIGNATURE_HEADER = 'x-test-processor-signature';
export const DECLINED_TEST_CARD = '4000000000000002';
/** Approved, but the processor refuses every refund of it (as a closed card account would). */
export const REFUND_FAILS_TEST_CARD = '4000000000005126';

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
  v: 2;
  /** The token's id: the processor records it when the token pays, and refuses it after. */
  jti: string;
  last4: string;
  brand: string;
  outcome: 'approve' | 'decline';
  refunds: 'succeed' | 'fail';
  /** Issued at, ms since epoch. */
  iat: number;
}

export type AuthorizeOutcome =
  | { result: 'approved'; reference: string }
  | { result: 'declined' }
  | { result: 'invalid_token' }
  | { result: 'token_used' };

export interface RefundRequest {
  /** The charge's reference (the payment's processorReference). */
  reference: string;
  amountCents: number;
  /** The same key returns the refund already made for it instead of refunding again. */
  idempotencyKey: string;
}

export type RefundOutcome = { result: 'accepted'; refundId: string } | { result: 'refused'; message: string };

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
      v: 2,
      jti: randomToken().slice(0, 22),
      last4: digits.slice(-4),
      brand: cardBrand(digits),
      outcome: digits === DECLINED_TEST_CARD ? 'decline' : 'approve',
      refunds: digits === REFUND_FAILS_TEST_CARD ? 'fail' : 'succeed',
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
      const fresh = age >= 0 && age <= TOKEN_TTL_MS;
      return payload.v === 2 && typeof payload.jti === 'string' && fresh ? payload : null;
    } catch {
      return null;
    }
  }

  /**
   * Authorises `amountCents` on the token's card, in `db` (the caller's transaction). A token pays once: its
   * id is recorded with a unique index in the same statement that records the charge, so of two concurrent
   * uses one waits for the other and then gets `token_used`.
   */
  async authorize(db: Db, token: string, amountCents: number, now: Date): Promise<AuthorizeOutcome> {
    const payload = this.#readToken(token, now);
    if (!payload) return { result: 'invalid_token' };
    if (payload.outcome === 'decline' || amountCents <= 0) return { result: 'declined' };
    const reference = `tcp_${randomToken().slice(0, 24)}`;
    const [charge] = await db
      .insert(testProcessorCharges)
      .values({
        reference,
        tokenId: payload.jti,
        amountCents,
        refundOutcome: payload.refunds,
        createdAt: now,
      })
      .onConflictDoNothing({ target: testProcessorCharges.tokenId })
      .returning({ reference: testProcessorCharges.reference });
    return charge ? { result: 'approved', reference } : { result: 'token_used' };
  }

  /** Releasing an authorisation: nothing was taken, so the charge record simply stays unrefundable. */
  void(_reference: string): void {}

  /**
   * The processor's refund endpoint: refunds part or all of a charge, never more than it took across its
   * refunds. The same idempotency key returns the refund made for it. Refused: an unknown charge, too much,
   * or a card whose refunds fail. Confirmation follows by webhook (`refundWebhook`).
   */
  async refund(db: Db, request: RefundRequest, now: Date): Promise<RefundOutcome> {
    return db.transaction(async (tx) => {
      // The charge row is the lock: two refunds of one charge are checked one after the other.
      const [charge] = await tx
        .select()
        .from(testProcessorCharges)
        .where(eq(testProcessorCharges.reference, request.reference))
        .for('update');
      if (!charge) return { result: 'refused', message: `No such charge: ${request.reference}` };
      const [same] = await tx
        .select({ id: testProcessorRefunds.id, reference: testProcessorRefunds.chargeReference })
        .from(testProcessorRefunds)
        .where(eq(testProcessorRefunds.idempotencyKey, request.idempotencyKey));
      if (same) {
        return same.reference === charge.reference
          ? { result: 'accepted', refundId: same.id }
          : { result: 'refused', message: 'This idempotency key was used for another charge' };
      }
      if (charge.refundOutcome === 'fail') {
        return { result: 'refused', message: 'The card issuer refused the refund (card account closed)' };
      }
      const [done] = await tx
        .select({ cents: sql<number>`coalesce(sum(${testProcessorRefunds.amountCents}), 0)::int` })
        .from(testProcessorRefunds)
        .where(and(eq(testProcessorRefunds.chargeReference, charge.reference)));
      const left = charge.amountCents - (done?.cents ?? 0);
      if (request.amountCents <= 0 || request.amountCents > left) {
        return {
          result: 'refused',
          message: `The refund exceeds what is left on the charge (${left} cents)`,
        };
      }
      const refundId = `re_${randomToken().slice(0, 24)}`;
      await tx.insert(testProcessorRefunds).values({
        id: refundId,
        chargeReference: charge.reference,
        idempotencyKey: request.idempotencyKey,
        amountCents: request.amountCents,
        createdAt: now,
      });
      return { result: 'accepted', refundId };
    });
  }

  /** The capture confirmation the processor posts to the shop's webhook. */
  captureWebhook(reference: string, amountCents: number, now: Date): WebhookRequest {
    return this.#webhook('payment.captured', { reference, amountCents, currency: 'USD' }, now);
  }

  /** The refund confirmation the processor posts to the shop's webhook. */
  refundWebhook(reference: string, refundId: string, amountCents: number, now: Date): WebhookRequest {
    return this.#webhook('refund.succeeded', { reference, refundId, amountCents, currency: 'USD' }, now);
  }

  #webhook(type: string, data: Record<string, unknown>, now: Date): WebhookRequest {
    const body = JSON.stringify({
      id: `evt_${randomToken().slice(0, 24)}`,
      type,
      created: Math.floor(now.getTime() / 1000),
      data,
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
