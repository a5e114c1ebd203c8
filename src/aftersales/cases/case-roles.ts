/**
 * Which staff roles may take which case action (pure). The workshop (technician) handles the item: it receives
 * the parcel and records the inspection (AS-GEN-4). Customer service handles the customer: troubleshooting,
 * evidence, the RMA, quotes, decisions and closing. The owner may do everything. Any staff member may read
 * cases and assign them.
 */
import type { StaffPrincipal } from '../../accounts/staff.service.ts';
import { actionsFor, type CaseAction, type CaseState, caseActions } from './case-lifecycle.ts';

export type StaffRole = StaffPrincipal['role'];

const CS: readonly StaffRole[] = ['owner', 'customer_service'];
const WORKSHOP: readonly StaffRole[] = ['owner', 'customer_service', 'technician'];
const INSPECTION: readonly StaffRole[] = ['owner', 'technician'];

/** The roles of each staff action; customer and system actions are nobody's here. */
export const caseActionRoles: Record<CaseAction, readonly StaffRole[]> = {
  start_troubleshooting: CS,
  request_evidence: CS,
  mark_solved: CS,
  authorise_return: CS,
  resolve_without_return: CS,
  decline: CS,
  receive_parcel: WORKSHOP,
  record_inspection: INSPECTION,
  send_quote: CS,
  accept_quote: [],
  decline_quote: [],
  resolve: CS,
  withdraw: [],
  close: CS,
};

/**
 * Who may remove a file from a case (a wrong upload, or one showing more than it should: an ID card, a face):
 * customer service, who handle the customer and the evidence, and the owner.
 */
export const evidenceRemovalRoles: readonly StaffRole[] = CS;

/**
 * Who reads and answers customers' questions (issue 10 point 1): customer service, who handle the customer, and
 * the owner; the workshop does not.
 */
export const questionRoles: readonly StaffRole[] = CS;

export function roleMayTake(role: StaffRole, action: CaseAction): boolean {
  return caseActionRoles[action].includes(role);
}

/** The staff actions a case in `state` allows to someone of `role`: the buttons their case page shows. */
export function staffActionsFor(state: CaseState, role: StaffRole): CaseAction[] {
  return actionsFor(state, 'staff').filter((a) => roleMayTake(role, a));
}

export function roleNames(action: CaseAction): string {
  return caseActionRoles[action].map((r) => r.replace('_', ' ')).join(' or ');
}

export { caseActions };
