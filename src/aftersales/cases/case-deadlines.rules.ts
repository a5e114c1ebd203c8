/**
 * Deadlines at a glance (issue 11 point 5): a case's next deadline, whose it is, and whether it has passed or is
 * near. The staff queue, the dashboard's Deadlines panel and the owner's daily digest all read it, so the three
 * always agree. Pure and browser-safe: no database, no clock ("now" is an argument).
 *
 * - The shop's deadline is the case's `dueAt`: CASE_RESPONSE_DAYS after it reached a state that waits on staff
 *   (case-rules.ts `dueAtFor`).
 * - The customer's comes from the follow-up settings (case-follow-up.rules.ts): a case waiting for evidence or
 *   for the parcel is closed by the shop CASE_ABANDON_DAYS after asking, so that is the customer's "by" date; a
 *   quote is never given up (the item is in the shop's hands), so its answer is expected by the first reminder,
 *   CASE_REMINDER_DAYS after it was sent; once that passes, staff decide what happens to the item.
 * A case waiting for evidence whose every required piece has arrived has no deadline here: the customer has done
 * their part (the follow-up job neither reminds nor gives it up), and the shop's `dueAt` is only set by a move.
 * The claim's own deadline in the assessment (the last moment to open it) has passed once a case exists, so it
 * is not one of these.
 */
import { formatDate } from '../../shared/format.ts';
import { DAY_MS } from '../../shared/time.ts';
import type { FollowUpSettings } from './case-follow-up.rules.ts';
import type { CaseState } from './case-lifecycle.ts';
import { deadlineMark } from './case-rules.ts';

export const deadlineOwners = ['shop', 'customer'] as const;
export type DeadlineOwner = (typeof deadlineOwners)[number];

/** What the shop does by its deadline, for each state that waits on staff. */
export const shopSteps = {
  opened: 'reply',
  troubleshooting: 'reply',
  parcel_received: 'inspect',
  inspected: 'decide',
  quote_accepted: 'resolve',
  quote_declined: 'resolve',
  resolved: 'close',
} as const satisfies Partial<Record<CaseState, string>>;

/**
 * What the customer owes, for each state that waits on them, and which follow-up setting (in days after the
 * case reached the state) is its deadline. The queue's SQL filter is built from this same table.
 */
export const customerSteps = {
  awaiting_evidence: { step: 'evidence', after: 'abandonDays' },
  return_authorised: { step: 'parcel', after: 'abandonDays' },
  quote_sent: { step: 'quote_answer', after: 'reminderDays' },
} as const satisfies Partial<Record<CaseState, { step: string; after: keyof FollowUpSettings }>>;

export type ShopStep = (typeof shopSteps)[keyof typeof shopSteps];
export type CustomerStep = (typeof customerSteps)[keyof typeof customerSteps]['step'];
export type DeadlineStep = ShopStep | CustomerStep;
export type DeadlineMark = 'overdue' | 'due_soon';

export const deadlineSteps = [
  'reply',
  'inspect',
  'decide',
  'resolve',
  'close',
  'evidence',
  'parcel',
  'quote_answer',
] as const satisfies readonly DeadlineStep[];

export interface DeadlineSettings extends FollowUpSettings {
  /** A deadline this many days away or less is near (CASE_DUE_SOON_DAYS, default 2). */
  nearDays: number;
}

/** A case as the rule reads it. */
export interface DeadlineInput {
  state: CaseState;
  /** When the case reached its state. */
  stateSince: Date;
  /** The shop's deadline, null while the case waits on the customer or on nobody. */
  dueAt: Date | null;
  /** Awaiting evidence only: every required kind has a file (evidence/checklist.ts). */
  evidenceComplete?: boolean;
}

export interface CaseDeadline {
  whose: DeadlineOwner;
  step: DeadlineStep;
  /** The UTC instant the step is due. */
  at: Date;
  /** Past it (`overdue`), within `nearDays` of it (`due_soon`, the boundary included), or neither. */
  mark: DeadlineMark | null;
}

function isShopState(state: CaseState): state is keyof typeof shopSteps {
  return state in shopSteps;
}

function isCustomerState(state: CaseState): state is keyof typeof customerSteps {
  return state in customerSteps;
}

/**
 * The customer's deadline of a case in `state` reached at `since`, or null when the state waits on nobody or
 * on the shop (see the module's comment for which setting each state uses).
 */
export function customerDeadlineOf(
  state: CaseState,
  since: Date,
  settings: FollowUpSettings,
): { step: CustomerStep; at: Date } | null {
  if (!isCustomerState(state)) return null;
  const rule = customerSteps[state];
  return { step: rule.step, at: new Date(since.getTime() + settings[rule.after] * DAY_MS) };
}

/**
 * A case's next deadline (issue 11 point 5): the shop's `dueAt` when the case waits on staff, the customer's
 * (customerDeadlineOf) when it waits on them, or null for a case that is finished or whose evidence is all in. The mark uses the queue's
 * rule (case-rules.ts `deadlineMark`): overdue once `now` is past `at`, due soon within `nearDays`.
 */
export function nextDeadline(c: DeadlineInput, now: Date, settings: DeadlineSettings): CaseDeadline | null {
  if (c.dueAt && isShopState(c.state)) {
    return {
      whose: 'shop',
      step: shopSteps[c.state],
      at: c.dueAt,
      mark: deadlineMark(c.dueAt, now, settings.nearDays),
    };
  }
  if (c.state === 'awaiting_evidence' && c.evidenceComplete) return null;
  const customer = customerDeadlineOf(c.state, c.stateSince, settings);
  if (!customer) return null;
  return { whose: 'customer', ...customer, mark: deadlineMark(customer.at, now, settings.nearDays) };
}

const stepWords: Record<DeadlineStep, string> = {
  reply: 'reply',
  inspect: 'inspect the item',
  decide: 'decide',
  resolve: 'resolve',
  close: 'close',
  evidence: 'evidence',
  parcel: 'parcel',
  quote_answer: 'quote answer',
};

/** "Shop: reply by 3 Dec 2026", "Customer: evidence by 31 Dec 2026": a deadline in one line, day in UTC. */
export function deadlineWords(d: { whose: DeadlineOwner; step: DeadlineStep; at: Date | string }): string {
  return `${d.whose === 'shop' ? 'Shop' : 'Customer'}: ${stepWords[d.step]} by ${formatDate(d.at)}`;
}

/** The marks in words, so they never rest on colour alone. */
export const deadlineMarkWords: Record<DeadlineMark, string> = {
  overdue: 'Overdue',
  due_soon: 'Near',
};

/**
 * How many deadlines of each side have passed or are near (`due_soon`, overdue not included); counted by the
 * database with this module's conditions (case-deadlines.service.ts `countDeadlines`).
 */
export interface DeadlineCounts {
  shop: { overdue: number; near: number };
  customer: { overdue: number; near: number };
}
