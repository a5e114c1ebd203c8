import { randomBytes } from 'node:crypto';
import { and, count, eq, isNotNull, isNull, lt, ne, or, sql } from 'drizzle-orm';
import type { AppContext } from '../context.ts';
import type { Db } from '../db/client.ts';
import { oncePerDb } from '../db/prepared.ts';
import { sha256 } from '../shared/crypto.ts';
import { AppError, ValidationError } from '../shared/errors.ts';
import { randomToken, uuidv7 } from '../shared/ids.ts';
import { passkeys } from './passkeys/schema.ts';
import { hashPassword, staffPasswordProblem, verifyPassword } from './passwords.ts';
import { staffSessions, staffUsers } from './schema.ts';
import { pendingSignInToken } from './second-factor/pending-sign-in.ts';
import { type RequestMeta, recordStaffEvent } from './security-events/record.ts';
import { CONFIDENTIALITY_AGREEMENT } from './staff-lifecycle/agreement.ts';
import { agreementRequired, secondFactorRequired } from './staff-lifecycle/lifecycle.rules.ts';

/** How stale a session's lastSeenAt may get before a request writes it again: one write a minute at most. */
const LAST_SEEN_RESOLUTION_MS = 60_000;

export interface StaffPrincipal {
  id: string;
  email: string;
  name: string;
  role: 'owner' | 'customer_service' | 'technician';
  sessionId: string;
  /** The member signs in with an authenticator code after the password. */
  secondFactor: boolean;
  /** The member has a passkey (which signs in alone: it is both factors, issue 12 point 7). */
  passkey: boolean;
  /**
   * An owner without a second factor (neither an authenticator nor a passkey): the session answers only the session and enrolment endpoints until they
   * enrol (the guard refuses the rest with 403).
   */
  enrolmentRequired: boolean;
  /**
   * PV-STF-3: the member has not accepted the current confidentiality agreement: the session answers only the
   * session, enrolment and agreement endpoints until they do (the guard refuses the rest with 403).
   */
  agreementRequired: boolean;
}

/**
 * The first start creates the shop owner from ADMIN_EMAIL / ADMIN_PASSWORD, or with a generated password
 * that is returned once so main.ts can print it. Later starts change nothing.
 */
export async function ensureOwner(
  ctx: Pick<AppContext, 'db' | 'config' | 'clock'>,
): Promise<{ email: string; generatedPassword: string | null } | null> {
  const [existing] = await ctx.db.select({ n: count() }).from(staffUsers);
  if ((existing?.n ?? 0) > 0) return null;
  const generated = ctx.config.ADMIN_PASSWORD ? null : randomBytes(12).toString('base64url');
  const password = ctx.config.ADMIN_PASSWORD ?? (generated as string);
  const email = ctx.config.ADMIN_EMAIL.toLowerCase();
  const inserted = await ctx.db
    .insert(staffUsers)
    .values({
      id: uuidv7(ctx.clock.now().getTime()),
      email,
      name: 'Shop owner',
      passwordHash: await hashPassword(password),
      role: 'owner',
    })
    .onConflictDoNothing()
    .returning({ id: staffUsers.id });
  // Another process created it first: it printed the password.
  if (inserted.length === 0) return null;
  return { email, generatedPassword: generated };
}

/** What a correct password leads to: a session, or (with an authenticator) the second step. */
export type SignInOutcome =
  | { kind: 'session'; session: OpenedSession }
  | { kind: 'second_step'; pendingToken: string; expiresAt: Date };

export interface OpenedSession {
  token: string;
  staff: StaffPrincipal;
  expiresAt: Date;
}

/**
 * The first step of a staff sign-in: email and password (argon2id, with a dummy hash for unknown emails and
 * deactivated members so timing reveals nothing). A wrong password for a staff email (or any password of a
 * deactivated member) writes a `staff_sign_in_failed` security event, an unknown email a
 * `staff_sign_in_unknown_email` one without the email: both cost one argon2 check and one insert;
 * every failure is the same 401 naming `password`. A member with a confirmed authenticator gets a pending
 * sign-in token for `completeSecondStep` instead of a session. An owner without one gets a session that only
 * answers the enrolment endpoints until they enrol (`principal.enrolmentRequired`, checked by the guard).
 */
