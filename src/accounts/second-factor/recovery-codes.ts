import { eq } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import { AppError, ValidationError } from '../../shared/errors.ts';
import { staffUsers } from '../schema.ts';
import { type RequestMeta, recordStaffEvent } from '../security-events/record.ts';
import type { StaffPrincipal } from '../staff.service.ts';
import { replaceRecoveryCodes } from './enrol.ts';
import { acceptTotp } from './second-step.ts';
import { openSecret } from './secret-box.ts';

/**
 * A member makes new recovery codes themselves (issue 12): the current authenticator code proves they still have
 * it (a recovery code does not do: someone holding the old list must not get a new one). The 10 old codes die,
 * 10 new ones are returned this once, and a `recovery_codes_regenerated` security event is written, in one
 * transaction. A wrong or reused code writes `second_factor_failed` and is a 400 naming `code`; 409 when the
 * member has no authenticator.
 */
export async function regenerateRecoveryCodes(
  ctx: Pick<AppContext, 'db' | 'clock' | 'secret'>,
  staff: StaffPrincipal,
  code: string,
  meta: RequestMeta,
): Promise<{ recoveryCodes: string[] }> {
  const [user] = await ctx.db
    .select({ sealed: staffUsers.totpSecret, confirmedAt: staffUsers.totpConfirmedAt })
    .from(staffUsers)
    .where(eq(staffUsers.id, staff.id));
  if (!user?.sealed || !user.confirmedAt) {
    throw new AppError('conflict', 'Set up two-factor sign-in first: recovery codes come with it');
  }
  const now = ctx.clock.now();
  const accepted = await acceptTotp(ctx, staff.id, openSecret(ctx.secret, user.sealed), code, now);
  if (!accepted) {
    await recordStaffEvent(
      ctx.db,
      { staffId: staff.id, email: staff.email, reason: 'second_factor_failed', at: now },
      meta,
    );
    throw new ValidationError([
      {
        field: 'code',
        message: 'That code is not right, or it was already used. Enter the 6 digits your app shows now.',
      },
    ]);
  }
  return ctx.db.transaction(async (tx) => {
    const recoveryCodes = await replaceRecoveryCodes(tx, staff.id, now);
    await recordStaffEvent(
      tx,
      { staffId: staff.id, email: staff.email, reason: 'recovery_codes_regenerated', at: now },
      meta,
    );
    return { recoveryCodes };
  });
}
