/**
 * PV-ACC-1, customer passwords, as pure functions the server and the storefront's form share (no argon2
 * here: the page imports this file for its strength meter).
 *
 * The clause's composition rule (one character that is not a letter or digit) is kept although OWASP ASVS
 * 6.2.5 advises against composition rules: the shop's policy is the floor and the issue asks to follow it.
 */
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as english from '@zxcvbn-ts/language-en';

/** No maximum below 64 (ASVS); 256 keeps argon2's input small. Counted in characters (code points). */
export const CUSTOMER_PASSWORD_MAX = 256;
/** PV-ACC-1's floor: the minimum-length setting may never go below it. */
export const CUSTOMER_PASSWORD_FLOOR = 6;
/** zxcvbn's score from which a password is accepted: over 10^8 guesses, safe against online guessing. */
export const CUSTOMER_MIN_STRENGTH = 3;

/**
 * The form a password is hashed and compared in: Unicode NFKC, so "ｐａｓｓ" typed on one keyboard and
 * "pass" on another, or a precomposed "é" and "e" + combining accent, are the same password.
 */
export function normalisePassword(password: string): string {
  return password.normalize('NFKC');
}

let factory: ZxcvbnFactory | undefined;

/** Built on first use: the dictionaries take a moment to index and most pages never need them. */
function zxcvbn(): ZxcvbnFactory {
  factory ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...english.dictionary },
    graphs: common.adjacencyGraphs,
    translations: english.translations,
  });
  return factory;
}

/**
 * Email addresses and names count by their parts too: "ada.lovelace@shop.test" gives "ada.lovelace", "ada",
 * "lovelace", "shop".
 */
function personalWords(personal: readonly string[]): string[] {
  return personal
    .flatMap((p) => {
      const lower = p.toLowerCase();
      return [lower, lower.split('@')[0] ?? '', ...lower.split(/[^\p{L}\p{N}]+/u)];
    })
    .filter((w) => w.length > 1);
}

export interface PasswordStrength {
  /** zxcvbn's 0 (guessed at once) to 4 (over 10^10 guesses); CUSTOMER_MIN_STRENGTH and up are accepted. */
  score: 0 | 1 | 2 | 3 | 4;
  /** Why it is weak, in a sentence ("This is a top-10 common password."), or null. */
  warning: string | null;
  /** What would make it stronger. */
  suggestions: string[];
}

/**
 * The strength meter's reading of `password` (NFKC first), judged against common and breached passwords,
 * English words, keyboard patterns, repeats, dates and the `personal` words (the customer's email and name,
 * the shop's name). Only the first CUSTOMER_PASSWORD_MAX characters are judged: zxcvbn's time grows with length.
 */
export function passwordStrength(password: string, personal: readonly string[] = []): PasswordStrength {
  const judged = [...normalisePassword(password)].slice(0, CUSTOMER_PASSWORD_MAX).join('');
  const result = zxcvbn().check(judged, personalWords(personal));
  return {
    score: result.score,
    warning: result.feedback.warning ?? null,
    suggestions: [...result.feedback.suggestions],
  };
}

/**
 * PV-ACC-1: why `password` may not become a customer's password, or null when it may. In order: fewer than
 * `settings.minLength` characters (code points, after NFKC; the setting is never below 6), more than 256, no
 * character that is not a letter or digit (the clause's composition rule), zxcvbn score below 3 ("too easy
 * to guess (why)"). The message is written for the person choosing the password.
 */
export function customerPasswordProblem(
  password: string,
  personal: readonly string[],
  settings: { minLength: number },
): string | null {
  const normalised = normalisePassword(password);
  const length = [...normalised].length;
  const minLength = Math.max(settings.minLength, CUSTOMER_PASSWORD_FLOOR);
  if (length < minLength) return `Use at least ${minLength} characters`;
  if (length > CUSTOMER_PASSWORD_MAX) return `Use at most ${CUSTOMER_PASSWORD_MAX} characters`;
  if (!/[^\p{L}\p{N}]/u.test(normalised)) {
    return 'Include at least one character that is not a letter or a digit (a space or a symbol will do)';
  }
  const strength = passwordStrength(normalised, personal);
  if (strength.score >= CUSTOMER_MIN_STRENGTH) return null;
  const hint = strength.warning ?? strength.suggestions[0];
  return `This password is too easy to guess${hint ? ` (${hint.replace(/\.$/, '').toLowerCase()})` : ''}: add more unrelated words or characters`;
}