export async function signIn(
  ctx: Pick<AppContext, 'db' | 'clock' | 'config' | 'secret'>,
  email: string,
  password: string,
  meta: RequestMeta,
): Promise<SignInOutcome> {
  const [user] = await ctx.db
    .select()
    .from(staffUsers)
    .where(eq(staffUsers.email, email.trim().toLowerCase()));
  const active = user && !user.disabledAt ? user : null;
  // A deactivated member's hash is a marker argon2 refuses at once: check the dummy instead, so the time
  // taken says nothing about which addresses exist or left.
  const ok = await verifyPassword(active?.passwordHash ?? null, password);
  if (!active || !ok) {
    // Issue 12: an unknown email is recorded too, without the typed address (it may be a customer's, or a
    // password typed into the wrong field): the address and browser say enough to spot a spray.
    await recordStaffEvent(
      ctx.db,
      user
        ? { staffId: user.id, email: user.email, reason: 'staff_sign_in_failed', at: ctx.clock.now() }
        : { staffId: null, email: null, reason: 'staff_sign_in_unknown_email', at: ctx.clock.now() },
      meta,
    );
    throw new AppError('unauthenticated', 'Email or password is incorrect', { field: 'password' });
  }
  if (active.totpConfirmedAt) {
    const pending = pendingSignInToken(ctx, active);
    return { kind: 'second_step', pendingToken: pending.token, expiresAt: pending.expiresAt };
  }
  const hasPasskey = await memberHasPasskey(ctx.db, active.id);
  if (hasPasskey) {
    // The passkey is this member's second factor: the password alone must not open what it guards.
    throw new AppError(
      'forbidden',
      'You sign in with your passkey: choose “Use a passkey” on the sign-in page. Lost it? The owner can reset your sign-in.',
      { field: 'password' },
    );
  }
  return { kind: 'session', session: await openStaffSession(ctx, { ...active, hasPasskey }) };
}

/** Whether the member has at least one passkey. */
export async function memberHasPasskey(db: Db, staffId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: passkeys.id })
    .from(passkeys)
    .where(eq(passkeys.staffId, staffId))
    .limit(1);
  return row !== undefined;
}

/**
 * A new session for a member who has proved who they are (a fresh random token each time: no fixation).
 * `ctx.db` may be a transaction (a passkey sign-in opens the session with its counter update).
 */
export async function openStaffSession(
  ctx: Pick<AppContext, 'db' | 'clock' | 'config'>,
  user: Pick<
    typeof staffUsers.$inferSelect,
    'id' | 'email' | 'name' | 'role' | 'totpConfirmedAt' | 'agreementVersion'
  > & { hasPasskey: boolean },
): Promise<OpenedSession> {
  const now = ctx.clock.now();
  const token = randomToken();
  const sessionId = uuidv7(now.getTime());
  const expiresAt = new Date(now.getTime() + ctx.config.STAFF_SESSION_HOURS * 3_600_000);
  await ctx.db.transaction(async (tx) => {
    await tx.insert(staffSessions).values({
      id: sessionId,
      staffId: user.id,
      tokenHash: sha256(token),
      createdAt: now,
      lastSeenAt: now,
      expiresAt,
    });
    await tx.update(staffUsers).set({ lastLoginAt: now }).where(eq(staffUsers.id, user.id));
  });
  return {
    token,
    expiresAt,
    staff: principalOf({ ...user, sessionId }),
  };
}

/**
 * The owner must have a second factor (issue 12 point 3): an authenticator app or a passkey (point 7: a passkey
 * with user verification is both factors); other roles may enrol when they like. Every member accepts the
 * current confidentiality agreement first (PV-STF-3).
 */
function principalOf(row: {
  id: string;
  email: string;
  name: string;
  role: StaffPrincipal['role'];
  sessionId: string;
  totpConfirmedAt: Date | null;
  agreementVersion: number | null;
  hasPasskey: boolean;
}): StaffPrincipal {
  const { totpConfirmedAt, agreementVersion, hasPasskey, ...rest } = row;
  const secondFactor = totpConfirmedAt !== null;
  return {
    ...rest,
    secondFactor,
    passkey: hasPasskey,
    enrolmentRequired: secondFactorRequired(rest.role) && !secondFactor && !hasPasskey,
    agreementRequired: agreementRequired(agreementVersion, CONFIDENTIALITY_AGREEMENT.version),
  };
}

/**
 * Every back-office request reads its session: one prepared statement per database (parsed once per
 * connection), so the guard costs a round trip and no query building.
 */
function prepareSessionLookup(db: Db) {
  const p = (name: string) => sql.placeholder(name);
  return db
    .select({
      sessionId: staffSessions.id,
      id: staffUsers.id,
      email: staffUsers.email,
      name: staffUsers.name,
      role: staffUsers.role,
      totpConfirmedAt: staffUsers.totpConfirmedAt,
      agreementVersion: staffUsers.agreementVersion,
      // Spelled out: inside a subquery drizzle would leave the outer column unqualified.
      hasPasskey: sql<boolean>`exists (select 1 from passkeys where passkeys.staff_id = staff_users.id)`,
      lastSeenAt: staffSessions.lastSeenAt,
    })
    .from(staffSessions)
    .innerJoin(staffUsers, eq(staffUsers.id, staffSessions.staffId))
    .where(
      and(
        sql`${staffSessions.tokenHash} = ${p('tokenHash')}`,
        isNull(staffSessions.revokedAt),
        sql`${staffSessions.expiresAt} > ${p('now')}::timestamptz`,
        sql`${staffSessions.lastSeenAt} > ${p('idleSince')}::timestamptz`,
        isNull(staffUsers.disabledAt),
      ),
    )
    .prepare('staff_session_by_token');
}

