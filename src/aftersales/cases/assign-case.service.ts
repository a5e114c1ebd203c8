/**
 * Handing a case to a member of staff (or taking it off everyone). Assignment decides who sees the customer's
 * personal data (PV-STF-1), so who may move it is a rule of its own (assignment.rules.ts): the owner assigns
 * anyone, customer service takes unassigned cases for themselves and gives back their own, technicians do not
 * assign. The assignee must be an active member of staff. The assignment is a timeline row of its own (the
 * state does not move).
 */
import { eq } from 'drizzle-orm';
import type { StaffPrincipal } from '../../accounts/staff.service.ts';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { assignee as assigneeOf } from '../../privacy/staff-access/assignee.ts';
import { assignmentRefusal } from '../../privacy/staff-access/assignment.rules.ts';
import { caseAccess } from '../../privacy/staff-access/visibility.ts';
import { AppError, NotFound } from '../../shared/errors.ts';
import { uuidv7 } from '../../shared/ids.ts';
import { afterSalesCaseEvents, afterSalesCases, type CaseEventDetails } from '../schema.ts';
import { adminCaseDetail } from './case-views.ts';
import { CASE_FIELDS, showCase } from './case-visibility.ts';
import type { AdminCaseDetail } from './schemas.ts';

/**
 * Assigns case `caseId` to `staffId` (null: unassigned). Errors: 404 for an unknown case or another member's
 * case customer service may not see (with its `refused` audit row); 403 naming PV-STF-1 for a move `by`'s role
 * may not make; 404 on `staffId` for an unknown staff member, 400 on `staffId` for one who has left
 * (PV-STF-2: disabled).
 */
export async function assignCase(
  ctx: Pick<AppContext, 'db' | 'clock' | 'config'>,
  caseId: string,
  staffId: string | null,
  by: Pick<StaffPrincipal, 'id' | 'name' | 'role'>,
): Promise<AdminCaseDetail> {
  await caseAccess(ctx, by, caseId, CASE_FIELDS);
  const now = ctx.clock.now();
  const detail = await ctx.db.transaction(async (tx) => {
    const [c] = await tx
      .select({
        id: afterSalesCases.id,
        state: afterSalesCases.state,
        assignedTo: afterSalesCases.assignedTo,
      })
      .from(afterSalesCases)
      .where(eq(afterSalesCases.id, caseId))
      .for('update');
    if (!c) throw new NotFound('Case');
    // Re-checked on the locked row: another member may have taken it since the read above.
    const refusal = assignmentRefusal(by, c.assignedTo, staffId, 'case');
    if (refusal) throw new AppError('forbidden', refusal, { clause: 'PV-STF-1' });
    let assignee: { id: string; name: string } | null = null;
    if (staffId) assignee = await assigneeOf(tx, staffId, 'case');
    await writeCaseAssignee(tx, c, { assignedTo: assignee }, by, now);
    return (await adminCaseDetail(tx, c.id, {
      role: by.role,
      now,
      soonDays: ctx.config.CASE_DUE_SOON_DAYS,
    })) as AdminCaseDetail;
  });
  return showCase(ctx, by, detail);
}

/**
 * Writes an assignment inside `tx`: case `c` goes to `details.assignedTo` (null: unassigned) and its timeline
 * gains an 'assign' row by `by` at `now` carrying `details` (the state does not move). Who may make the move is
 * the caller's check; assignCase and a leaving member's release (release-assignments.ts) both write through here.
 */
export async function writeCaseAssignee(
  tx: Db,
  c: Pick<typeof afterSalesCases.$inferSelect, 'id' | 'state'>,
  details: CaseEventDetails & { assignedTo: { id: string; name: string } | null },
  by: Pick<StaffPrincipal, 'id' | 'name'>,
  now: Date,
): Promise<void> {
  await tx
    .update(afterSalesCases)
    .set({ assignedTo: details.assignedTo?.id ?? null, updatedAt: now })
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
    details,
  });
}
