/**
 * PV-STF-1 for orders in the back office: the order detail as this member may see it (full or masked), with
 * the assignment controls their role allows, and the audit row of each read of personal data.
 */
import { eq } from 'drizzle-orm';
import { staffUsers } from '../accounts/schema.ts';
import type { AppContext } from '../context.ts';
import type { Db } from '../db/client.ts';
import { assignmentMoves } from '../privacy/staff-access/assignment.rules.ts';
import { recordStaffAccess } from '../privacy/staff-access/record-access.ts';
import {
  emailDomain,
  maskAddress,
  maskText,
  maskTextFields,
  type Visibility,
  visibilityOf,
} from '../privacy/staff-access/visibility.rules.ts';
import { orderHolders, type StaffWho, viewerOf } from '../privacy/staff-access/visibility.ts';
import { orders } from './schema.ts';
import type { AdminOrderDetail } from './schemas.ts';

/** The personal fields an order detail holds. */
export const ORDER_FIELDS = ['name', 'email', 'address', 'phone'];

/** The fields of `detail` that are shown when it is shown in full (no phone: no 'phone'). */
function fieldsOf(detail: AdminOrderDetail): string[] {
  return ORDER_FIELDS.filter((f) => f !== 'phone' || Boolean(detail.shippingAddress.phone));
}

/**
 * The free texts staff write into an order's timeline data: a cancellation's reason, a replacement's note. They
 * may quote the customer, so a masked order shows that they exist, not what they say (PV-STF-1).
 */
export const ORDER_TIMELINE_TEXTS = ['reason', 'note'] as const;

/**
 * A parcel's tracking number leads to the delivery address on the carrier's site, so a masked order shows
 * only that there is one ('', as a masked text), not the number; the carrier's name stays (PV-STF-1).
 */
export const ORDER_TIMELINE_PERSONAL = [...ORDER_TIMELINE_TEXTS, 'trackingNumber'] as const;

/**
 * `detail` with its personal data masked: initials, the email's domain, the country; no street, no phone; the
 * free texts of its timeline and its refunds' reasons emptied ('' : one was written), their author and time kept;
 * the tracking number emptied as well (on the shipment and in the timeline), the carrier kept.
 */
export function maskOrderDetail(detail: AdminOrderDetail): AdminOrderDetail {
  const address = maskAddress(detail.shippingAddress);
  return {
    ...detail,
    timeline: detail.timeline.map((e) => ({
      ...e,
      data: e.data ? maskTextFields(e.data, ORDER_TIMELINE_PERSONAL) : null,
    })),
    tracking: detail.tracking
      ? { ...detail.tracking, trackingNumber: maskText(detail.tracking.trackingNumber) }
      : null,
    refunds: detail.refunds.map((r) => ({ ...r, reason: '' })),
    personalData: 'masked',
    email: emailDomain(detail.email),
    shippingAddress: address,
    shippingAddressLines: [address.name, address.country],
    emails: detail.emails.map((m) => ({ ...m, toAddress: emailDomain(m.toAddress) })),
  };
}

/** The member an order is assigned to, with their name. */
export async function orderAssignee(db: Db, orderId: string): Promise<{ id: string; name: string } | null> {
  const [row] = await db
    .select({ id: staffUsers.id, name: staffUsers.name })
    .from(orders)
    .innerJoin(staffUsers, eq(staffUsers.id, orders.assignedTo))
    .where(eq(orders.id, orderId));
  return row ?? null;
}

/**
 * `detail` (loaded in full) as `staff` may see it now, with the assignment controls; a full read writes one
 * audit row (with the grant's reason for a technician). A record this member may not see at all was refused
 * before (orderAccess); should it have become so meanwhile, it is shown masked.
 */
export async function showOrder(
  ctx: Pick<AppContext, 'db' | 'clock'>,
  staff: StaffWho,
  detail: AdminOrderDetail,
): Promise<AdminOrderDetail> {
  const now = ctx.clock.now();
  const holders = await orderHolders(ctx.db, detail.id);
  const viewer = await viewerOf(ctx.db, staff, now);
  const visibility: Visibility = holders ? visibilityOf(viewer, holders) : { kind: 'masked' };
  const assignee = await orderAssignee(ctx.db, detail.id);
  const shaped = { ...detail, assignee, assignment: assignmentMoves(staff, assignee?.id ?? null) };
  if (visibility.kind !== 'full') return maskOrderDetail(shaped);
  await recordStaffAccess(ctx.db, staff, now, [
    {
      outcome: 'read',
      recordType: 'order',
      recordId: detail.id,
      customerId: holders?.customerId ?? null,
      fields: fieldsOf(detail),
      purpose: visibility.purpose,
      grantId: visibility.grantId,
    },
  ]);
  return { ...shaped, personalData: 'full' };
}
