/**
 * Reading a card as people type it, shared by the checkout page (before the card goes to the processor)
 * and the test processor's API (which must accept what any page sends it). Pure: the current time is a
 * parameter. Messages speak to the person about the field by its label, never by a key.
 */

/** The card fields a page shows, in the order it shows them. */
export type CardField = 'cardNumber' | 'cardExpiry' | 'cardCvc';

export const cardMessages = {
  cardNumber: 'Enter the card number as printed on the card: 12 to 19 digits',
  cardNumberInvalid: 'This card number is not valid: check the digits as printed on the card',
  cardExpiry: 'Enter the expiry date as printed on the card, as month and year, such as 08/29',
  cardExpired: 'This card has expired: check the expiry date, or use another card',
  cardCvc: 'Enter the security code: the 3 or 4 digits printed on the back of the card',
} as const;

export interface Expiry {
  /** 1–12 */
  month: number;
  /** Four digits, e.g. 2030. */
  year: number;
}

/**
 * An expiry date as typed: `12/30`, `1230`, `12 / 2030`, `12-30`, `12.30`, `122030`, `1/30`. Two-digit
 * years are 20YY. Returns null when it is not a month and a year.
 */
export function parseExpiry(text: string): Expiry | null {
  const value = text.trim();
  const separated = /^(\d{1,2})\s*[/\-.\s]\s*(\d{2}|\d{4})$/.exec(value);
  const joined = /^(\d{2})(\d{2}|\d{4})$/.exec(value);
  const match = separated ?? joined;
  if (!match) return null;
  const month = Number(match[1]);
  const rawYear = Number(match[2]);
  const year = (match[2] as string).length === 2 ? 2000 + rawYear : rawYear;
  if (month < 1 || month > 12) return null;
  return { month, year };
}

/** A card is valid until the end of its expiry month (UTC). */
export function isExpired(expiry: Expiry, now: Date): boolean {
  return Date.UTC(expiry.year, expiry.month, 1) <= now.getTime();
}

/** The card number's digits, without the spaces or hyphens people type between groups; null if not 12–19 digits. */
export function cardDigits(text: string): string | null {
  const digits = text.trim().replace(/[\s-]/g, '');
  return /^\d{12,19}$/.test(digits) ? digits : null;
}

export interface CardFormInput {
  cardNumber: string;
  expiry: string;
  cvc: string;
}

/** The card as typed in a form → what the processor takes, or a message per field. */
export function readCard(
  input: CardFormInput,
  now: Date,
):
  | { ok: true; card: { cardNumber: string; expMonth: number; expYear: number; cvc: string } }
  | { ok: false; errors: Partial<Record<CardField, string>> } {
  const errors: Partial<Record<CardField, string>> = {};
  const cardNumber = cardDigits(input.cardNumber);
  if (!cardNumber) errors.cardNumber = cardMessages.cardNumber;
  const expiry = parseExpiry(input.expiry);
  if (!expiry) errors.cardExpiry = cardMessages.cardExpiry;
  else if (isExpired(expiry, now)) errors.cardExpiry = cardMessages.cardExpired;
  const cvc = input.cvc.trim();
  if (!/^\d{3,4}$/.test(cvc)) errors.cardCvc = cardMessages.cardCvc;
  if (!cardNumber || !expiry || Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, card: { cardNumber, expMonth: expiry.month, expYear: expiry.year, cvc } };
}

/** The processor's field names (`expMonth`, `cvc`…) → the page's card fields. */
export function cardFieldOf(field: string | undefined): CardField {
  if (field === 'expMonth' || field === 'expYear' || field === 'expiry') return 'cardExpiry';
  if (field === 'cvc') return 'cardCvc';
  return 'cardNumber';
}
