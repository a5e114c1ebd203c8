/**
 * Customer accounts as the storefront's pages use them: the same service functions as /api/account/*, the
 * same session cookie (`__Host-ac_customer`, or `ac_customer` when COOKIE_SECURE=false; HttpOnly, SameSite=Lax,
 * the whole site, until the session's absolute end). `.server` keeps the database code out of the browser.
 */
import { type AppLoadContext, redirect } from 'react-router';
import type { CustomerPrincipal } from '../../../src/accounts/customers/account-records.ts';
import {
  addAddress,
  findAddress,
  listAddresses,
  makeDefaultAddress,
  removeAddress,
  type SavedAddress,
  updateAddress,
} from '../../../src/accounts/customers/addresses/address-book.service.ts';
import {
  confirmEmailChange,
  requestEmailChange,
} from '../../../src/accounts/customers/email-change.service.ts';
import { customerPasswordProblem, passwordStrength } from '../../../src/accounts/customers/password.rules.ts';
import {
  changePassword,
  requestPasswordReset,
  resetPassword,
} from '../../../src/accounts/customers/password.service.ts';
import { customerOrders, updateProfile } from '../../../src/accounts/customers/profile.service.ts';
import { endSession, listSessions } from '../../../src/accounts/customers/sessions.service.ts';
import {
  customerFromToken,
  signInCustomer,
  signOutCustomer,
} from '../../../src/accounts/customers/sign-in.service.ts';
import { signUp, verifyEmail } from '../../../src/accounts/customers/sign-up.service.ts';
import { listPasskeys, removePasskey } from '../../../src/accounts/passkeys/manage.ts';
import { claimPagePath } from '../../../src/aftersales/cases/case-link.ts';
import { deleteOwnAccount, deletionPreview } from '../../../src/privacy/customer-data.service.ts';
import { sessionCookieName } from '../../../src/shared/cookie-names.ts';
import { AppError, ValidationError } from '../../../src/shared/errors.ts';
import { formatDate } from '../../../src/shared/format.ts';

export type { CustomerPrincipal, SavedAddress };
export {
  addAddress,
  changePassword,
  confirmEmailChange,
  customerPasswordProblem,
  deleteOwnAccount,
  deletionPreview,
  endSession,
  findAddress,
  listAddresses,
  listPasskeys,
  listSessions,
  makeDefaultAddress,
  passwordStrength,
  removeAddress,
  removePasskey,
  requestEmailChange,
  requestPasswordReset,
  resetPassword,
  signInCustomer,
  signOutCustomer,
  signUp,
  updateAddress,
  updateProfile,
  verifyEmail,
};

/** PV-ACC-1's minimum length as the shop is set (never below 6): the forms' hint and first check. */
export function passwordMinLength(context: AppLoadContext): number {
  return context.ctx.config.CUSTOMER_PASSWORD_MIN_LENGTH;
}

/** Wrong passwords in a row that lock sign-in (PV-ACC-2, CUSTOMER_LOCK_ATTEMPTS). */
export function lockAttempts(context: AppLoadContext): number {
  return context.ctx.config.CUSTOMER_LOCK_ATTEMPTS;
}

/** The first lock's length in minutes (CUSTOMER_LOCK_MINUTES); repeated locks last longer. */
export function lockMinutes(context: AppLoadContext): number {
  return context.ctx.config.CUSTOMER_LOCK_MINUTES;
}

/** How many addresses an address book keeps (CUSTOMER_ADDRESSES_MAX). */
export function addressBookMax(context: AppLoadContext): number {
  return context.ctx.config.CUSTOMER_ADDRESSES_MAX;
}

/** How long an emailed link works, in hours (ACCOUNT_LINK_HOURS). */
export function linkHours(context: AppLoadContext): number {
  return context.ctx.config.ACCOUNT_LINK_HOURS;
}

/** The session cookie's base name, shared with the JSON API's guard. */
const CUSTOMER_COOKIE = 'ac_customer';

function cookieName(context: AppLoadContext): string {
  return sessionCookieName(CUSTOMER_COOKIE, context.ctx.config);
}

