/**
 * The scheduled follow-up of cases waiting on the customer (issue 10 point 7): a reminder email every
 * CASE_REMINDER_DAYS, and a case still waiting for evidence or the parcel CASE_ABANDON_DAYS after the request is
 * withdrawn by the shop, with an email saying so. Each case is handled in its own transaction, its row locked and
 * its state checked again, so a customer answering at that moment wins and nothing is sent twice.
 */
import { and, eq, inArray, lte, sql } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import type { JobDefinition } from '../../jobs/runner.ts';
import { formatDate } from '../../shared/format.ts';
import { uuidv7 } from '../../shared/ids.ts';
import { DAY_MS } from '../../shared/time.ts';
import { afterSalesCaseEvents, afterSalesCases } from '../schema.ts';
import { moveCase } from './case-action.service.ts';
import { missingEvidence } from './case-evidence.rules.ts';
import { type FollowUpSettings, followUpOf, waitingOnCustomer } from './case-follow-up.rules.ts';
import type { CaseState } from './case-lifecycle.ts';
import { enqueueCaseStepEmail, uploadedEvidenceKinds } from './case-step-emails.ts';

/** The timeline's action for a reminder: the case stays where it is. */
export const REMIND_ACTION = 'remind';

/** How many cases one run looks at; the next run (an hour later) takes the rest. */
const BATCH = 500;

export interface FollowUpReport {
  reminded: number;
  abandoned: number;
}

/** One run: every case waiting on the customer long enough for a reminder is looked at, oldest first. */
export async function followUpCases(
  ctx: Pick<AppContext, 'db' | 'clock' | 'config' | 'secret'>,
  settings: FollowUpSettings = {
    reminderDays: ctx.config.CASE_REMINDER_DAYS,
    abandonDays: ctx.config.CASE_ABANDON_DAYS,
  },
): Promise<FollowUpReport> {
  const now = ctx.clock.now();
  const waiting = Object.keys(waitingOnCustomer) as CaseState[];
  const e = afterSalesCaseEvents;
  // Spelled out: drizzle leaves a one-table query's columns unqualified, and inside the subquery an unqualified
  // "id" would be the event's.
  const caseId = sql.raw('"after_sales_cases"."id"');
  // `stateSince` is when the request the customer has not answered was made (it moves with the state only,
  // never with an assignment or a reminder): a case in its state for less than the reminder period needs
  // nothing, so the state index and this bound keep the scan to the cases that may be due.
  const candidates = await ctx.db
    .select({
      id: afterSalesCases.id,
      state: afterSalesCases.state,
      since: afterSalesCases.stateSince,
      assessment: afterSalesCases.assessment,
      lastRemindedAt:
        sql<Date | null>`(select max(${e.at}) from ${e} where ${e.caseId} = ${caseId} and ${e.action} = ${REMIND_ACTION})`.mapWith(
          afterSalesCases.stateSince,
        ),
    })
    .from(afterSalesCases)
    .where(
      and(
        inArray(afterSalesCases.state, waiting),
        lte(afterSalesCases.stateSince, new Date(now.getTime() - settings.reminderDays * DAY_MS)),
      ),
    )
    .orderBy(afterSalesCases.stateSince)
    .limit(BATCH);

  const report: FollowUpReport = { reminded: 0, abandoned: 0 };
  for (const c of candidates) {
    const since = c.since;
    const evidenceComplete =
      c.state === 'awaiting_evidence' &&
      missingEvidence(c.assessment.evidence, await uploadedEvidenceKinds(ctx.db, c.id)).length === 0;
    const action = followUpOf(
      { state: c.state, since, lastRemindedAt: c.lastRemindedAt, evidenceComplete },
      now,
      settings,
    );
    if (!action) continue;
    const done = await ctx.db.transaction(async (tx) => {
      const [row] = await tx
        .select({ state: afterSalesCases.state })
        .from(afterSalesCases)
        .where(eq(afterSalesCases.id, c.id))
        .for('update');
      if (row?.state !== c.state) return false; // the customer (or staff) moved it meanwhile
      if (action.do === 'abandon') {
        await moveCase(
          tx,
          eq(afterSalesCases.id, c.id),
          {
            action: 'withdraw',
            note: `No answer from the customer for ${settings.abandonDays} days; closed by the shop.`,
          },
          { type: 'system', id: null, name: null },
          now,
          ctx.config.CASE_RESPONSE_DAYS,
        );
        await enqueueCaseStepEmail(tx, ctx, c.id, 'abandoned', now, {
          abandonAfterDays: settings.abandonDays,
        });
        return true;
      }
      await tx.insert(afterSalesCaseEvents).values({
        id: uuidv7(now.getTime()),
        caseId: c.id,
        at: now,
        actorType: 'system',
        action: REMIND_ACTION,
        fromState: c.state,
        toState: c.state,
        note: 'Reminder sent to the customer.',
      });
      await enqueueCaseStepEmail(tx, ctx, c.id, action.email, now, { since: formatDate(since) });
      return true;
    });
    if (done) report[action.do === 'abandon' ? 'abandoned' : 'reminded'] += 1;
  }
  return report;
}

export const caseFollowUpJob: JobDefinition = {
  name: 'aftersales.follow-up',
  cron: '41 * * * *',
  run: (ctx) => followUpCases(ctx),
};
