/**
 * Handing a case to a member of staff (or taking it off everyone). Any staff member may assign; the assignee
 * must be an active member of staff. The assignment is a timeline row of its own (the state does not move).
 */
import { eq } from 'drizzle-orm';
import { staffUsers } from '../../accounts/schema.ts';
import type { StaffPrincipal } from '../../accounts/staff.service.ts';
import type { AppContext } from '../../context.ts';
import { AppError, NotFound, ValidationError } from '../../shared/errors.ts';
import { uuidv7 } from '../../shared/ids.ts';
import { afterSalesCaseEvents, afterSalesCases } from '../schema.ts';
import { adminCaseDetail } from './case-views.ts';
import type { AdminCaseDetail } from './schemas.ts';

/**
 * Assigns case `caseId` to `staffId` (null: unassigned). Errors: 404 for an unknown case, 404 on `staffId`
 * for an unknown staff member, 400 on `staffId` for one who has left (PV-STF-2: disabled).
 */
export async function assignCase(
  ctx: Pick<AppContext, 'db' | 'clock' | 'config'>,
  caseId: string,
  staffId: string | null,
  by: Pick<StaffPrincipal, 'id' | 'name' | 'role'>,
): Promise<AdminCaseDetail> {
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const [c] = await tx
      .select({ id: afterSalesCases.id, state: afterSalesCases.state })
      .from(afterSalesCases)
      .where(eq(afterSalesCases.id, caseId))
      .for('update');
    if (!c) throw new NotFound('Case');
    let assignee: { id: string; name: string } | null = null;
    if (staffId) {
      const [member] = await tx
        .select({ id: staffUsers.id, name: staffUsers.name, disabledAt: staffUsers.disabledAt })
        .from(staffUsers)
        .where(eq(staffUsers.id, staffId));
      if (!member) throw new AppError('not_found', 'staffId: no such member of staff', { field: 'staffId' });
      if (member.disabledAt) {
        throw new ValidationError([{ field: 'staffId', message: 'has left the shop and cannot take cases' }]);
      }
      assignee = { id: member.id, name: member.name };
    }
    await tx
      .update(afterSalesCases)
      .set({ assignedTo: assignee?.id ?? null, updatedAt: now })
      .where(eq(afterSalesCases.id, c.id));
    await tx.insert(afterSalesCaseEvents).values({
      id: uuidv7(now.getTime()),
      caseId: c.id,
      at: now,
      actorType: 'staff',
      actorId: by.id,
      actorName: by.name,
      action: 'assign',
      fromState: c.state,
      toState: c.state,
      details: { assignedTo: assignee },
    });
    return (await adminCaseDetail(tx, c.id, {
      role: by.role,
      now,
      soonDays: ctx.config.CASE_DUE_SOON_DAYS,
    })) as AdminCaseDetail;
  });
}
