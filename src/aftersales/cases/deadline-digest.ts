/**
 * The owners' daily digest of overdue after-sales steps (issue 11 point 5): once a day (CASE_DIGEST_HOUR_UTC),
 * every active owner gets one email listing the shop-side steps past their deadline and how many customer
 * deadlines have passed, with the same rule as the queue and the dashboard (case-deadlines.rules.ts). Nothing
 * is sent when nothing is overdue.
 *
 * Never twice a day: pg-boss runs the queue as a singleton, and each owner's email is written in a transaction
 * that first locks the owner's row and looks in the outbox for that day's digest to the same address, so a
 * second run the same day (a retry, a run by hand, another process) finds it and sends nothing.
 */
import { and, asc, eq, gte, isNull, lt, sql } from 'drizzle-orm';
import { staffUsers } from '../../accounts/schema.ts';
import type { AppContext } from '../../context.ts';
import type { JobDefinition } from '../../jobs/runner.ts';
import { enqueueMail } from '../../messaging/outbox.ts';
import { mailOutbox } from '../../messaging/schema.ts';
import {
  DEADLINE_DIGEST_TEMPLATE,
  type DigestStep,
  renderDeadlineDigest,
} from '../../messaging/templates/deadline-digest.ts';
import { getShopSettings } from '../../settings/shop.ts';
import { DAY_MS } from '../../shared/time.ts';
import { caseStateLabel } from '../case-words.ts';
import { afterSalesCases } from '../schema.ts';
import { nextDeadline } from './case-deadlines.rules.ts';
import { deadlineSettingsOf, evidenceCompleteSql, nextDeadlineAtSql } from './case-deadlines.service.ts';
import { adminCaseUrl, overdueQueueUrl } from './case-link.ts';

/** The most steps one email lists; the rest are counted and the queue link shows them all. */
const LISTED = 100;

export interface DeadlineDigestReport {
  /** Shop-side steps past their deadline. */
  overdueShopSteps: number;
  /** Customer deadlines passed. */
  customerDeadlinesPassed: number;
  /** Owners emailed by this run. */
  emailed: number;
  /** Owners who already had today's digest. */
  alreadySent: number;
}

/** One run at the clock's now: returns counts only (the runner logs them; no reference, name or address). */
export async function sendDeadlineDigest(
  ctx: Pick<AppContext, 'db' | 'clock' | 'config'>,
): Promise<DeadlineDigestReport> {
  const now = ctx.clock.now();
  const settings = deadlineSettingsOf(ctx.config);
  const at = nextDeadlineAtSql((s) => sql`${settings[s]}::int`);
  // The database narrows the read to deadlines already passed; the rule decides, as on the screens.
  const rows = await ctx.db
    .select({
      id: afterSalesCases.id,
      reference: afterSalesCases.reference,
      state: afterSalesCases.state,
      stateSince: afterSalesCases.stateSince,
      dueAt: afterSalesCases.dueAt,
      evidenceComplete: evidenceCompleteSql,
      assigneeName: staffUsers.name,
    })
    .from(afterSalesCases)
    .leftJoin(staffUsers, eq(staffUsers.id, afterSalesCases.assignedTo))
    .where(sql`${at} < ${now.toISOString()}::timestamptz`)
    .orderBy(asc(at), asc(afterSalesCases.id));

  const steps: DigestStep[] = [];
  let customerDeadlinesPassed = 0;
  for (const r of rows) {
    const d = nextDeadline(r, now, settings);
    if (d?.mark !== 'overdue') continue;
    if (d.whose === 'customer') {
      customerDeadlinesPassed += 1;
      continue;
    }
    steps.push({
      reference: r.reference,
      state: caseStateLabel[r.state],
      overdueSince: d.at,
      assigneeName: r.assigneeName,
      url: adminCaseUrl(ctx.config.PUBLIC_URL, r.id),
    });
  }
  const report: DeadlineDigestReport = {
    overdueShopSteps: steps.length,
    customerDeadlinesPassed,
    emailed: 0,
    alreadySent: 0,
  };
  if (steps.length === 0 && customerDeadlinesPassed === 0) return report;

  const dayStart = new Date(Math.floor(now.getTime() / DAY_MS) * DAY_MS);
  const dayEnd = new Date(dayStart.getTime() + DAY_MS);
  const owners = await ctx.db
    .select({ id: staffUsers.id })
    .from(staffUsers)
    .where(and(eq(staffUsers.role, 'owner'), isNull(staffUsers.disabledAt)))
    .orderBy(asc(staffUsers.id));
  for (const owner of owners) {
    const sent = await ctx.db.transaction(async (tx) => {
      // The owner's row is the lock: two runs at once write one digest per owner and day.
      const [me] = await tx
        .select({ email: staffUsers.email, disabledAt: staffUsers.disabledAt })
        .from(staffUsers)
        .where(eq(staffUsers.id, owner.id))
        .for('update');
      if (!me || me.disabledAt) return null; // disabled meanwhile: no digest, nothing to count
      const [already] = await tx
        .select({ id: mailOutbox.id })
        .from(mailOutbox)
        .where(
          and(
            eq(mailOutbox.template, DEADLINE_DIGEST_TEMPLATE),
            eq(mailOutbox.toAddress, me.email),
            gte(mailOutbox.createdAt, dayStart),
            lt(mailOutbox.createdAt, dayEnd),
          ),
        )
        .limit(1);
      if (already) return 'alreadySent' as const;
      const shop = await getShopSettings(tx);
      await enqueueMail(
        tx,
        {
          template: DEADLINE_DIGEST_TEMPLATE,
          fromName: shop.name,
          to: me.email,
          ...renderDeadlineDigest({
            shopName: shop.name,
            day: dayStart,
            steps: steps.slice(0, LISTED),
            moreSteps: Math.max(0, steps.length - LISTED),
            customerDeadlinesPassed,
            queueUrl: overdueQueueUrl(ctx.config.PUBLIC_URL),
          }),
        },
        now,
      );
      return 'emailed' as const;
    });
    if (sent) report[sent] += 1;
  }
  return report;
}

/** The daily job, at CASE_DIGEST_HOUR_UTC o'clock UTC. */
export function deadlineDigestJob(hourUtc: number): JobDefinition {
  return {
    name: 'after-sales.deadline-digest',
    cron: `0 ${hourUtc} * * *`,
    run: (ctx) => sendDeadlineDigest(ctx),
  };
}
