/**
 * Deadlines at a glance (issue 11 point 5), the database side: the next deadline of a case as SQL (for the
 * queue's filters and the dashboard's read), built from the same table as the pure rule
 * (case-deadlines.rules.ts), and the dashboard's overview, whose counts the rule itself makes.
 */
import { and, asc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { staffUsers } from '../../accounts/schema.ts';
import type { AppContext } from '../../context.ts';
import { afterSalesEvidence } from '../evidence/evidence.schema.ts';
import { afterSalesCases } from '../schema.ts';
import {
  type CaseDeadline,
  countDeadlines,
  customerSteps,
  type DeadlineCounts,
  type DeadlineSettings,
  deadlineWords,
  nextDeadline,
  shopSteps,
} from './case-deadlines.rules.ts';
import type { CaseState } from './case-lifecycle.ts';

type Ctx = Pick<AppContext, 'db' | 'clock' | 'config'>;

/** The deadline settings of the process: CASE_ABANDON_DAYS, CASE_REMINDER_DAYS, CASE_DUE_SOON_DAYS. */
export function deadlineSettingsOf(config: AppContext['config']): DeadlineSettings {
  return {
    abandonDays: config.CASE_ABANDON_DAYS,
    reminderDays: config.CASE_REMINDER_DAYS,
    nearDays: config.CASE_DUE_SOON_DAYS,
  };
}

/** The states whose next deadline is the shop's, and the customer's. */
export const shopDeadlineStates = Object.keys(shopSteps) as CaseState[];
export const customerDeadlineStates = Object.keys(customerSteps) as CaseState[];

// Spelled out: inside a subquery an unqualified "id" would be the evidence row's.
const caseId = sql.raw('"after_sales_cases"."id"');

/**
 * Whether a case waiting for evidence has a file of every kind its stored assessment requires, as
 * evidence/checklist.ts decides (false in every other state): the `evidenceComplete` of `nextDeadline`.
 */
export const evidenceCompleteSql = sql<boolean>`(${afterSalesCases.state} = 'awaiting_evidence' and not exists (
  select 1 from jsonb_array_elements(${afterSalesCases.assessment}->'evidence') as r(item)
  where (r.item->>'required')::boolean
    and not exists (
      select 1 from ${afterSalesEvidence}
      where ${afterSalesEvidence.caseId} = ${caseId} and ${afterSalesEvidence.kind}::text = r.item->>'kind')))`;

/**
 * `nextDeadline(...).at` in SQL (timestamptz, null for a finished case or one whose evidence is all in): the
 * customer's states add their setting's days to `state_since`, every other state has `due_at`. `days(setting)`
 * gives the SQL of a setting's value: a bound number, or a prepared statement's placeholder.
 */
export function nextDeadlineAtSql(days: (setting: 'abandonDays' | 'reminderDays') => SQL): SQL {
  const whens = Object.entries(customerSteps).map(
    // The state names come from the rules' own table, never from a request.
    ([state, rule]) =>
      sql`when ${sql.raw(`'${state}'`)} then ${afterSalesCases.stateSince} + ${days(rule.after)} * interval '1 day'`,
  );
  return sql`(case when ${evidenceCompleteSql} then null else (case ${afterSalesCases.state} ${sql.join(whens, sql` `)} else ${afterSalesCases.dueAt} end) end)`;
}

/** One case of the dashboard's Deadlines panel. */
export interface DeadlineCase {
  id: string;
  reference: string;
  state: CaseState;
  deadline: CaseDeadline;
  assignee: { id: string; name: string } | null;
}

export interface DeadlinesOverview {
  /** CASE_DUE_SOON_DAYS: what "near" means. */
  nearDays: number;
  counts: DeadlineCounts;
  /** The `limit` soonest deadlines, overdue first, shop's and customer's together. */
  cases: DeadlineCase[];
}

/**
 * The dashboard's Deadlines panel (issue 11 point 5): how many shop-side steps and customer deadlines are
 * overdue or near, and the first `limit` cases by deadline. The database only narrows the read to the cases
 * whose deadline is at most CASE_DUE_SOON_DAYS away; the rule (`nextDeadline`) marks and counts them, as the
 * queue and the digest do.
 */
export async function deadlinesOverview(ctx: Ctx, limit = 5): Promise<DeadlinesOverview> {
  const now = ctx.clock.now();
  const settings = deadlineSettingsOf(ctx.config);
  const at = nextDeadlineAtSql((s) => sql`${settings[s]}::int`);
  const horizon = new Date(now.getTime() + settings.nearDays * 86_400_000);
  const rows = await ctx.db
    .select({
      id: afterSalesCases.id,
      reference: afterSalesCases.reference,
      state: afterSalesCases.state,
      stateSince: afterSalesCases.stateSince,
      dueAt: afterSalesCases.dueAt,
      evidenceComplete: evidenceCompleteSql,
      assigneeId: afterSalesCases.assignedTo,
      assigneeName: staffUsers.name,
    })
    .from(afterSalesCases)
    .leftJoin(staffUsers, eq(staffUsers.id, afterSalesCases.assignedTo))
    .where(
      and(
        inArray(afterSalesCases.state, [...shopDeadlineStates, ...customerDeadlineStates]),
        sql`${at} <= ${horizon.toISOString()}::timestamptz`,
      ),
    )
    .orderBy(asc(at), asc(afterSalesCases.id));
  const cases: DeadlineCase[] = [];
  for (const r of rows) {
    const deadline = nextDeadline(r, now, settings);
    if (!deadline?.mark) continue;
    cases.push({
      id: r.id,
      reference: r.reference,
      state: r.state,
      deadline,
      assignee: r.assigneeId && r.assigneeName ? { id: r.assigneeId, name: r.assigneeName } : null,
    });
  }
  return {
    nearDays: settings.nearDays,
    counts: countDeadlines(cases.map((c) => c.deadline)),
    cases: cases.slice(0, limit),
  };
}

/** A deadline on the wire: ISO 8601 instant, and the words the screens show. */
export function deadlineView(d: CaseDeadline) {
  return { whose: d.whose, step: d.step, at: d.at.toISOString(), mark: d.mark, text: deadlineWords(d) };
}
