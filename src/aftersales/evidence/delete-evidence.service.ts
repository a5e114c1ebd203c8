/**
 * Removing an evidence file: the customer, a file they uploaded while its kind is still being collected; staff
 * of the roles in `evidenceRemovalRoles`, any file of any case, with a written reason kept in the timeline.
 */
import { and, eq } from 'drizzle-orm';
import type { StaffPrincipal } from '../../accounts/staff.service.ts';
import type { AppContext } from '../../context.ts';
import { AppError, Forbidden, NotFound } from '../../shared/errors.ts';
import { uuidv7 } from '../../shared/ids.ts';
import { plural, visibleLength } from '../../shared/text.ts';
import { evidenceRemovalRoles } from '../cases/case-roles.ts';
import { afterSalesCaseEvents } from '../schema.ts';
import { evidenceKindLabels } from './checklist.ts';
import { afterSalesEvidence } from './evidence.schema.ts';
import { evidenceServices } from './evidence-context.ts';
import { caseOf } from './evidence-records.ts';
import { checkCustomerMayDelete } from './evidence-rules.ts';

/**
 * Errors: 404 when the case is not the link's, or the file is not the case's or was uploaded by staff; 409 on
 * `evidenceId` once the case keeps its evidence (past `awaiting_evidence`; for a receipt, past inspection).
 * The row goes first (in the case's lock), then the files: a crash between leaves unreferenced bytes, never a
 * row pointing at nothing.
 */
export async function deleteCustomerEvidence(
  ctx: Pick<AppContext, 'db' | 'config' | 'secret'>,
  token: string,
  reference: string,
  evidenceId: string,
): Promise<void> {
  const { storage } = evidenceServices(ctx.config);
  const removed = await ctx.db.transaction(async (tx) => {
    const c = await caseOf(tx, ctx.secret, { by: 'customer', token, reference }, true);
    const [row] = await tx
      .select()
      .from(afterSalesEvidence)
      .where(
        and(
          eq(afterSalesEvidence.id, evidenceId),
          eq(afterSalesEvidence.caseId, c.id),
          eq(afterSalesEvidence.uploadedBy, 'customer'),
        ),
      );
    if (!row) throw new NotFound('Evidence file');
    checkCustomerMayDelete(row.kind, c.state);
    await tx.delete(afterSalesEvidence).where(eq(afterSalesEvidence.id, row.id));
    return row;
  });
  await Promise.all([storage.delete(removed.storageKey), storage.delete(removed.thumbnailKey)]);
}

/** The timeline's action for a file removed by staff: the case stays where it is. */
export const REMOVE_EVIDENCE_ACTION = 'remove_evidence';

/**
 * Staff remove file `evidenceId` of case `caseId`, saying why (`reason`, at least CASE_OVERRIDE_REASON_MIN_CHARS
 * characters): the row goes and a timeline row ("The malfunction: <reason>") is written in one transaction
 * under the case's lock, then the stored files. Errors: 403 for a role outside `evidenceRemovalRoles`; 400 on
 * `reason` when it is too short; 404 for an unknown case or a file of another case.
 */
export async function removeEvidenceAsStaff(
  ctx: Pick<AppContext, 'db' | 'config' | 'secret' | 'clock'>,
  caseId: string,
  evidenceId: string,
  staff: Pick<StaffPrincipal, 'id' | 'name' | 'role'>,
  reason: string,
): Promise<void> {
  if (!evidenceRemovalRoles.includes(staff.role)) {
    throw new Forbidden('Removing evidence is for customer service and the owner');
  }
  const minChars = ctx.config.CASE_OVERRIDE_REASON_MIN_CHARS;
  if (visibleLength(reason) < minChars) {
    throw new AppError(
      'validation_failed',
      `reason: say why the file is removed (at least ${plural(minChars, 'character')}); the case's timeline keeps it`,
      { field: 'reason' },
    );
  }
  const { storage } = evidenceServices(ctx.config);
  const now = ctx.clock.now();
  const removed = await ctx.db.transaction(async (tx) => {
    const c = await caseOf(tx, ctx.secret, { by: 'staff', caseId, staffId: staff.id }, true);
    const [row] = await tx
      .select()
      .from(afterSalesEvidence)
      .where(and(eq(afterSalesEvidence.id, evidenceId), eq(afterSalesEvidence.caseId, c.id)));
    if (!row) throw new NotFound('Evidence file');
    await tx.delete(afterSalesEvidence).where(eq(afterSalesEvidence.id, row.id));
    await tx.insert(afterSalesCaseEvents).values({
      id: uuidv7(now.getTime()),
      caseId: c.id,
      at: now,
      actorType: 'staff',
      actorId: staff.id,
      actorName: staff.name,
      action: REMOVE_EVIDENCE_ACTION,
      fromState: c.state,
      toState: c.state,
      note: `${evidenceKindLabels[row.kind]}: ${reason}`,
    });
    return row;
  });
  await Promise.all([storage.delete(removed.storageKey), storage.delete(removed.thumbnailKey)]);
}
