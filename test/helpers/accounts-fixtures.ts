/** Customer accounts in HTTP tests: sign-up through the API, links read from the outbox as a mailbox would. */
import assert from 'node:assert/strict';
import { and, desc, eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { mailOutbox } from '../../src/messaging/schema.ts';
import { cookieHeader, type TestApp } from './app.ts';

/** Passes PV-ACC-1: long, a space, not common. */
export const GOOD_PASSWORD = 'plum quartz lantern';
export const FIREFOX = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0';
export const SAFARI_IOS =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';

export interface Mail {
  template: string;
  subject: string;
  textBody: string;
}

/** The emails queued to `address`, the newest first. */
export async function mailsTo(t: TestApp, address: string, template?: string): Promise<Mail[]> {
  return t.ctx.db
    .select({ template: mailOutbox.template, subject: mailOutbox.subject, textBody: mailOutbox.textBody })
    .from(mailOutbox)
    .where(and(eq(mailOutbox.toAddress, address), template ? eq(mailOutbox.template, template) : undefined))
    .orderBy(desc(mailOutbox.createdAt), desc(mailOutbox.id));
}

/** The token of the newest email of `template` to `address` (from its link's query). */
export async function linkToken(t: TestApp, address: string, template: string): Promise<string> {
  const [mail] = await mailsTo(t, address, template);
  assert.ok(mail, `no ${template} email to ${address}`);
  const token = /[?&]token=([A-Za-z0-9_-]+)/.exec(mail.textBody)?.[1];
  assert.ok(token, `no link in the ${template} email`);
  return token;
}

/**
 * The page the newest `template` email to `address` links to, as a path with its token
 * (`/account/verify?token=…`): the email must link to `path` itself, not just carry a token.
 */
export async function linkPath(t: TestApp, address: string, template: string, path: string): Promise<string> {
  const token = await linkToken(t, address, template);
  const [mail] = await mailsTo(t, address, template);
  const link = `${path}?token=${token}`;
  assert.ok(mail?.textBody.includes(link), `the ${template} email links to ${path}`);
  return link;
}

export function post(t: TestApp, url: string, payload: object, cookie = '', userAgent = FIREFOX) {
  return t.app.inject({
    method: 'POST',
    url,
    payload,
    headers: { 'user-agent': userAgent, ...(cookie ? { cookie } : {}) },
  });
}

export function get(t: TestApp, url: string, cookie = '') {
  return t.app.inject({
    method: 'GET',
    url,
    headers: { 'user-agent': FIREFOX, ...(cookie ? { cookie } : {}) },
  });
}

export function signIn(t: TestApp, email: string, password = GOOD_PASSWORD, userAgent = FIREFOX) {
  return post(t, '/api/account/session', { email, password }, '', userAgent);
}

/** Signs up and follows the verification link: the account can sign in. */
export async function verifiedAccount(
  t: TestApp,
  email: string,
  password = GOOD_PASSWORD,
  name = 'Ada Lovelace',
): Promise<void> {
  const res = await post(t, '/api/account/sign-up', { email, password, name });
  assert.equal(res.statusCode, 202, res.body);
  const token = await linkToken(t, email.trim().toLowerCase(), 'account_verify');
  const verified = await post(t, '/api/account/verify', { token });
  assert.equal(verified.statusCode, 200, verified.body);
}

/** Signs in and returns the Cookie header of the new session. */
export async function sessionCookie(
  t: TestApp,
  email: string,
  password = GOOD_PASSWORD,
  userAgent = FIREFOX,
) {
  const res = await signIn(t, email, password, userAgent);
  assert.equal(res.statusCode, 200, res.body);
  return cookieHeader(res);
}

export function errorOf(res: LightMyRequestResponse): { code: string; message: string; field?: string } {
  return (res.json() as { error: { code: string; message: string; field?: string } }).error;
}
