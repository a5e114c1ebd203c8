/**
 * PV-STF-1 for a case's remedies in the back office: the list as this member may see the case. Staff's notes
 * (a refund's reason may quote the customer: "goodwill for Tony who called from …") and a replacement's
 * tracking number (it leads to the delivery address on the carrier's site) are personal data: shown in full
 * only with full visibility of the case, and then the read is logged; masked otherwise, as on the case page
 * and the order's refund list.
 */
import type { AppContext } from '../../context.ts';
import { recordStaffAccess } from '../../privacy/staff-access/record-access.ts';
import { maskText } from '../../privacy/staff-access/visibility.rules.ts';
import type { Access, StaffWho } from '../../privacy/staff-access/visibility.ts';
import type { CaseRemedyView } from './schemas.ts';

/** The personal fields a case's remedies may hold: staff's notes, a replacement's tracking number. */
export const REMEDY_FIELDS = ['notes', 'tracking'];

/** `items` with their notes and tracking numbers masked ('': one exists), everything else kept. */
export function maskCaseRemedies(items: CaseRemedyView[]): CaseRemedyView[] {
  return items.map((r) => ({
    ...r,
    note: maskText(r.note),
    replacementOrder: r.replacementOrder
      ? { ...r.replacementOrder, trackingNumber: maskText(r.replacementOrder.trackingNumber) }
      : null,
  }));
}

/** The personal fields `items` actually hold, for the audit row of a full read. */
function fieldsOf(items: CaseRemedyView[]): string[] {
  return REMEDY_FIELDS.filter((f) =>
    items.some((r) => (f === 'notes' ? Boolean(r.note) : Boolean(r.replacementOrder?.trackingNumber))),
  );
}

/**
 * `list` (loaded in full) as `staff` may see case `caseId` under `access` (from `caseAccess`, which refused a
 * hidden case with its 404 and `refused` row): masked for masked access; in full with one `read` audit row
 * (the grant's reason for a technician) when the list holds personal data.
 */
export async function showCaseRemedies<L extends { items: CaseRemedyView[] }>(
  ctx: Pick<AppContext, 'db' | 'clock'>,
  staff: StaffWho,
  caseId: string,
  access: Access,
  list: L,
): Promise<L> {
  const { visibility } = access;
  if (visibility.kind !== 'full') return { ...list, items: maskCaseRemedies(list.items) };
  await recordStaffAccess(ctx.db, staff, ctx.clock.now(), [
    {
      outcome: 'read',
      recordType: 'case',
      recordId: caseId,
      customerId: access.holders.customerId,
      fields: fieldsOf(list.items),
      purpose: visibility.purpose,
      grantId: visibility.grantId,
    },
  ]);
  return list;
}
