/**
 * Every setting of the process, read from the environment once and validated. A wrong value stops the
 * process at start with a message naming the variable, never later in the middle of a request.
 */
import { z } from 'zod';
import { wholeNumber } from './shared/whole-number.ts';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

export const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  HOST: z.string().min(1).default('0.0.0.0'),
  PORT: wholeNumber({ min: 0, max: 65535 }).default(3000),
  /** The address customers reach the shop at; used in emails and signed links. Default: http://localhost:PORT */
  PUBLIC_URL: z
    .url()
    .transform((u) => u.replace(/\/+$/, ''))
    .optional(),
  /** PostgreSQL connection string; when unset the embedded PGlite database in DATA_DIR is used. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// connection string')
    .optional(),
  DATABASE_POOL_SIZE: wholeNumber({ min: 1, max: 200 }).default(10),
  DATA_DIR: z.string().min(1).default('./data'),
  /** Signs order links and cookies. Generated and kept in DATA_DIR when unset (fine for one machine). */
  APP_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  ADMIN_EMAIL: z.email().default('owner@aftercare.test'),
  ADMIN_PASSWORD: z.string().min(12, 'must be at least 12 characters').optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL')
    .optional(),
  MAIL_FROM: z.string().min(3).default('Aftercare <shop@aftercare.test>'),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'must be a redis:// URL')
    .optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Seed the demo shop when the database is empty. */
  SEED_DEMO: bool.default(true),
  /** Secure cookies need HTTPS; turn off only for plain-HTTP local development. */
  COOKIE_SECURE: bool.optional(),
  TRUST_PROXY: bool.default(false),
  RATE_LIMIT_PER_MINUTE: wholeNumber({ min: 1 }).default(600),
  /** A staff session unused for this many minutes ends, whatever its absolute lifetime left (12 hours). */
  STAFF_IDLE_MINUTES: wholeNumber({ min: 1, max: 720 }).default(30),
  /**
   * A staff session's absolute lifetime in hours, whatever its use: shorter than a customer's, since a back-office
   * session can refund money and read every order.
   */
  STAFF_SESSION_HOURS: wholeNumber({ min: 1, max: 24 }).default(12),
  /**
   * How long the second step of a staff sign-in waits for the authenticator code after a correct password, in
   * minutes. The pending sign-in is no session: it only lets its holder type a code.
   */
  STAFF_SECOND_STEP_MINUTES: wholeNumber({ min: 1, max: 30 }).default(5),
  /** PV-STF-2: how long the emailed link of a staff invitation works, in hours; it works once. */
  STAFF_INVITATION_HOURS: wholeNumber({ min: 1, max: 720 }).default(72),
  /**
   * Passkeys (issue 12 points 5 and 7): how long a challenge handed to the browser for adding a passkey or
   * signing in with one can be answered, in minutes; each is answered once.
   */
  PASSKEY_CHALLENGE_MINUTES: wholeNumber({ min: 1, max: 30 }).default(5),
  /**
   * PV-STF-1: the longest maintenance access the owner may give a technician, in hours from the moment it is
   * given; the technician asks again for more.
   */
  MAINTENANCE_ACCESS_MAX_HOURS: wholeNumber({ min: 1, max: 720 }).default(72),
  // Customer accounts (issue 12): PV-ACC-1 passwords, PV-ACC-2 lockout, sessions and emailed links.
  /** PV-ACC-1: a customer password's fewest characters; the clause's floor is 6, the shop's default 8. */
  CUSTOMER_PASSWORD_MIN_LENGTH: wholeNumber({ min: 6, max: 64 }).default(8),
  /** PV-ACC-2: wrong passwords in a row that lock an account's sign-in. */
  CUSTOMER_LOCK_ATTEMPTS: wholeNumber({ min: 1, max: 100 }).default(3),
  /** PV-ACC-2: how long the first lockout lasts, in minutes; each further lockout in a row lasts twice as long. */
  CUSTOMER_LOCK_MINUTES: wholeNumber({ min: 1, max: 10_080 }).default(15),
  /** PV-ACC-2: the longest a lockout lasts however often it repeats, in minutes. */
  CUSTOMER_LOCK_MAX_MINUTES: wholeNumber({ min: 1, max: 525_600 }).default(1440),
  /** A customer session's absolute lifetime, in days. */
  CUSTOMER_SESSION_DAYS: wholeNumber({ min: 1, max: 400 }).default(90),
  /** A customer session unused for this many days ends, whatever its lifetime left. */
  CUSTOMER_SESSION_IDLE_DAYS: wholeNumber({ min: 1, max: 400 }).default(30),
  /** How long an emailed account link (verify, reset, change of email) works, in hours; each works once. */
  ACCOUNT_LINK_HOURS: wholeNumber({ min: 1, max: 720 }).default(24),
  /** PV-USE-1: how long the newsletter's confirmation link (double opt-in) works, in hours. */
  NEWSLETTER_CONFIRM_HOURS: wholeNumber({ min: 1, max: 720 }).default(48),
  /**
   * PV-USE-1: an address is sent at most one newsletter confirmation link in this many minutes, however often
   * it is asked for (against mail-bombing someone's address through the sign-up form).
   */
  NEWSLETTER_RESEND_MINUTES: wholeNumber({ min: 1, max: 1440 }).default(15),
  /** Per-IP requests a minute to customer sign-in, sign-up and reset (against password spraying). */
  CUSTOMER_AUTH_PER_MINUTE: wholeNumber({ min: 1, max: 100_000 }).default(10),
  /** PV-ACC-3: a customer account with no sign-in or use of a session for this many months is deleted. */
  CUSTOMER_IDLE_MONTHS: wholeNumber({ min: 1, max: 120 }).default(6),
  /** PV-ACC-3: the warning email goes this many days before an idle account is deleted (once per idle period). */
  CUSTOMER_IDLE_WARNING_DAYS: wholeNumber({ min: 1, max: 90 }).default(14),
  /** PV-RGT-1: downloads of "my data" an address may ask for in an hour (each reads every table about them). */
  DATA_EXPORTS_PER_HOUR: wholeNumber({ min: 1, max: 1000 }).default(5),
  /**
   * PV-MIN-1: evidence files (photos, videos, receipts) of a case finished (closed, declined or withdrawn) this
   * many days ago are deleted: a dispute or a chargeback about it has been settled by then.
   */
  EVIDENCE_RETENTION_DAYS: wholeNumber({ min: 1, max: 3650 }).default(180),
  /**
   * PV-STF-1, PV-MIN-1: days the audit log of staff reads keeps a row; older rows are deleted by the retention
   * job. At least a year, because the database itself refuses to delete a younger row (migration 0013).
   */
  STAFF_ACCESS_LOG_KEEP_DAYS: wholeNumber({ min: 365, max: 3650 }).default(730),
  /**
   * PV-COL-2: hours an email-a-friend message waits in the outbox, unsent (no SMTP) or failed, before it is
   * deleted with the friend's name and address; a sent one is deleted at once.
   */
  EMAIL_A_FRIEND_KEEP_HOURS: wholeNumber({ min: 1, max: 720 }).default(24),
  /** Addresses an account's address book keeps at most (adding one more is refused until one is removed). */
  CUSTOMER_ADDRESSES_MAX: wholeNumber({ min: 1, max: 100 }).default(10),
  /**
   * Password hashes (argon2id) running at once in a process, and attempts that may wait for one; beyond that
   * a sign-in is a 429 at once. A flood of guesses then takes one core, not the shop (src/accounts/password-work.ts).
   */
  PASSWORD_HASH_CONCURRENCY: wholeNumber({ min: 1, max: 64 }).default(1),
  PASSWORD_HASH_QUEUE: wholeNumber({ min: 0, max: 100_000 }).default(32),
  /**
   * The nice value (0 normal … 19 lowest) of the threads that hash passwords: at 19 a flood of guesses gets only
   * the CPU the pages leave over. 0 where nothing competes for the CPU but other work that must finish too
   * (the test suite, whose parallel files would otherwise starve each other's sign-ins).
   */
  PASSWORD_HASH_NICE: wholeNumber({ min: 0, max: 19 }).default(19),
  /** Worker processes sharing the port (Node's cluster); more than 1 needs PostgreSQL. */
  WEB_CONCURRENCY: wholeNumber({ min: 1, max: 64 }).default(1),
  /** How long a process may answer public catalog reads from memory; 0 turns the micro-cache off. */
  CATALOG_CACHE_MS: wholeNumber({ min: 0, max: 60_000 }).default(1_000),
  /** A case waiting on the customer (evidence, the parcel, a quote's answer) reminds them every this many days. */
  CASE_REMINDER_DAYS: wholeNumber({ min: 1, max: 365 }).default(3),
  /** A case still waiting for the customer's evidence or parcel this many days after asking is closed. */
  CASE_ABANDON_DAYS: wholeNumber({ min: 1, max: 3650 }).default(30),
  /**
   * After-sales cases: staff answer a case waiting on them within this many days of it reaching its state (the
   * queue's deadline; no SPEC value, the shop's own service promise).
   */
  CASE_RESPONSE_DAYS: wholeNumber({ min: 1, max: 90 }).default(3),
  /**
   * A case's next deadline (the shop's or the customer's) this many days away or less is near: the queue marks
   * it and the dashboard's Deadlines panel counts it (issue 11 point 5).
   */
  CASE_DUE_SOON_DAYS: wholeNumber({ min: 0, max: 90 }).default(2),
  /** The hour (UTC, 0-23) the owners' daily digest of overdue case steps is sent at (issue 11 point 5). */
  CASE_DIGEST_HOUR_UTC: wholeNumber({ min: 0, max: 23 }).default(6),
  /** A staff decision against the policy engine's answer needs a written reason of at least this many characters. */
  CASE_OVERRIDE_REASON_MIN_CHARS: wholeNumber({ min: 1, max: 500 }).default(15),
  /** Secret shared with the test card processor for webhook signatures. */
  PAYMENT_WEBHOOK_SECRET: z.string().min(16).optional(),
  // After-sales evidence (issue 10 point 3): photos and videos customers upload to a case.
  /** The largest photo a customer may upload, in bytes (phones take 3-8 MB; HEIC is smaller). */
  EVIDENCE_MAX_IMAGE_BYTES: wholeNumber({ min: 1024, max: 200_000_000 }).default(20 * 1024 * 1024),
  /** The largest video, in bytes: a short clip of a malfunction, not a film. */
  EVIDENCE_MAX_VIDEO_BYTES: wholeNumber({ min: 1024, max: 2_000_000_000 }).default(100 * 1024 * 1024),
  /** The longest video, in seconds. */
  EVIDENCE_MAX_VIDEO_SECONDS: wholeNumber({ min: 1, max: 3600 }).default(60),
  /** Files per case, all kinds together. */
  EVIDENCE_MAX_FILES_PER_CASE: wholeNumber({ min: 1, max: 500 }).default(20),
  /** Pixels a photo may have before it is decoded (width × height): a decompression bomb stops here. */
  EVIDENCE_MAX_PIXELS: wholeNumber({ min: 1_000_000, max: 400_000_000 }).default(50_000_000),
  /** Longest side of the stored photo, in pixels; larger photos are scaled down. */
  EVIDENCE_IMAGE_MAX_SIDE: wholeNumber({ min: 320, max: 10_000 }).default(2560),
  /** Photos re-encoded at once per process; the rest wait their turn so other requests keep their latency. */
  EVIDENCE_IMAGE_CONCURRENCY: wholeNumber({ min: 1, max: 16 }).default(1),
  /** How long ffmpeg may work on one video before it is stopped, in milliseconds. */
  EVIDENCE_VIDEO_TIMEOUT_MS: wholeNumber({ min: 1000, max: 600_000 }).default(60_000),
  /** How long a signed address of an evidence file stays valid, in seconds. */
  EVIDENCE_URL_TTL_SECONDS: wholeNumber({ min: 10, max: 86_400 }).default(600),
  /** How long a coupon or voucher issued by an after-sales case stays redeemable (AS-GEN-5, AS-INC-2). */
  COUPON_VALIDITY_DAYS: wholeNumber({ min: 1, max: 3650 }).default(365),
  /**
   * What one replaced part costs the shop when it pays the repair (AS-GEN-4), in cents: the owner's after-sales
   * numbers price the components an inspection lists at these (the shop records no invoice for them).
   */
  PARTS_COST_SCREEN_CENTS: wholeNumber({ min: 0, max: 10_000_000 }).default(9_000),
  PARTS_COST_BATTERY_CENTS: wholeNumber({ min: 0, max: 10_000_000 }).default(3_500),
  PARTS_COST_MOTHERBOARD_CENTS: wholeNumber({ min: 0, max: 10_000_000 }).default(18_000),
});

export type Config = z.infer<typeof configSchema> & { PUBLIC_URL: string };

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable means "not set", as in most deployment tools.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const result = configSchema.safeParse(present);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  if (result.data.WEB_CONCURRENCY > 1 && !result.data.DATABASE_URL) {
    throw new ConfigError(
      'Invalid configuration:\n  WEB_CONCURRENCY: more than 1 process needs DATABASE_URL (the embedded database belongs to one process)',
    );
  }
  return { ...result.data, PUBLIC_URL: result.data.PUBLIC_URL ?? `http://localhost:${result.data.PORT}` };
}
