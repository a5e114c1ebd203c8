import { and, eq, isNull, sql } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import { AppError, NotFound } from '../../shared/errors.ts';
import { passkeys } from '../passkeys/schema.ts';
import { staffRecoveryCodes, staffSessions, staffUsers } from '../schema.ts';
import { type RequestMeta, recordStaffEvent } from '../security-events/record.ts';
import type { StaffPrincipal } from '../staff.service.ts';

/**
 * The owner resets another member's lost second factor (issue 12 points 3 and 7): the secret, the replay step,
 * the recovery codes and the member's passkeys go, every session of the member ends (whoever holds their phone or a session is out), and a
 * `second_factor_reset` security event names the member, in one transaction. The member signs in with the
 * password alone and (an owner must) enrols again. 404 for an unknown member; 409 when they are deactivated
 * (nothing left to reset) or have neither an authenticator nor a passkey; 400
 * for the owner's own (another owner resets it, so one stolen owner session cannot remove the owner's).
 */
export async function resetSecondFactor(
  ctx: Pick<AppContext, 'db' | 'clock'>,
  owner: StaffPrincipal,
  memberId: string,
  meta: RequestMeta,
): Promise<void> {
  if (memberId === owner.id) {
    throw new AppError('validation_failed', 'Your own second factor is reset by another owner', {
      field: 'id',
    });
  }
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const [member] = await tx
      .select({
        id: staffUsers.id,
        email: staffUsers.email,
        secret: staffUsers.totpSecret,
        disabledAt: staffUsers.disabledAt,
      })
      .from(staffUsers)
      .where(eq(staffUsers.id, memberId))
      .for('update');
    if (!member) throw new NotFound('Staff member');
    // Deactivation already removed every factor and session: there is nothing to reset, and inviting the
    // member again is the way back (they enrol anew then).
    if (member.disabledAt) {
      throw new AppError(
        'conflict',
        'This member is deactivated: nothing to reset. Invite them again to bring them back',
        { field: 'id' },
      );
    }
    const theirPasskeys = await tx
      .delete(passkeys)
      .where(eq(passkeys.staffId, memberId))
      .returning({ id: passkeys.id });
    if (!member.secret && theirPasskeys.length === 0) {
      throw new AppError('conflict', 'This member has no second factor to reset');
    }
    await tx
      .update(staffUsers)
      .set({ totpSecret: null, totpConfirmedAt: null, totpLastStep: null })
      .where(eq(staffUsers.id, memberId));
    await tx.delete(staffRecoveryCodes).where(eq(staffRecoveryCodes.staffId, memberId));
    await tx
      .update(staffSessions)
      .set({ revokedAt: now })
      .where(and(eq(staffSessions.staffId, memberId), isNull(staffSessions.revokedAt)));
    await recordStaffEvent(
      tx,
      { staffId: memberId, email: member.email, reason: 'second_factor_reset', at: now },
      meta,
    );
  });
}

/** The shop's staff for the owner's staff page: who has an authenticator, how many passkeys. */
export async function listStaff(ctx: Pick<AppContext, 'db'>) {
  const rows = await ctx.db
    .select({
      id: staffUsers.id,
      email: staffUsers.email,
      name: staffUsers.name,
      role: staffUsers.role,
      disabledAt: staffUsers.disabledAt,
      totpConfirmedAt: staffUsers.totpConfirmedAt,
      // Spelled out: inside a subquery drizzle would leave the outer column unqualified.
      passkeys: sql<number>`(select count(*)::int from passkeys where passkeys.staff_id = staff_users.id)`,
    })
    .from(staffUsers)
    .orderBy(staffUsers.name, staffUsers.id);
  return rows.map((r) => ({
    id: r.id,
    email: r.email,
    name: r.name,
    role: r.role,
    active: r.disabledAt === null,
    secondFactor: r.totpConfirmedAt !== null,
    passkeys: Number(r.passkeys),
  }));
}
