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

/** One of a leaving member's records, as `releasedOnLeave` weighs it. */
export interface HeldRecord {
  id: string;
  /** A case not finished (isOpenCase), an order not completed nor cancelled. */
  open: boolean;
}

/**
 * PV-STF-2 with PV-STF-1: what a deactivated member gives back to the queue. Their open cases, their open
 * orders, and any order of theirs (even completed) that still has an open case: visibilityOf hides an
 * unassigned case from everyone while its order is held by someone, so keeping the order would keep the case
 * from the others. Finished cases and orders stay as they are: nobody works on them any more, their history
 * still names who handled them, and giving them back would only show old customers' data to more members (the
 * owner still sees them in full). `ordersWithOpenCases` holds the ids of the leaver's orders with an open case.
 */
export function releasedOnLeave(
  cases: readonly HeldRecord[],
  orders: readonly HeldRecord[],
  ordersWithOpenCases: ReadonlySet<string>,
): { caseIds: string[]; orderIds: string[] } {
  return {
    caseIds: cases.filter((c) => c.open).map((c) => c.id),
    orderIds: orders.filter((o) => o.open || ordersWithOpenCases.has(o.id)).map((o) => o.id),
  };
}
