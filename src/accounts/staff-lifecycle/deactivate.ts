/**
 * PV-STF-2: an owner deactivates a member who leaves. Everything of theirs stops at once (`endStaffAccess`):
 * sessions (the next request with the old cookie is a 401), password and second factor, pending invitations.
 * All their cases and orders, finished or not, go back to the queue (`releaseAssignments`, PV-STF-1: nobody else would see them
 * in full otherwise). The row stays, so their cases, messages and events keep a name; they come back only by a
 * new invitation.
 */
import { and, eq, isNull } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import { releaseAssignments } from '../../privacy/staff-access/release-assignments.ts';
import { Conflict, NotFound } from '../../shared/errors.ts';
import { staffUsers } from '../schema.ts';
import { type RequestMeta, recordStaffEvent } from '../security-events/record.ts';
import type { StaffPrincipal } from '../staff.service.ts';
import { endStaffAccess } from './end-access.ts';
import { deactivationProblem } from './lifecycle.rules.ts';

/** What a deactivation gave back to the queue: how many open cases and orders (PV-STF-2). */
export interface Deactivation {
  released: { cases: number; orders: number };
}

/**
 * Deactivates `memberId` on behalf of `owner`, in one transaction with a `staff_deactivated` security event
 * naming the member and (`by`) the owner, and the release of the member's open cases and orders (unassigned,
 * each with its timeline row in the owner's name). The active owners are read under lock, so two owners
 * deactivating each other at once cannot leave the shop without one. 404 for an unknown member; 409 (nothing
 * changed) for the last active owner, the owner themselves when they are the last, or a member already
 * deactivated.
 */
export async function deactivateStaff(
  ctx: Pick<AppContext, 'db' | 'clock'>,
  owner: StaffPrincipal,
  memberId: string,
  meta: RequestMeta,
): Promise<Deactivation> {
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const owners = await tx
      .select({ id: staffUsers.id })
      .from(staffUsers)
      .where(and(eq(staffUsers.role, 'owner'), isNull(staffUsers.disabledAt)))
      .orderBy(staffUsers.id)
      .for('update');
    const [member] = await tx
      .select({
        id: staffUsers.id,
        email: staffUsers.email,
        name: staffUsers.name,
        role: staffUsers.role,
        disabledAt: staffUsers.disabledAt,
      })
      .from(staffUsers)
      .where(eq(staffUsers.id, memberId))
      .for('update');
    if (!member) throw new NotFound('Staff member');
    const problem = deactivationProblem({
      actorId: owner.id,
      target: { id: member.id, role: member.role, active: member.disabledAt === null },
      activeOwnerIds: owners.map((o) => o.id),
    });
    if (problem) throw new Conflict(problem, { field: 'id' });
    await tx.update(staffUsers).set({ disabledAt: now }).where(eq(staffUsers.id, member.id));
    await endStaffAccess(tx, member, now);
    await recordStaffEvent(
      tx,
      { staffId: member.id, email: member.email, reason: 'staff_deactivated', at: now, byStaffId: owner.id },
      meta,
    );
    return { released: await releaseAssignments(tx, member, owner, now) };
  });
}
