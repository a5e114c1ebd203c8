/**
 * Cases waiting on the customer: when to remind them and when the shop stops waiting (issue 10 point 7).
 * Pure: the job (case-follow-up.ts) reads the rows and the clock.
 */
import type { CaseStepEmail } from '../../messaging/templates/case-step.ts';
import { DAY_MS } from '../../shared/time.ts';
import type { CaseState } from './case-lifecycle.ts';

export interface FollowUpSettings {
  /** Remind every this many days while the case waits (CASE_REMINDER_DAYS). */
  reminderDays: number;
  /** Close a case still waiting for evidence or the parcel this many days after asking (CASE_ABANDON_DAYS). */
  abandonDays: number;
}

/** The states in which the next move is the customer's, with the reminder each sends. */
export const waitingOnCustomer: Partial<Record<CaseState, CaseStepEmail>> = {
  awaiting_evidence: 'evidence_reminder',
  return_authorised: 'return_reminder',
  quote_sent: 'quote_reminder',
};

/**
 * The states a case is given up in. A quote without an answer is not: the item is in the shop's hands and
 * staff decide what happens to it.
 */
const abandonable: ReadonlySet<CaseState> = new Set(['awaiting_evidence', 'return_authorised']);

export interface WaitingCase {
  state: CaseState;
  /** When the case entered its state (the request the customer has not answered). */
  since: Date;
  /** The last reminder sent in this state, if any. */
  lastRemindedAt: Date | null;
  /**
   * Awaiting evidence only: every required kind has a file (`missingEvidence` of case-evidence.rules.ts finds
   * none), so the next move is staff's (judge what came) and the customer is neither reminded nor given up on.
   */
  evidenceComplete?: boolean;
}

export type FollowUp = { do: 'remind'; email: CaseStepEmail } | { do: 'abandon' } | null;

/**
 * What the shop does now about a case waiting on the customer: nothing (also when the customer has sent every
 * required piece of evidence and staff have not looked yet), a reminder (every `reminderDays` since
 * the request or the last reminder), or closing it (`abandonDays` after the request). Boundaries count as
 * reached (`>=`), like the policy's "within N days".
 */
export function followUpOf(c: WaitingCase, now: Date, settings: FollowUpSettings): FollowUp {
  const email = waitingOnCustomer[c.state];
  if (!email) return null;
  if (c.state === 'awaiting_evidence' && c.evidenceComplete) return null;
  const waited = now.getTime() - c.since.getTime();
  if (abandonable.has(c.state) && waited >= settings.abandonDays * DAY_MS) return { do: 'abandon' };
  const last = Math.max(c.since.getTime(), c.lastRemindedAt?.getTime() ?? 0);
  return now.getTime() - last >= settings.reminderDays * DAY_MS ? { do: 'remind', email } : null;
}
