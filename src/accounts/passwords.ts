import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as english from '@zxcvbn-ts/language-en';
import { Argon2Thread } from './argon2-threads.ts';
import { PasswordWork, type PasswordWorkLimits } from './password-work.ts';

// argon2id with OWASP's recommended minimum (19 MiB, 2 iterations, 1 lane): PV-SEC-1 slow salted hashes.
const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** Every hash and verification of the process goes through these slots (password-work.ts). */
export const passwordWork = new PasswordWork({ concurrency: 1, queue: 32 });

// Low-priority threads (argon2-threads.ts), one per slot in use at once, made when first needed.
let idle: Argon2Thread[] = [];
let threadNice = 19;

/**
 * Applies the app's settings to the work that starts from now on: PASSWORD_HASH_CONCURRENCY and
 * PASSWORD_HASH_QUEUE (password-work.ts) and PASSWORD_HASH_NICE (0–19, the hashing threads' priority).
 */
export function configurePasswordHashing(settings: PasswordWorkLimits & { nice: number }): void {
  passwordWork.configure({ concurrency: settings.concurrency, queue: settings.queue });
  if (settings.nice !== threadNice) {
    threadNice = settings.nice;
    // Threads keep the priority they started with: idle ones of the old priority are let go.
    for (const thread of idle) thread.close();
    idle = [];
  }
}

async function onThread<T>(work: (thread: Argon2Thread) => Promise<T>): Promise<T> {
  return passwordWork.run(async () => {
    const thread = idle.pop() ?? new Argon2Thread(threadNice);
    try {
      return await work(thread);
    } finally {
      if (thread.nice === threadNice) idle.push(thread);
      else thread.close();
    }
  });
}

/** @throws AppError `rate_limited` when too many hashes wait already (password-work.ts). */
export function hashPassword(password: string): Promise<string> {
  return onThread((thread) => thread.hash(password, OPTIONS));
}

/** A hash to verify against when the account does not exist, so timing does not reveal which emails exist. */
let dummyHash: Promise<string> | undefined;

export async function verifyPassword(storedHash: string | null, password: string): Promise<boolean> {
  if (storedHash === null) {
    dummyHash ??= hashPassword('not-a-real-password-but-the-same-cost');
    const dummy = await dummyHash;
    await onThread((thread) => thread.verify(dummy, password).catch(() => false));
    return false;
  }
  return onThread((thread) => thread.verify(storedHash, password).catch(() => false));
}

/** Staff passwords: as long as the owner's first one must be (ADMIN_PASSWORD), within argon2's comfort. */
export const STAFF_PASSWORD_MIN = 12;
export const STAFF_PASSWORD_MAX = 256;
/** zxcvbn's top score (over 10^10 guesses): what a 12-character minimum should buy, and a leaked hash needs. */
const MIN_STRENGTH = 4;

let strength: ZxcvbnFactory | undefined;

/**
 * Why `password` may not become a staff password, or null when it may: shorter than 12 characters, longer
 * than 256, or easy to guess (common and breached passwords, English words, keyboard patterns, repeats,
 * dates, and the `personal` words given: the member's email and name, the shop's name) as judged by
 * zxcvbn-ts. The message is written for the person choosing it.
 */
export function staffPasswordProblem(password: string, personal: readonly string[] = []): string | null {
  if ([...password].length < STAFF_PASSWORD_MIN) {
    return `Use at least ${STAFF_PASSWORD_MIN} characters`;
  }
  if (password.length > STAFF_PASSWORD_MAX) return `Use at most ${STAFF_PASSWORD_MAX} characters`;
  strength ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...english.dictionary },
    graphs: common.adjacencyGraphs,
    translations: english.translations,
  });
  // Email addresses count by their parts too: "ada.lovelace@shop.test" gives "ada", "lovelace", "shop".
  const inputs = personal.flatMap((p) => [p, ...p.toLowerCase().split(/[^\p{L}\p{N}]+/u)]).filter(Boolean);
  const result = strength.check(password, inputs);
  if (result.score >= MIN_STRENGTH) return null;
  const hint = result.feedback.warning ?? result.feedback.suggestions[0];
  return `This password is too easy to guess${hint ? ` (${hint.replace(/\.$/, '').toLowerCase()})` : ''}: add more unrelated words or characters`;
}