function sessionLookup(db: Db) {
  return oncePerDb(db, 'staff_session_by_token', () => prepareSessionLookup(db));
}

/**
 * The staff member behind a session token, or null when it is unknown, expired, revoked, idle for longer
 * than STAFF_IDLE_MINUTES, or its member is disabled. Using a session keeps it alive: its lastSeenAt moves
 * to now, written at most once a minute so reads do not turn into a write each.
 */
export async function staffFromToken(
  ctx: Pick<AppContext, 'db' | 'clock' | 'config'>,
  token: string,
): Promise<StaffPrincipal | null> {
  const now = ctx.clock.now();
  const idleSince = new Date(now.getTime() - ctx.config.STAFF_IDLE_MINUTES * 60_000);
  const [row] = await sessionLookup(ctx.db).execute({
    tokenHash: sha256(token),
    now: now.toISOString(),
    idleSince: idleSince.toISOString(),
  });
  if (!row) return null;
  const { lastSeenAt, ...staff } = row;
  if (now.getTime() - lastSeenAt.getTime() >= LAST_SEEN_RESOLUTION_MS) {
    await ctx.db.update(staffSessions).set({ lastSeenAt: now }).where(eq(staffSessions.id, row.sessionId));
  }
  return principalOf(staff);
}

/**
 * The member behind a session token whose member has been deactivated (PV-STF-2), or null for any other token:
 * unknown, or of an active member (an expired or signed-out session is an ordinary 401). For the guard, which
 * records a former member's old cookie in the staff access log.
 */
export async function deactivatedMemberOfToken(
  db: Db,
  token: string,
): Promise<Pick<StaffPrincipal, 'id' | 'name' | 'role'> | null> {
  const [row] = await db
    .select({ id: staffUsers.id, name: staffUsers.name, role: staffUsers.role })
    .from(staffSessions)
    .innerJoin(staffUsers, eq(staffUsers.id, staffSessions.staffId))
    .where(and(eq(staffSessions.tokenHash, sha256(token)), isNotNull(staffUsers.disabledAt)));
  return row ?? null;
}

/**
 * Changes the signed-in member's password. The current password must be right (else a 400 naming
 * `currentPassword`), the new one must pass `staffPasswordProblem` with the member's email and name and the
 * shop's name as words to avoid and differ from the current one (else a 400 naming `newPassword`). In one
 * transaction the hash is replaced and every other session of the member ends (a thief's included); the
 * session that asked stays signed in.
 */
export async function changeStaffPassword(
  ctx: Pick<AppContext, 'db' | 'clock'>,
  staff: StaffPrincipal,
  change: { currentPassword: string; newPassword: string; shopName: string },
): Promise<{ sessionsEnded: number }> {
  const [user] = await ctx.db
    .select({ passwordHash: staffUsers.passwordHash })
    .from(staffUsers)
    .where(eq(staffUsers.id, staff.id));
  if (!user || !(await verifyPassword(user.passwordHash, change.currentPassword))) {
    throw new ValidationError([{ field: 'currentPassword', message: 'The current password is not correct' }]);
  }
  const problem =
    change.newPassword === change.currentPassword
      ? 'Choose a password different from the current one'
      : staffPasswordProblem(change.newPassword, [staff.email, staff.name, change.shopName]);
  if (problem) throw new ValidationError([{ field: 'newPassword', message: problem }]);
  const passwordHash = await hashPassword(change.newPassword);
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    await tx.update(staffUsers).set({ passwordHash }).where(eq(staffUsers.id, staff.id));
    const ended = await tx
      .update(staffSessions)
      .set({ revokedAt: now })
      .where(
        and(
          eq(staffSessions.staffId, staff.id),
          ne(staffSessions.id, staff.sessionId),
          isNull(staffSessions.revokedAt),
        ),
      )
      .returning({ id: staffSessions.id });
    return { sessionsEnded: ended.length };
  });
}

export async function signOut(ctx: Pick<AppContext, 'db' | 'clock'>, sessionId: string): Promise<void> {
  await ctx.db
    .update(staffSessions)
    .set({ revokedAt: ctx.clock.now() })
    .where(eq(staffSessions.id, sessionId));
}

/** PV-MIN-1: sessions that ended (expired or signed out) before `before` serve nothing any more. */
export async function deleteEndedStaffSessions(db: Db, before: Date): Promise<number> {
  const deleted = await db
    .delete(staffSessions)
    .where(or(lt(staffSessions.expiresAt, before), lt(staffSessions.revokedAt, before)))
    .returning({ id: staffSessions.id });
  return deleted.length;
}
