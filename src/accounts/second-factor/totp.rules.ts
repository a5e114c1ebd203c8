/**
 * The rules of the staff second factor (issue 12 point 3), pure: which authenticator code is accepted at a given
 * instant, and what a recovery code looks like. No database, no clock of its own: the caller passes the time.
 */
import { Secret, TOTP } from 'otpauth';

/** RFC 6238 defaults that every authenticator app understands: SHA-1, 6 digits, 30-second steps. */
export const TOTP_DIGITS = 6;
export const TOTP_PERIOD_SECONDS = 30;
/** Steps either side of now a code may come from: a phone clock 30 s off, or a code typed as it changes. */
export const TOTP_WINDOW = 1;
export const RECOVERY_CODE_COUNT = 10;

function totpOf(secretBase32: string, label = '', issuer = ''): TOTP {
  return new TOTP({
    issuer,
    label,
    algorithm: 'SHA1',
    digits: TOTP_DIGITS,
    period: TOTP_PERIOD_SECONDS,
    secret: Secret.fromBase32(secretBase32),
  });
}

/** A new secret (160 bits, as RFC 4226 recommends), base32 as authenticator apps take it. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The `otpauth://` address a QR code carries: the app shows `issuer (label)`. */
export function totpUri(secretBase32: string, label: string, issuer: string): string {
  return totpOf(secretBase32, label, issuer).toString();
}

/** The 30-second step an instant (ms since the epoch) falls in. */
export function stepAt(nowMs: number): number {
  return Math.floor(nowMs / 1000 / TOTP_PERIOD_SECONDS);
}

export type CodeCheck = { ok: true; step: number } | { ok: false; reason: 'wrong' | 'reused' };

/**
 * Whether `code` (6 digits, spaces ignored) is the authenticator's code at `nowMs`, one step either side.
 * A code whose step is not after `lastStep` (the last accepted one) is `reused`: each code works once, and an
 * older code than one already used never works again. The accepted step is returned for the caller to store.
 */
export function checkTotpCode(
  secretBase32: string,
  code: string,
  nowMs: number,
  lastStep: number | null,
): CodeCheck {
  const digits = code.replace(/\s+/g, '');
  if (!/^\d{6}$/.test(digits)) return { ok: false, reason: 'wrong' };
  const delta = totpOf(secretBase32).validate({ token: digits, timestamp: nowMs, window: TOTP_WINDOW });
  if (delta === null) return { ok: false, reason: 'wrong' };
  const step = stepAt(nowMs) + delta;
  if (lastStep !== null && step <= lastStep) return { ok: false, reason: 'reused' };
  return { ok: true, step };
}

/** The code an authenticator shows at `nowMs` (tests and the demo's printed hint use it). */
export function totpCodeAt(secretBase32: string, nowMs: number): string {
  return totpOf(secretBase32).generate({ timestamp: nowMs });
}

// Crockford-like alphabet without 0/O, 1/I/L: read off paper and typed back without confusion.
const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** Ten recovery codes `xxxxx-xxxxx` (about 49 random bits each) from `random` bytes (one byte per character). */
export function recoveryCodesFrom(random: Uint8Array): string[] {
  const codes: string[] = [];
  for (let c = 0; c < RECOVERY_CODE_COUNT; c++) {
    let code = '';
    for (let i = 0; i < 10; i++) {
      // 256 is not a multiple of 31: the bias (at most 1/256 per character) costs well under a bit.
      code += RECOVERY_ALPHABET[(random[c * 10 + i] ?? 0) % RECOVERY_ALPHABET.length];
      if (i === 4) code += '-';
    }
    codes.push(code);
  }
  return codes;
}

/** A recovery code as typed (any case, spaces or no dash) in its stored form, or null when it cannot be one. */
export function normaliseRecoveryCode(typed: string): string | null {
  const bare = typed.toLowerCase().replace(/[\s-]+/g, '');
  if (bare.length !== 10 || ![...bare].every((ch) => RECOVERY_ALPHABET.includes(ch))) return null;
  return `${bare.slice(0, 5)}-${bare.slice(5)}`;
}
