/**
 * PV-STF-1 for cases in the back office: the case detail as this member may see it (full or masked), with the
 * assignment controls their role allows, and the audit row of each read of personal data.
 */
import type { AppContext } from '../../context.ts';
import { assignmentMoves } from '../../privacy/staff-access/assignment.rules.ts';
import { recordStaffAccess } from '../../privacy/staff-access/record-access.ts';
import {
  emailDomain,
  initials,
  maskText,
  visibilityOf,
} from '../../privacy/staff-access/visibility.rules.ts';
import { caseHolders, type StaffWho, viewerOf } from '../../privacy/staff-access/visibility.ts';
import type { AdminCaseDetail } from './schemas.ts';

/** The personal fields a case detail holds (the customer's name and email, on its order). */
export const CASE_FIELDS = ['name', 'email'];

/**
 * `detail` with the customer's personal data masked: initials and the email's domain; the timeline's staff
 * notes and written reasons (which may quote the customer) show that they exist, who wrote them and when, not
 * their text, as message texts are hidden; a return parcel's tracking number (it leads to the customer's
 * address on the carrier's site) shows that there is one, its carrier stays (PV-STF-1).
 */
export function maskCaseDetail(detail: AdminCaseDetail): AdminCaseDetail {
  return {
    ...detail,
    personalData: 'masked',
    timeline: detail.timeline.map((e) => ({
      ...e,
      note: maskText(e.note),
      overrideReason: maskText(e.overrideReason),
      details: e.details?.shipment
        ? {
            ...e.details,
            shipment: { ...e.details.shipment, trackingNumber: maskText(e.details.shipment.trackingNumber) },
          }
        : e.details,
    })),
    order: {
      ...detail.order,
      email: emailDomain(detail.order.email),
      customerName: initials(detail.order.customerName),
    },
  };
}

/**
 * `detail` (loaded in full) as `staff` may see it now, with the assignment controls; a full read writes one
 * audit row (with the grant's reason for a technician). A case the member may not see at all was refused
 * before (caseAccess); should it have become so meanwhile, it is shown masked.
 */
export async function showCase(
  ctx: Pick<AppContext, 'db' | 'clock'>,
  staff: StaffWho,
  detail: AdminCaseDetail,
): Promise<AdminCaseDetail> {
  const now = ctx.clock.now();
  const holders = await caseHolders(ctx.db, detail.id);
  const viewer = await viewerOf(ctx.db, staff, now);
  const visibility = holders ? visibilityOf(viewer, holders) : ({ kind: 'masked' } as const);
  const shaped = { ...detail, assignment: assignmentMoves(staff, detail.assignee?.id ?? null) };
  if (visibility.kind !== 'full') return maskCaseDetail(shaped);
  await recordStaffAccess(ctx.db, staff, now, [
    {
      outcome: 'read',
      recordType: 'case',
      recordId: detail.id,
      customerId: holders?.customerId ?? null,
      fields: CASE_FIELDS,
      purpose: visibility.purpose,
      grantId: visibility.grantId,
    },
  ]);
  return { ...shaped, personalData: 'full' };
}
