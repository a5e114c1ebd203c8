/**
 * Deadlines at a glance (issue 11 point 5), the database side: the next deadline of a case as SQL (for the
 * queue's filters, the dashboard and the digest), built from the same table as the pure rule
 * (case-deadlines.rules.ts); the counts of overdue and near deadlines; the dashboard's overview.
 */
import { and, asc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { staffUsers } from '../../accounts/schema.ts';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { orders } from '../../orders/schema.ts';
import { caseHoldersSql, visibleSql } from '../../privacy/staff-access/visibility.sql.ts';
import type { StaffWho } from '../../privacy/staff-access/visibility.ts';
import { afterSalesEvidence } from '../evidence/evidence.schema.ts';
import { afterSalesCases } from '../schema.ts';
import {
  type CaseDeadline,
  customerSteps,
  type DeadlineCounts,
  type DeadlineOwner,
  type DeadlineSettings,
  deadlineWords,
  nextDeadline,
  shopSteps,
} from './case-deadlines.rules.ts';
import type { CaseState } from './case-lifecycle.ts';

type Ctx = Pick<AppContext, 'db' | 'clock' | 'config'>;

const DAY_MS = 86_400_000;
const instant = (d: Date) => sql`${d.toISOString()}::timestamptz`;

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

/**
 * `nextDeadlineAtSql(days) <= bound` (or `<` when `strict`), written so that indexes serve it: the shop's
 * deadlines through the deadline index (`coalesce(due_at, 'infinity')`, finite only while the case waits on
 * staff), the customer's through the state index, each state's `state_since` bounded by its setting. Never null
 * (so `not` of it is the complement). `bound` and `days` give SQL: bound values, or a prepared statement's
 * placeholders (the staff queue).
 */
export function deadlineBeforeSql(
  bound: SQL,
  days: (setting: 'abandonDays' | 'reminderDays') => SQL,
  { strict = false }: { strict?: boolean } = {},
): SQL {
  const op = sql.raw(strict ? '<' : '<=');
  const shop = sql`coalesce(${afterSalesCases.dueAt}, 'infinity'::timestamptz) ${op} ${bound}`;
  const customer = Object.entries(customerSteps).map(([state, rule]) => {
    // The state names come from the rules' own table, never from a request.
    const base = sql`${afterSalesCases.state} = ${sql.raw(`'${state}'`)} and ${afterSalesCases.stateSince} ${op} ${bound} - ${days(rule.after)} * interval '1 day'`;
    return state === 'awaiting_evidence' ? sql`(${base} and not ${evidenceCompleteSql})` : sql`(${base})`;
  });
  return sql`(${shop} or ${sql.join(customer, sql` or `)})`;
}

/** `deadlineBeforeSql` with bound values: the deadlines up to `until`, both sides. */
export function deadlineByUntilSql(until: Date, settings: DeadlineSettings): SQL {
  return deadlineBeforeSql(instant(until), (s) => sql`${settings[s]}::int`);
}

/** One case with its deadline, as the dashboard and the digest list them. */
export interface DeadlineCase {
  id: string;
  reference: string;
  state: CaseState;
  deadline: CaseDeadline;
  assignee: { id: string; name: string } | null;
}

/**
 * How many deadlines of each side are overdue or near at `now`, counted by the database (a shop that fell far
 * behind has thousands: they are counted, not read). The conditions are `deadlineMark`'s, written in SQL on
 * `nextDeadlineAtSql`: overdue before `now`; near from `now` to `nearDays` ahead, both ends included; the side
 * is the customer's in the states of `customerSteps`, else the shop's. `visible` (`visibleSql` on `caseHoldersSql`) keeps
 * only the cases a member's queue lists (PV-STF-1); without it every case counts (the owner's digest).
 */
export async function countDeadlines(
  db: Db,
  now: Date,
  settings: DeadlineSettings,
  visible?: SQL,
): Promise<DeadlineCounts> {
  const at = nextDeadlineAtSql((s) => sql`${settings[s]}::int`);
  const customer = inArray(afterSalesCases.state, customerDeadlineStates);
  const count = (side: SQL, mark: SQL) =>
    sql<number>`count(*) filter (where ${side} and ${mark})`.mapWith(Number);
  const overdue = sql`${at} < ${instant(now)}`;
  const near = sql`${at} >= ${instant(now)}`;
  const [row] = await db
    .select({
      shopOverdue: count(sql`not ${customer}`, overdue),
      shopNear: count(sql`not ${customer}`, near),
      customerOverdue: count(customer, overdue),
      customerNear: count(customer, near),
    })
    .from(afterSalesCases)
    .innerJoin(orders, eq(orders.id, afterSalesCases.orderId))
    .where(and(deadlineByUntilSql(new Date(now.getTime() + settings.nearDays * DAY_MS), settings), visible));
  return {
    shop: { overdue: row?.shopOverdue ?? 0, near: row?.shopNear ?? 0 },
    customer: { overdue: row?.customerOverdue ?? 0, near: row?.customerNear ?? 0 },
  };
}

/**
 * The `limit` cases whose next deadline is soonest, up to `until` (overdue ones first), of one side or both,
 * each marked by the rule (`nextDeadline`); `visible` as for `countDeadlines`.
 */
export async function casesByDeadline(
  db: Db,
  now: Date,
  settings: DeadlineSettings,
  { until, whose, limit, visible }: { until: Date; whose?: DeadlineOwner; limit: number; visible?: SQL },
): Promise<DeadlineCase[]> {
  const at = nextDeadlineAtSql((s) => sql`${settings[s]}::int`);
  const side =
    whose === undefined
      ? undefined
      : whose === 'customer'
        ? inArray(afterSalesCases.state, customerDeadlineStates)
        : inArray(afterSalesCases.state, shopDeadlineStates);
  const rows = await db
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
    .innerJoin(orders, eq(orders.id, afterSalesCases.orderId))
    .leftJoin(staffUsers, eq(staffUsers.id, afterSalesCases.assignedTo))
    .where(and(side, deadlineByUntilSql(until, settings), visible))
    .orderBy(asc(at), asc(afterSalesCases.id))
    .limit(limit);
  return rows.flatMap((r) => {
    const deadline = nextDeadline(r, now, settings);
    if (!deadline) return [];
    const assignee = r.assigneeId && r.assigneeName ? { id: r.assigneeId, name: r.assigneeName } : null;
    return [{ id: r.id, reference: r.reference, state: r.state, deadline, assignee }];
  });
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
 * overdue or near (CASE_DUE_SOON_DAYS), and the first `limit` cases by deadline, marked as the queue marks them.
 * PV-STF-1: counts and cases are those of `staff`'s queue (customer service: not another member's cases).
 */
export async function deadlinesOverview(
  ctx: Ctx,
  staff: Pick<StaffWho, 'id' | 'role'>,
  limit = 5,
): Promise<DeadlinesOverview> {
  const now = ctx.clock.now();
  const visible = visibleSql({ id: staff.id, role: staff.role, grants: [] }, caseHoldersSql);
  const settings = deadlineSettingsOf(ctx.config);
  const until = new Date(now.getTime() + settings.nearDays * DAY_MS);
  return {
    nearDays: settings.nearDays,
    counts: await countDeadlines(ctx.db, now, settings, visible),
    cases: await casesByDeadline(ctx.db, now, settings, { until, limit, visible }),
  };
}

/** A deadline on the wire: ISO 8601 instant, and the words the screens show. */
export function deadlineView(d: CaseDeadline) {
  return { whose: d.whose, step: d.step, at: d.at.toISOString(), mark: d.mark, text: deadlineWords(d) };
}
