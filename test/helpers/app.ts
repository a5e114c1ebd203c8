/**
 * Builds the whole app for a test on a database of its own: an in-memory PGlite by default, or a fresh
 * PostgreSQL database (created from DATABASE_URL, dropped afterwards) when DATABASE_URL is set. The same
 * tests therefore prove both drivers.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Writable } from 'node:stream';
import { eq } from 'drizzle-orm';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { hashPassword } from '../../src/accounts/passwords.ts';
import { staffUsers } from '../../src/accounts/schema.ts';
import { totpCodeAt } from '../../src/accounts/second-factor/totp.rules.ts';
import { ensureOwner } from '../../src/accounts/staff.service.ts';
import { CONFIDENTIALITY_AGREEMENT } from '../../src/accounts/staff-lifecycle/agreement.ts';
import { type Config, loadConfig } from '../../src/config.ts';
import type { AppContext } from '../../src/context.ts';
import { type Database, openDatabase } from '../../src/db/client.ts';
import { seedDemoShop } from '../../src/demo/index.ts';
import { buildApp } from '../../src/server.ts';
import { type Clock, systemClock } from '../../src/shared/clock.ts';
import { uuidv7 } from '../../src/shared/ids.ts';
import { migratedPgliteTemplate } from './pglite-template.ts';

export const OWNER_EMAIL = 'owner@aftercare.test';
export const OWNER_PASSWORD = 'correct horse battery staple';

export interface TestApp {
  app: FastifyInstance;
  ctx: AppContext;
  /** Signs in as the owner and returns the Cookie header value. */
  staffCookie(): Promise<string>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  seed?: boolean;
  /** With `seed`: the demo's after-sales cases too, played through the shop's use cases as `npm start` does. */
  seedCases?: boolean;
  clock?: Clock;
  env?: Record<string, string>;
  /** Log at `info` to this stream (a test reads what the shop logs); without it the app logs nothing. */
  logStream?: Writable;
}

