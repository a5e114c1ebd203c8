/**
 * What the customer-account use cases share: the shapes they answer with, emails normalised, sessions
 * opened and ended, one-time links issued and used, security events written, guest orders joined.
 */
import { and, eq, isNull, lt, ne, or, sql } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { enqueueMail } from '../../messaging/outbox.ts';
import { orders } from '../../orders/schema.ts';
import { getShopSettings } from '../../settings/shop.ts';
import { sha256 } from '../../shared/crypto.ts';
import { AppError } from '../../shared/errors.ts';
import { randomToken, uuidv7 } from '../../shared/ids.ts';
import { type SecurityReason, securityEvents } from '../security-events.schema.ts';
import { type AccountMailKind, accountMail } from './account-emails.ts';
import { type accountTokenPurpose, accountTokens, customerSessions, customers } from './schema.ts';

/** What a customer sees of their account. */
export interface CustomerView {
  id: string;
  email: string;
  name: string;
  phone: string | null;
}

/** The customer behind a request's session cookie. */
export type CustomerPrincipal = CustomerView & { sessionId: string };

/** Where a request came from: written on sessions and security events, never logged. */
export interface RequestMeta {
  ip: string;
  userAgent: string;
}

/** For calls made outside a request (a script, a test). */
export const NO_META: RequestMeta = { ip: 'unknown', userAgent: '' };

export type AccountTokenPurpose = (typeof accountTokenPurpose.enumValues)[number];
export type CustomerRow = typeof customers.$inferSelect;

/** Emails are stored and compared trimmed and lower-cased: one account per address however it is typed. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function customerView(row: Pick<CustomerRow, 'id' | 'email' | 'name' | 'phone'>): CustomerView {
  return { id: row.id, email: row.email, name: row.name, phone: row.phone };
}

/** User agents are free text from the client: kept short. */
function shortAgent(userAgent: string): string {
  return userAgent.slice(0, 400);
}

/** A security event (PV-ACC-2: every ended session and lockout is logged for follow-up by staff). */
export async function recordSecurityEvent(
  db: Db,
  at: Date,
  event: { reason: SecurityReason; customerId: string | null; email: string | null; meta: RequestMeta },
): Promise<void> {
  await db.insert(securityEvents).values({
    id: uuidv7(at.getTime()),
    at,
    subjectType: 'customer',
    customerId: event.customerId,
    email: event.email,
    ip: event.meta.ip.slice(0, 64),
    userAgent: shortAgent(event.meta.userAgent),
    reason: event.reason,
  });
}

/**
 * Opens a session (a fresh random token at every sign-in: no session fixation); only its SHA-256 is stored.
 * Lives CUSTOMER_SESSION_DAYS at most.
 */
export async function openSession(
  db: Db,
  ctx: Pick<AppContext, 'config'>,
  now: Date,
  customerId: string,
  meta: RequestMeta,
): Promise<{ token: string; sessionId: string; expiresAt: Date }> {
  const token = randomToken();
  const sessionId = uuidv7(now.getTime());
  const expiresAt = new Date(now.getTime() + ctx.config.CUSTOMER_SESSION_DAYS * 86_400_000);
  // PV-COL-1: the IP address the clause lists is kept with the session (shown to its owner as a range), with
  // the browser's name the session list calls the device; nothing else of the request.
  await db.insert(customerSessions).values({
    id: sessionId,
    customerId,
    tokenHash: sha256(token),
    createdAt: now,
    lastSeenAt: now,
    expiresAt,
    ip: meta.ip.slice(0, 64),
    userAgent: shortAgent(meta.userAgent),
  });
  return { token, sessionId, expiresAt };
}

/** Ends every open session of the customer but `exceptSessionId`: the number ended. */
export async function endSessions(
  db: Db,
  now: Date,
  customerId: string,
  exceptSessionId?: string,
): Promise<number> {
  const ended = await db
    .update(customerSessions)
    .set({ revokedAt: now })
    .where(
      and(
        eq(customerSessions.customerId, customerId),
        isNull(customerSessions.revokedAt),
        exceptSessionId ? ne(customerSessions.id, exceptSessionId) : undefined,
      ),
    )
    .returning({ id: customerSessions.id });
  return ended.length;
}

/**
 * A one-time link's token for `purpose`, valid ACCOUNT_LINK_HOURS: a random secret of which only the SHA-256
 * is stored. Earlier unused links of the same purpose are voided: only the newest works.
 */
export async function issueAccountToken(
  db: Db,
  ctx: Pick<AppContext, 'config'>,
  now: Date,
  customerId: string,
  purpose: AccountTokenPurpose,
  newEmail: string | null = null,
): Promise<string> {
  await voidAccountTokens(db, now, customerId, purpose);
  const token = randomToken();
  await db.insert(accountTokens).values({
    id: uuidv7(now.getTime()),
    customerId,
    purpose,
    tokenHash: sha256(token),
    newEmail,
    expiresAt: new Date(now.getTime() + ctx.config.ACCOUNT_LINK_HOURS * 3_600_000),
    createdAt: now,
  });
  return token;
}

