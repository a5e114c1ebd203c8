import { and, eq, isNull, lt, or } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import { sha256 } from '../../shared/crypto.ts';
import { AppError } from '../../shared/errors.ts';
import { staffRecoveryCodes, staffUsers } from '../schema.ts';
import { type RequestMeta, recordStaffEvent } from '../security-events/record.ts';
import { memberHasPasskey, type OpenedSession, openStaffSession } from '../staff.service.ts';
import { claimedStaffId, pendingSignInValid } from './pending-sign-in.ts';
import { openSecret } from './secret-box.ts';
import { checkTotpCode, normaliseRecoveryCode } from './totp.rules.ts';

const EXPIRED = 'This sign-in has expired. Enter your email and password again.';
const WRONG = 'That code is not right, or it was already used. Enter the code your app shows now.';

/**
 * The second step of a staff sign-in: the pending token from `signIn` and either the authenticator's 6-digit
 * code (one 30-second step either side; a code, or an older one, never works twice: the accepted step is
 * stored with a compare-and-set so two requests with one code cannot both pass) or an unused recovery code,
 * which is then spent. Success opens a session. A wrong or replayed code writes `second_factor_failed` and is a
 * 401 naming `code`; an expired or forged pending token (or one from before a password change) is a 401 naming
 * `token`.
 */
export async function completeSecondStep(
  ctx: Pick<AppContext, 'db' | 'clock' | 'config' | 'secret'>,
  input: { token: string; code: string },
  meta: RequestMeta,
): Promise<OpenedSession> {
  const staffId = claimedStaffId(input.token);
  const [user] = staffId ? await ctx.db.select().from(staffUsers).where(eq(staffUsers.id, staffId)) : [];
  if (!user || user.disabledAt || !user.totpSecret || !user.totpConfirmedAt) {
    throw new AppError('unauthenticated', EXPIRED, { field: 'token' });
  }
  if (!pendingSignInValid(ctx, input.token, user))
    throw new AppError('unauthenticated', EXPIRED, { field: 'token' });
  const now = ctx.clock.now();
  const accepted = /^\s*\d[\d\s]*$/.test(input.code)
    ? await acceptTotp(ctx, user.id, openSecret(ctx.secret, user.totpSecret), input.code, now)
    : await spendRecoveryCode(ctx, user.id, input.code, now);
  if (!accepted) {
    await recordStaffEvent(
      ctx.db,
      { staffId: user.id, email: user.email, reason: 'second_factor_failed', at: now },
      meta,
    );
    throw new AppError('unauthenticated', WRONG, { field: 'code' });
  }
  return openStaffSession(ctx, { ...user, hasPasskey: await memberHasPasskey(ctx.db, user.id) });
}

/**
 * Whether `code` is the member's authenticator code now, not used before; the accepted step is stored with a
 * compare-and-set, so the code cannot serve twice (a sign-in and a recovery-code renewal included).
 */
export async function acceptTotp(
  ctx: Pick<AppContext, 'db'>,
  staffId: string,
  secret: string,
  code: string,
  now: Date,
): Promise<boolean> {
  const [row] = await ctx.db
    .select({ lastStep: staffUsers.totpLastStep })
    .from(staffUsers)
    .where(eq(staffUsers.id, staffId));
  const check = checkTotpCode(secret, code, now.getTime(), row?.lastStep ?? null);
  if (!check.ok) return false;
  const stored = await ctx.db
    .update(staffUsers)
    .set({ totpLastStep: check.step })
    .where(
      and(
        eq(staffUsers.id, staffId),
        or(isNull(staffUsers.totpLastStep), lt(staffUsers.totpLastStep, check.step)),
      ),
    )
    .returning({ id: staffUsers.id });
  return stored.length === 1;
}

async function spendRecoveryCode(
  ctx: Pick<AppContext, 'db'>,
  staffId: string,
  typed: string,
  now: Date,
): Promise<boolean> {
  const code = normaliseRecoveryCode(typed);
  if (!code) return false;
  const spent = await ctx.db
    .update(staffRecoveryCodes)
    .set({ usedAt: now })
    .where(
      and(
        eq(staffRecoveryCodes.staffId, staffId),
        eq(staffRecoveryCodes.codeHash, sha256(code)),
        isNull(staffRecoveryCodes.usedAt),
      ),
    )
    .returning({ id: staffRecoveryCodes.id });
  return spent.length === 1;
}
