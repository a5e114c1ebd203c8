/**
 * PV-ACC-3 on the retention job: idle customer accounts are warned once, then deleted as a customer's own
 * deletion does (PV-ACC-4, `eraseAccount`). Each account is handled in its own transaction with its row locked
 * and its step judged again there, so a sign-in at that moment wins.
 */
import { asc, eq, lte } from 'drizzle-orm';
import { queueAccountMail } from '../accounts/customers/account-records.ts';
import { customers } from '../accounts/customers/schema.ts';
import type { AppContext } from '../context.ts';
import { eraseAccount } from './customer-data.service.ts';
import { type IdleSettings, idleCandidatesBefore, idleStep } from './idle-accounts.rules.ts';

/** How many accounts one run looks at; the next run (an hour later) takes the rest. */
const BATCH = 200;

export interface IdleReport {
  warned: number;
  deleted: number;
  /** Due for deletion but an order or case is still in progress (deletion.rules.ts): tried again next run. */
  postponed: number;
}

export function idleSettings(config: AppContext['config']): IdleSettings {
  return { months: config.CUSTOMER_IDLE_MONTHS, warningDays: config.CUSTOMER_IDLE_WARNING_DAYS };
}

export async function handleIdleAccounts(
  ctx: Pick<AppContext, 'db' | 'clock' | 'config' | 'secret'>,
): Promise<IdleReport> {
  const now = ctx.clock.now();
  const settings = idleSettings(ctx.config);
  const candidates = await ctx.db
    .select({ id: customers.id, lastActiveAt: customers.lastActiveAt, idleWarnedAt: customers.idleWarnedAt })
    .from(customers)
    .where(lte(customers.lastActiveAt, idleCandidatesBefore(now, settings)))
    .orderBy(asc(customers.lastActiveAt))
    .limit(BATCH);
  const report: IdleReport = { warned: 0, deleted: 0, postponed: 0 };
  for (const candidate of candidates) {
    const step = idleStep(candidate, now, settings);
    if (step?.do === 'warn') {
      const warned = await ctx.db.transaction(async (tx) => {
        const [row] = await tx.select().from(customers).where(eq(customers.id, candidate.id)).for('update');
        const again = row ? idleStep(row, now, settings) : null;
        if (!row || again?.do !== 'warn') return false;
        await tx.update(customers).set({ idleWarnedAt: now }).where(eq(customers.id, row.id));
        await queueAccountMail(tx, ctx, now, row.email, {
          kind: 'idle_warning',
          deleteOn: again.deleteOn,
          idleMonths: settings.months,
        });
        return true;
      });
      if (warned) report.warned += 1;
    } else if (step?.do === 'delete') {
      const erased = await eraseAccount(
        ctx,
        candidate.id,
        'idle',
        (row) => idleStep(row, now, settings)?.do === 'delete',
      );
      if (erased.deleted) report.deleted += 1;
      else if (erased.blockers.length > 0) report.postponed += 1;
    }
  }
  return report;
}
