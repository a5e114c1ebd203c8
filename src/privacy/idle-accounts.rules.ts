/**
 * PV-ACC-3: a customer account unused for CUSTOMER_IDLE_MONTHS is deleted, after a warning email
 * CUSTOMER_IDLE_WARNING_DAYS before, sent once per idle period. Using the account (a sign-in, a request with
 * its session) moves `lastActiveAt` past the warning, which cancels it. Pure: times in, a step out.
 */
import { DAY_MS } from '../shared/time.ts';

export interface IdleSettings {
  months: number;
  warningDays: number;
}

/** `at` plus `months` calendar months in UTC, on the same day or the month's last day when it is shorter. */
export function addMonthsUtc(at: Date, months: number): Date {
  const target = new Date(at.getTime());
  const day = at.getUTCDate();
  target.setUTCDate(1);
  target.setUTCMonth(target.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target;
}

export interface IdleAccount {
  lastActiveAt: Date;
  idleWarnedAt: Date | null;
}

export type IdleStep = { do: 'warn'; deleteOn: Date } | { do: 'delete' } | null;

/**
 * What the retention job does with an account now: warn it (the email says `deleteOn`: the end of the idle
 * period, or CUSTOMER_IDLE_WARNING_DAYS from now when the warning is late), delete it (warned, and both the
 * idle period and the notice have run out), or nothing.
 */
export function idleStep(account: IdleAccount, now: Date, settings: IdleSettings): IdleStep {
  const deleteAt = addMonthsUtc(account.lastActiveAt, settings.months).getTime();
  const notice = settings.warningDays * DAY_MS;
  const warned = account.idleWarnedAt && account.idleWarnedAt.getTime() > account.lastActiveAt.getTime();
  if (!warned) {
    if (now.getTime() < deleteAt - notice) return null;
    return { do: 'warn', deleteOn: new Date(Math.max(deleteAt, now.getTime() + notice)) };
  }
  const due = Math.max(deleteAt, (account.idleWarnedAt as Date).getTime() + notice);
  return now.getTime() >= due ? { do: 'delete' } : null;
}

/** Accounts last active before this instant may be due a step (a bound for the query; idleStep decides). */
export function idleCandidatesBefore(now: Date, settings: IdleSettings): Date {
  // One day of margin for months of different lengths.
  return new Date(addMonthsUtc(now, -settings.months).getTime() + (settings.warningDays + 1) * DAY_MS);
}
