/**
 * PV-STF-1, pure: who may hand a case or an order to whom. Assignment decides who sees the customer's personal
 * data, so it is a privacy rule, not only a work queue's:
 * - the owner assigns anything to any active member, or takes it off everyone;
 * - a customer-service member takes an unassigned record for themselves and gives back their own, but does not
 *   assign to others nor take one assigned to someone else;
 * - technicians do not assign (they work on masked data, or through a maintenance grant).
 */
import type { StaffRole } from './visibility.rules.ts';

export interface AssignmentMoves {
  /** "Take": an unassigned record to oneself. */
  mayTake: boolean;
  /** "Give back": one's own record to nobody. */
  mayRelease: boolean;
  /** The owner's free choice of any member (or nobody). */
  mayAssignOthers: boolean;
}

/** The assignment controls `by` gets on a record assigned to `current` (null: unassigned). */
export function assignmentMoves(
  by: { id: string; role: StaffRole },
  current: string | null,
): AssignmentMoves {
  if (by.role === 'owner') {
    return { mayTake: current !== by.id, mayRelease: current !== null, mayAssignOthers: true };
  }
  if (by.role === 'customer_service') {
    return { mayTake: current === null, mayRelease: current === by.id, mayAssignOthers: false };
  }
  return { mayTake: false, mayRelease: false, mayAssignOthers: false };
}

/**
 * Null when `by` may move the record from `current` to `to` (null: nobody), otherwise the reason, in words,
 * for the 403. `what` names the record ("case", "order").
 */
export function assignmentRefusal(
  by: { id: string; role: StaffRole },
  current: string | null,
  to: string | null,
  what: 'case' | 'order',
): string | null {
  // Before the no-op check: a technician is refused whatever the move, so the answer says nothing of it.
  if (by.role === 'technician')
    return `Technicians do not assign ${what}s: the owner or customer service does`;
  if (by.role === 'owner' || current === to) return null;
  if (to !== null && to !== by.id) {
    return `Customer service takes ${what}s for themselves only: the owner assigns them to other members`;
  }
  if (to === by.id && current !== null) {
    return `This ${what} is assigned to another member: only the owner can reassign it`;
  }
  if (to === null && current !== by.id) {
    return `Only the member handling this ${what}, or the owner, can give it back`;
  }
  return null;
}

/**
 * Why `member` cannot be given a `what`, or null: one who has left (PV-STF-2), or a technician, who works on
 * masked data (a case given to them would vanish from customer service while they could not handle the
 * customer). For a 400 on `staffId`.
 */
export function assigneeProblem(
  member: { role: StaffRole; disabledAt: Date | null },
  what: 'case' | 'order',
): string | null {
  if (member.disabledAt) return `has left the shop and cannot take ${what}s`;
  if (member.role === 'technician') {
    return `is a technician: ${what}s go to customer service or the owner, who handle the customer`;
  }
  return null;
}

/** `details.reason` on a release row written because the member holding the record left (PV-STF-2). */
export const memberLeftReason = 'member_left';

/** The timeline detail of a record given back because `member` left, as the case and order pages read it. */
export interface LeaveReleaseDetail {
  assignedTo: null;
  reason: typeof memberLeftReason;
  /** Who held it: the timeline keeps who handled the record, the pages say "<name> left the shop". */
  releasedFrom: { id: string; name: string };
}

/**
 * PV-STF-2 with PV-STF-1: a deactivated member gives back every case and order assigned to them, finished or
 * not. visibilityOf hides an unassigned order from customer service while its case is held by someone (and an
 * unassigned case while its order is), so a finished case kept by a leaver would hide its order, and any new
 * question on it, from every other member for good. Given back, the record is unassigned and masked until a
 * member takes it; its history still names who handled it. This is the detail of each release row.
 */
export function leaveReleaseDetail(member: { id: string; name: string }): LeaveReleaseDetail {
  return { assignedTo: null, reason: memberLeftReason, releasedFrom: { id: member.id, name: member.name } };
}