/** Marks the customer's unused links of `purpose` as used: a password change kills older reset links. */
export async function voidAccountTokens(
  db: Db,
  now: Date,
  customerId: string,
  purpose: AccountTokenPurpose,
): Promise<void> {
  await db
    .update(accountTokens)
    .set({ usedAt: now })
    .where(
      and(
        eq(accountTokens.customerId, customerId),
        eq(accountTokens.purpose, purpose),
        isNull(accountTokens.usedAt),
      ),
    );
}

const LINK_MESSAGES = {
  token_unknown: 'This link is not valid: copy the whole link from the email, or ask for a new one',
  token_reused:
    'This link was already used or replaced by a newer one: ask for a new one if you still need it',
  token_expired: 'This link has expired: ask for a new one',
} as const;

class LinkRefused extends Error {
  constructor(
    readonly reason: keyof typeof LINK_MESSAGES,
    readonly row: typeof accountTokens.$inferSelect | null,
  ) {
    super(reason);
  }
}

/**
 * Follows a one-time link: `work` runs in one transaction with the token claimed (used_at set), so a link
 * works once even when followed twice at the same instant, and a failure in `work` leaves it unused. An
 * unknown, used or expired token is a 400 on `token` with a message saying which; a used or expired one (a
 * replay, a late click) writes a security event.
 */
export async function followAccountLink<T>(
  ctx: Pick<AppContext, 'db' | 'clock'>,
  token: string,
  purpose: AccountTokenPurpose,
  meta: RequestMeta,
  work: (tx: Db, row: typeof accountTokens.$inferSelect, customer: CustomerRow) => Promise<T>,
): Promise<T> {
  const now = ctx.clock.now();
  try {
    return await ctx.db.transaction(async (tx) => {
      const [row] = await tx
        .select()
        .from(accountTokens)
        .where(and(eq(accountTokens.tokenHash, sha256(token)), eq(accountTokens.purpose, purpose)));
      if (!row) throw new LinkRefused('token_unknown', null);
      if (row.usedAt) throw new LinkRefused('token_reused', row);
      if (row.expiresAt.getTime() <= now.getTime()) throw new LinkRefused('token_expired', row);
      const claimed = await tx
        .update(accountTokens)
        .set({ usedAt: now })
        .where(and(eq(accountTokens.id, row.id), isNull(accountTokens.usedAt)))
        .returning({ id: accountTokens.id });
      if (claimed.length === 0) throw new LinkRefused('token_reused', row);
      // Locked so a concurrent change of the same account (another link, a password change) waits.
      const [customer] = await tx
        .select()
        .from(customers)
        .where(eq(customers.id, row.customerId))
        .for('update');
      if (!customer) throw new LinkRefused('token_unknown', null);
      return work(tx, row, customer);
    });
  } catch (error) {
    if (!(error instanceof LinkRefused)) throw error;
    if (error.row) {
      const [owner] = await ctx.db
        .select({ email: customers.email })
        .from(customers)
        .where(eq(customers.id, error.row.customerId));
      await recordSecurityEvent(ctx.db, now, {
        reason: error.reason === 'token_expired' ? 'token_expired' : 'token_reused',
        customerId: error.row.customerId,
        email: owner?.email ?? null,
        meta,
      });
    }
    throw new AppError('validation_failed', LINK_MESSAGES[error.reason], { field: 'token' });
  }
}

/**
 * Joins the guest orders bought with the account's verified `email` to the account (orders.customer_id).
 * Call only once the address is proved the customer's: typing someone's email claims nothing.
 */
export async function joinGuestOrders(db: Db, customerId: string, email: string): Promise<number> {
  const joined = await db
    .update(orders)
    .set({ customerId })
    .where(and(isNull(orders.customerId), sql`lower(trim(${orders.email})) = ${email}`))
    .returning({ id: orders.id });
  return joined.length;
}

/** Queues an account email to `to` in the caller's transaction, with the shop's name from its settings. */
export async function queueAccountMail(
  db: Db,
  ctx: Pick<AppContext, 'config'>,
  now: Date,
  to: string,
  mail: AccountMailKind,
): Promise<void> {
  const shop = await getShopSettings(db);
  await enqueueMail(db, accountMail(ctx.config.PUBLIC_URL, shop.name, to, mail), now);
}

/**
 * PV-MIN-1: customer sessions that ended (expired or signed out) and emailed links that were used or expired
 * before `before` serve nothing any more. The security events about them stay (PV-ACC-2 follow-up).
 */
export async function deleteEndedCustomerSessions(db: Db, before: Date): Promise<number> {
  const sessions = await db
    .delete(customerSessions)
    .where(or(lt(customerSessions.expiresAt, before), lt(customerSessions.revokedAt, before)))
    .returning({ id: customerSessions.id });
  const links = await db
    .delete(accountTokens)
    .where(or(lt(accountTokens.expiresAt, before), lt(accountTokens.usedAt, before)))
    .returning({ id: accountTokens.id });
  return sessions.length + links.length;
}
