/**
 * PV-STF-2: the invitee opens the emailed link and chooses a password. Accepting writes the member (or brings
 * back a deactivated one: reactivation is a new invitation) and opens their first session; an owner then
 * enrols an authenticator, and every member accepts the confidentiality agreement (PV-STF-3), before the back
 * office answers.
 */
import { and, eq, isNull } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import { getShopSettings } from '../../settings/shop.ts';
import { sha256 } from '../../shared/crypto.ts';
import { AppError, ValidationError } from '../../shared/errors.ts';
import { uuidv7 } from '../../shared/ids.ts';
import { hashPassword, staffPasswordProblem } from '../passwords.ts';
import { staffInvitations, staffUsers } from '../schema.ts';
import { type RequestMeta, recordStaffEvent } from '../security-events/record.ts';
import { type OpenedSession, openStaffSession } from '../staff.service.ts';
import {
  type InvitationRefusal,
  invitationRefusal,
  invitationRefusalMessages,
  type StaffRole,
} from './lifecycle.rules.ts';

export interface OpenInvitation {
  id: string;
  email: string;
  name: string;
  role: StaffRole;
  expiresAt: Date;
}

/** The error of a refused link: 400 naming `token`, with the reason's message for the invitee. */
export class InvitationRefused extends AppError {
  readonly refusal: InvitationRefusal;
  constructor(refusal: InvitationRefusal) {
    super('validation_failed', invitationRefusalMessages[refusal], { field: 'token' });
    this.refusal = refusal;
  }
}

/**
 * The open invitation of `token`, changing nothing. A forged, expired, used or replaced link throws
 * `InvitationRefused`; when it is used (`meta` given: an acceptance) it also writes a
 * `staff_invitation_refused` security event (with the invitation's address when the row is known; nothing of
 * a forged token). Only looking at the link (`meta` null: the page's GET) writes nothing, so that opening
 * addresses cannot fill the owner's review queue.
 */
export async function openInvitation(
  ctx: Pick<AppContext, 'db' | 'clock'>,
  token: string,
  meta: RequestMeta | null,
): Promise<OpenInvitation> {
  const now = ctx.clock.now();
  const [row] = await ctx.db
    .select()
    .from(staffInvitations)
    .where(eq(staffInvitations.tokenHash, sha256(token)));
  const refusal = invitationRefusal(row ?? null, now.getTime());
  if ((refusal || !row) && meta) {
    const [member] = row
      ? await ctx.db.select({ id: staffUsers.id }).from(staffUsers).where(eq(staffUsers.email, row.email))
      : [];
    await recordStaffEvent(
      ctx.db,
      { staffId: member?.id ?? null, email: row?.email ?? null, reason: 'staff_invitation_refused', at: now },
      meta,
    );
  }
  if (refusal || !row) throw new InvitationRefused(refusal ?? 'unknown');
  return { id: row.id, email: row.email, name: row.name, role: row.role, expiresAt: row.expiresAt };
}

/**
 * Accepts the invitation of `token` with `password` (the staff rules of `staffPasswordProblem`, with the
 * member's email and name and the shop's name as words to avoid; else a 400 naming `password`, the link still
 * usable). In one transaction the invitation is marked used (a compare-and-set: two tabs cannot both accept)
 * and the member is written: new, or a deactivated member coming back with the invited role, the new password,
 * no second factor and the agreement still to accept. Then a session opens. A refused link: see
 * `openInvitation` (nothing is written but the security event).
 */
export async function acceptInvitation(
  ctx: Pick<AppContext, 'db' | 'clock' | 'config'>,
  input: { token: string; password: string },
  meta: RequestMeta,
): Promise<OpenedSession> {
  const invitation = await openInvitation(ctx, input.token, meta);
  const shop = await getShopSettings(ctx.db);
  const problem = staffPasswordProblem(input.password, [invitation.email, invitation.name, shop.name]);
  if (problem) throw new ValidationError([{ field: 'password', message: problem }]);
  const passwordHash = await hashPassword(input.password);
  const now = ctx.clock.now();
  const member = await ctx.db.transaction(async (tx) => {
    const taken = await tx
      .update(staffInvitations)
      .set({ acceptedAt: now })
      .where(
        and(
          eq(staffInvitations.id, invitation.id),
          isNull(staffInvitations.acceptedAt),
          isNull(staffInvitations.revokedAt),
        ),
      )
      .returning({ id: staffInvitations.id });
    if (taken.length === 0) throw new InvitationRefused('used');
    const [existing] = await tx
      .select({ id: staffUsers.id, disabledAt: staffUsers.disabledAt })
      .from(staffUsers)
      .where(eq(staffUsers.email, invitation.email))
      .for('update');
    if (existing && !existing.disabledAt) throw new InvitationRefused('used');
    const values = {
      email: invitation.email,
      name: invitation.name,
      role: invitation.role,
      passwordHash,
      disabledAt: null,
      totpSecret: null,
      totpConfirmedAt: null,
      totpLastStep: null,
      agreementVersion: null,
      agreementAcceptedAt: null,
    };
    if (existing) {
      const [back] = await tx
        .update(staffUsers)
        .set(values)
        .where(eq(staffUsers.id, existing.id))
        .returning();
      return back;
    }
    const [created] = await tx
      .insert(staffUsers)
      .values({ id: uuidv7(now.getTime()), createdAt: now, ...values })
      .returning();
    return created;
  });
  if (!member) throw new InvitationRefused('used');
  // Deactivation removed any passkeys of a member invited back: a new member has none yet.
  return openStaffSession(ctx, { ...member, hasPasskey: false });
}