export async function freshPostgres(baseUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `ac_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: baseUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

export function testConfig(env: Record<string, string> = {}): Config {
  return loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    ADMIN_EMAIL: OWNER_EMAIL,
    ADMIN_PASSWORD: OWNER_PASSWORD,
    APP_SECRET: 'test-secret-test-secret-test-secret-0123456789',
    PAYMENT_WEBHOOK_SECRET: 'whsec_test_0123456789abcdef',
    SEED_DEMO: 'false',
    RATE_LIMIT_PER_MINUTE: '100000',
    // Parallel test files compete for the CPU like nothing in production does: at nice 19 their sign-ins starve.
    PASSWORD_HASH_NICE: '0',
    CATALOG_CACHE_MS: '0',
    ...env,
  });
}

export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const baseUrl = process.env.DATABASE_URL;
  const pgDb = baseUrl ? await freshPostgres(baseUrl) : null;
  // Uploads and other files of this test go to a folder of its own, removed afterwards.
  const dataDir = mkdtempSync(join(tmpdir(), 'aftercare-test-'));
  const config = testConfig({
    DATA_DIR: dataDir,
    ...options.env,
    ...(pgDb ? { DATABASE_URL: pgDb.url } : {}),
  });
  const database: Database = await openDatabase({
    databaseUrl: config.DATABASE_URL,
    dataDir: 'memory://',
    poolSize: 5,
    ...(pgDb ? {} : { template: await migratedPgliteTemplate() }),
  });
  await database.migrate();
  const clock = options.clock ?? systemClock;
  const ctx: AppContext = { config, database, db: database.db, clock, secret: config.APP_SECRET as string };
  await ensureOwner(ctx);
  // The test owner has accepted the confidentiality agreement (PV-STF-3), so tests of anything else need no
  // extra step; test/http/staff-lifecycle.test.ts proves the refusal with members of its own.
  await database.db
    .update(staffUsers)
    .set(acceptedAgreement(clock.now()))
    .where(eq(staffUsers.email, OWNER_EMAIL));
  if (options.seed) await seedDemoShop(database.db, clock, options.seedCases ? ctx : undefined);
  const app = await buildApp(ctx, {
    logger: options.logStream ? { level: 'info', stream: options.logStream } : false,
  });
  await app.ready();

  return {
    app,
    ctx,
    async staffCookie() {
      return staffSignIn({ app, ctx }, OWNER_EMAIL, OWNER_PASSWORD);
    },
    async close() {
      await app.close();
      await database.close();
      await pgDb?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The columns of a member who accepted the current confidentiality agreement at `at` (PV-STF-3). */
export function acceptedAgreement(at = new Date()): { agreementVersion: number; agreementAcceptedAt: Date } {
  return { agreementVersion: CONFIDENTIALITY_AGREEMENT.version, agreementAcceptedAt: at };
}

/**
 * A staff member of `role` added to the app's database and signed in (password 'a long enough password'):
 * their id and session cookie. Sign-in is rate-limited per minute: sign each member in once per file.
 */
export async function signedInMember(
  t: Pick<TestApp, 'app' | 'ctx'>,
  email: string,
  name: string,
  role: 'owner' | 'customer_service' | 'technician',
): Promise<{ id: string; cookie: string }> {
  const id = uuidv7();
  const password = 'a long enough password';
  await t.ctx.db
    .insert(staffUsers)
    .values({ id, email, name, passwordHash: await hashPassword(password), role, ...acceptedAgreement() });
  return { id, cookie: await staffSignIn(t, email, password) };
}

/** The authenticator secrets the helpers enrolled, per app and member email: the test's "phone". */
const authenticators = new WeakMap<FastifyInstance, Map<string, string>>();

/** The authenticator secret `staffSignIn` enrolled for `email` in this app, if it did. */
export function enrolledSecret(t: Pick<TestApp, 'app'>, email: string): string | undefined {
  return authenticators.get(t.app)?.get(email.toLowerCase());
}

/**
 * Signs a member in through the real flow and returns the Cookie header value: the password, then the
 * authenticator code when they have one; an owner without one enrols first (as the back office makes them),
 * the helper keeping the secret as their phone would.
 */
export async function staffSignIn(
  t: Pick<TestApp, 'app' | 'ctx'>,
  email: string,
  password: string,
): Promise<string> {
  const res = await t.app.inject({ method: 'POST', url: '/api/staff/session', payload: { email, password } });
  if (res.statusCode !== 200) throw new Error(`sign-in of ${email} failed: ${res.statusCode} ${res.body}`);
  const body = res.json() as { secondStep?: { token: string }; staff?: { enrolmentRequired: boolean } };
  if (body.secondStep) {
    const secret = enrolledSecret(t, email);
    if (!secret) throw new Error(`${email} has an authenticator this helper did not enrol`);
    await forgetLastCodeForFrozenClock(t, email);
    const second = await t.app.inject({
      method: 'POST',
      url: '/api/staff/session/second-factor',
      payload: { token: body.secondStep.token, code: totpCodeAt(secret, t.ctx.clock.now().getTime()) },
    });
    if (second.statusCode !== 200)
      throw new Error(`second step of ${email} failed: ${second.statusCode} ${second.body}`);
    return cookieHeader(second);
  }
  const cookie = cookieHeader(res);
  if (body.staff?.enrolmentRequired) await enrolAuthenticator(t, email, cookie);
  return cookie;
}

/** Enrols an authenticator for the member signed in with `cookie`; returns the secret and recovery codes. */
export async function enrolAuthenticator(
  t: Pick<TestApp, 'app' | 'ctx'>,
  email: string,
  cookie: string,
): Promise<{ secret: string; recoveryCodes: string[] }> {
  const start = await t.app.inject({
    method: 'POST',
    url: '/api/staff/second-factor/enrolment',
    headers: { cookie },
  });
  if (start.statusCode !== 200)
    throw new Error(`enrolment of ${email} failed: ${start.statusCode} ${start.body}`);
  const { secret } = start.json() as { secret: string };
  const confirm = await t.app.inject({
    method: 'POST',
    url: '/api/staff/second-factor/confirmation',
    headers: { cookie },
    payload: { code: totpCodeAt(secret, t.ctx.clock.now().getTime()) },
  });
  if (confirm.statusCode !== 200)
    throw new Error(`confirmation of ${email} failed: ${confirm.statusCode} ${confirm.body}`);
  rememberAuthenticator(t, email, secret);
  return { secret, recoveryCodes: (confirm.json() as { recoveryCodes: string[] }).recoveryCodes };
}

/** Lets `staffSignIn` answer the second step of a member a test enrolled by hand. */
export function rememberAuthenticator(t: Pick<TestApp, 'app'>, email: string, secret: string): void {
  const secrets = authenticators.get(t.app) ?? new Map<string, string>();
  authenticators.set(t.app, secrets);
  secrets.set(email.toLowerCase(), secret);
}

/**
 * Test-only seam: many tests stop the clock, and a stopped clock shows the same code again, which the shop
 * rightly refuses as a replay. Before the helper signs in again it forgets the last accepted step, as if
 * 30 seconds had passed. The refusal itself is proved in test/http/staff-2fa.test.ts.
 */
export async function forgetLastCodeForFrozenClock(t: Pick<TestApp, 'ctx'>, email: string): Promise<void> {
  await t.ctx.db
    .update(staffUsers)
    .set({ totpLastStep: null })
    .where(eq(staffUsers.email, email.toLowerCase()));
}

/** The `name=value` pairs of a response's Set-Cookie headers, as a Cookie request header. */
export function cookieHeader(res: LightMyRequestResponse): string {
  return res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
}

/** The JSON body of a response, typed by the caller. */
export function json<T = Record<string, unknown>>(res: LightMyRequestResponse): T {
  return res.json() as T;
}
