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
import { and, asc, eq, gte, isNull, lt } from 'drizzle-orm';
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
import { casesByDeadline, countDeadlines, deadlineSettingsOf } from './case-deadlines.service.ts';
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
  // The counts and the list come from the same rule as the queue and the dashboard; overdue is before now.
  const counts = await countDeadlines(ctx.db, now, settings);
  const listed = await casesByDeadline(ctx.db, now, settings, {
    until: new Date(now.getTime() - 1),
    whose: 'shop',
    limit: LISTED,
  });
  const steps: DigestStep[] = listed
    .filter((c) => c.deadline.mark === 'overdue')
    .map((c) => ({
      reference: c.reference,
      state: caseStateLabel[c.state],
      overdueSince: c.deadline.at,
      assigneeName: c.assignee?.name ?? null,
      url: adminCaseUrl(ctx.config.PUBLIC_URL, c.id),
    }));
  const report: DeadlineDigestReport = {
    overdueShopSteps: counts.shop.overdue,
    customerDeadlinesPassed: counts.customer.overdue,
    emailed: 0,
    alreadySent: 0,
  };
  if (counts.shop.overdue === 0 && counts.customer.overdue === 0) return report;

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
            steps,
            moreSteps: Math.max(0, counts.shop.overdue - steps.length),
            customerDeadlinesPassed: counts.customer.overdue,
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