/** The session token in the request's cookies, if any. */
export function customerTokenFrom(context: AppLoadContext, request: Request): string | undefined {
  const header = request.headers.get('cookie');
  if (!header) return undefined;
  const name = cookieName(context);
  for (const pair of header.split(';')) {
    const eq = pair.indexOf('=');
    if (eq < 0 || pair.slice(0, eq).trim() !== name) continue;
    try {
      return decodeURIComponent(pair.slice(eq + 1).trim()) || undefined;
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/**
 * Whether the request carries a customer session cookie at all. The header's "Account" link follows it
 * without a database read, so pages cost signed-out visitors nothing; a cookie whose session has ended
 * leads to the sign-in page from there.
 */
export function hasCustomerCookie(context: AppLoadContext, request: Request): boolean {
  return customerTokenFrom(context, request) !== undefined;
}

/** The signed-in customer, or null (no cookie, or a session that has ended, timed out or was revoked). */
export async function customerOfRequest(
  context: AppLoadContext,
  request: Request,
): Promise<CustomerPrincipal | null> {
  const token = customerTokenFrom(context, request);
  return token ? customerFromToken(context.ctx, token) : null;
}

/**
 * The signed-in customer, or a redirect to the sign-in page that comes back here afterwards (the address
 * of an account page carries nothing personal). A stale cookie is cleared on the way.
 */
export async function requireCustomerPage(
  context: AppLoadContext,
  request: Request,
): Promise<CustomerPrincipal> {
  const customer = await customerOfRequest(context, request);
  if (customer) return customer;
  const url = new URL(request.url);
  const next = url.pathname.replace(/\.data$/, '');
  const headers = customerTokenFrom(context, request) ? clearedSessionHeaders(context) : undefined;
  throw redirect(`/account/sign-in?${new URLSearchParams({ next })}`, { status: 303, headers });
}

/** Set-Cookie for a new session, living as long as the session can. */
export function sessionHeaders(context: AppLoadContext, token: string, expiresAt: Date): Headers {
  const now = context.ctx.clock.now().getTime();
  const maxAge = Math.max(0, Math.floor((expiresAt.getTime() - now) / 1000));
  const parts = [
    `${cookieName(context)}=${encodeURIComponent(token)}`,
    `Max-Age=${maxAge}`,
    'Path=/',
    'HttpOnly',
  ];
  if (context.ctx.config.COOKIE_SECURE ?? true) parts.push('Secure');
  parts.push('SameSite=Lax');
  return new Headers({ 'Set-Cookie': parts.join('; ') });
}

/** Set-Cookie that removes the session cookie (sign-out, an ended session). */
export function clearedSessionHeaders(context: AppLoadContext): Headers {
  const parts = [`${cookieName(context)}=`, 'Max-Age=0', 'Path=/', 'HttpOnly'];
  if (context.ctx.config.COOKIE_SECURE ?? true) parts.push('Secure');
  parts.push('SameSite=Lax');
  return new Headers({ 'Set-Cookie': parts.join('; ') });
}

/** Who is asking, for the services' security events and session list: the client's address and browser. */
export function requestMeta(context: AppLoadContext, request: Request): { ip: string; userAgent: string } {
  return { ip: context.ip, userAgent: (request.headers.get('user-agent') ?? '').slice(0, 500) };
}

/**
 * Where to go after signing in: an address of this shop given by the sign-in link (`next`), or the account.
 * Anything else (another host, `//host`, a backslash trick) is ignored: no open redirect.
 */
export function safeNext(next: FormDataEntryValue | string | null): string {
  if (typeof next !== 'string' || !/^\/(?![/\\])[\w\-/.?=&%]*$/.test(next) || next.length > 200) {
    return '/account';
  }
  return next;
}

/** What a page can tell the person about a refused request; anything unexpected is rethrown (a 500 page). */
export interface AccountProblem {
  code: string;
  message: string;
  field: string | null;
  status: number;
  details: Record<string, unknown>;
}

const statusOf: Record<string, number> = {
  validation_failed: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  policy_violation: 422,
  rate_limited: 429,
  payload_too_large: 413,
};

export function accountProblem(error: unknown): AccountProblem {
  if (!(error instanceof AppError) || !(error.code in statusOf)) throw error;
  return {
    code: error.code,
    // A validation error's message is prefixed with its field for the API; the page shows it at the field.
    message: error instanceof ValidationError ? (error.issues[0]?.message ?? error.message) : error.message,
    field: error.field ?? null,
    status: statusOf[error.code] ?? 400,
    details: error.details,
  };
}

/** A sign-up, sign-in or reset form's email field: a readable message, or null when it looks like one. */
export function emailProblem(email: string): string | null {
  const trimmed = email.trim();
  if (!trimmed) return 'Enter your email address';
  if (trimmed.length > 254 || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(trimmed)) {
    return 'Enter an email address like name@example.com';
  }
  return null;
}

/** A form field as text, cut to `max` characters so an oversized post cannot travel further. */
export function textField(form: FormData, name: string, max: number): string {
  const value = form.get(name);
  return typeof value === 'string' ? value.slice(0, max) : '';
}

/**
 * The account page's orders: each with its order page, its cases' pages, and the claim page once the order
 * has arrived (the same pages the order emails link to).
 */
export async function accountOrders(context: AppLoadContext, customer: CustomerPrincipal) {
  const orders = await customerOrders(context.ctx, customer);
  return orders.map((o) => {
    const token = new URL(o.orderUrl, 'http://shop.invalid').searchParams.get('token') ?? '';
    return {
      reference: o.reference,
      placedOn: formatDate(o.placedAt),
      status: o.status,
      totalCents: o.totalCents,
      href: o.orderUrl,
      // A claim is about an item in the customer's hands: the claim page itself explains when it is early.
      claimHref: o.status === 'delivered' || o.status === 'completed' ? claimPagePath(token) : null,
      cases: o.cases.map((c) => ({ reference: c.reference, state: c.state, href: c.url })),
    };
  });
}
