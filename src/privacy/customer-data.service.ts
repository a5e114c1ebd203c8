/**
 * The customer's rights over their data (PV-RGT-1): download it all, and delete the account (PV-ACC-4), and
 * the deletion of idle accounts (PV-ACC-3) through the same code. What each feature holds is read and removed
 * by its own entry of `customerDataRegistry`.
 */
import { asc, eq, inArray, or, sql } from 'drizzle-orm';
import {
  type CustomerPrincipal,
  NO_META,
  queueAccountMail,
  type RequestMeta,
} from '../accounts/customers/account-records.ts';
import { normalisePassword } from '../accounts/customers/password.rules.ts';
import { customers } from '../accounts/customers/schema.ts';
import { failedAttempt } from '../accounts/customers/sign-in.service.ts';
import { verifyPassword } from '../accounts/passwords.ts';
import { moveCase } from '../aftersales/cases/case-action.service.ts';
import type { CaseState } from '../aftersales/cases/case-lifecycle.ts';
import { runEvidencePurges } from '../aftersales/evidence/purge-evidence.ts';
import { afterSalesCases } from '../aftersales/schema.ts';
import type { AppContext } from '../context.ts';
import type { Db } from '../db/client.ts';
import { orders } from '../orders/schema.ts';
import { AppError, ValidationError } from '../shared/errors.ts';
import { customerDataRegistry } from './customer-data.registry.ts';
import type { DataSubject } from './data-subject.ts';
import { type DeletionImpact, deletionImpact } from './deletion.rules.ts';

type Ctx = Pick<AppContext, 'db' | 'clock' | 'config' | 'secret'>;

/** The customer's orders and cases: the ones joined to the account and the guest ones of its address. */
async function subjectOf(db: Db, customerId: string, email: string): Promise<DataSubject> {
  const orderRows = await db
    .select({ id: orders.id })
    .from(orders)
    .where(or(eq(orders.customerId, customerId), sql`lower(trim(${orders.email})) = ${email}`))
    .orderBy(asc(orders.placedAt));
  const orderIds = orderRows.map((o) => o.id);
  const caseRows =
    orderIds.length === 0
      ? []
      : await db
          .select({ id: afterSalesCases.id })
          .from(afterSalesCases)
          .where(inArray(afterSalesCases.orderId, orderIds));
  return { customerId, email, orderIds, caseIds: caseRows.map((c) => c.id) };
}

/**
 * PV-RGT-1: everything the shop holds about the signed-in customer, one part per registry entry
 * (`{ exportedAt, profile, orders, cases, questions, emails, sessions, securityEvents, … }`). Evidence is listed
 * (name, kind, size, date), never its bytes.
 */
export async function exportCustomerData(
  ctx: Pick<AppContext, 'db' | 'clock'>,
  principal: Pick<CustomerPrincipal, 'id' | 'email'>,
): Promise<Record<string, unknown>> {
  const subject = await subjectOf(ctx.db, principal.id, principal.email);
  const file: Record<string, unknown> = { exportedAt: ctx.clock.now().toISOString() };
  for (const entry of customerDataRegistry) file[entry.key] = await entry.export(ctx.db, subject);
  return file;
}

async function impactOf(db: Db, subject: DataSubject): Promise<DeletionImpact> {
  const orderRows =
    subject.orderIds.length === 0
      ? []
      : await db
          .select({ reference: orders.reference, status: orders.status })
          .from(orders)
          .where(inArray(orders.id, subject.orderIds))
          .orderBy(asc(orders.placedAt));
  const caseRows =
    subject.caseIds.length === 0
      ? []
      : await db
          .select({ reference: afterSalesCases.reference, state: afterSalesCases.state })
          .from(afterSalesCases)
          .where(inArray(afterSalesCases.id, subject.caseIds))
          .orderBy(asc(afterSalesCases.openedAt));
  return deletionImpact(orderRows, caseRows as Array<{ reference: string; state: CaseState }>);
}

/** PV-RGT-1: what deleting the account would stop, and what must finish first (shown before the password). */
export async function deletionPreview(
  ctx: Pick<AppContext, 'db'>,
  principal: Pick<CustomerPrincipal, 'id' | 'email'>,
): Promise<DeletionImpact> {
  return impactOf(ctx.db, await subjectOf(ctx.db, principal.id, principal.email));
}

/** The note on the timeline of a case withdrawn because its customer's account was deleted. */
export const WITHDRAWN_BY_DELETION = 'Withdrawn: the customer deleted their account.';
const WITHDRAWN_IDLE = 'Withdrawn: the customer’s account was deleted after a long time unused.';

export interface ErasureReport {
  /** False when something must finish first (the blockers); nothing changed then. */
  deleted: boolean;
  blockers: DeletionImpact['blockers'];
  /** Rows removed or anonymised, per registry entry. */
  rows: Record<string, number>;
}

/**
 * PV-ACC-4: removes the customer's personal data in ONE transaction, the account row locked: open cases the
 * customer could withdraw are withdrawn (the reason on their timeline), then every registry entry removes or
 * anonymises its part, then the confirmation email is queued to the address. The evidence files go after the
 * commit (a failure there is retried by the retention job). Nothing changes when a blocker remains, or when
 * the account is gone already.
 */
export async function eraseAccount(
  ctx: Ctx,
  customerId: string,
  why: 'customer' | 'idle',
  /** The idle deletion checks again, under the lock, that the account is still idle and was warned. */
  stillDue?: (row: typeof customers.$inferSelect) => boolean,
): Promise<ErasureReport> {
  const now = ctx.clock.now();
  const report = await ctx.db.transaction(async (tx): Promise<ErasureReport> => {
    const [row] = await tx.select().from(customers).where(eq(customers.id, customerId)).for('update');
    if (!row || (stillDue && !stillDue(row))) return { deleted: false, blockers: [], rows: {} };
    const subject = await subjectOf(tx, row.id, row.email);
    const impact = await impactOf(tx, subject);
    if (impact.blockers.length > 0) return { deleted: false, blockers: impact.blockers, rows: {} };
    const withdrawable = impact.stops.filter((s) => s.kind === 'case').map((s) => s.reference);
    for (const reference of withdrawable) {
      await moveCase(
        tx,
        eq(afterSalesCases.reference, reference),
        { action: 'withdraw', note: why === 'idle' ? WITHDRAWN_IDLE : WITHDRAWN_BY_DELETION },
        { type: 'system', id: null, name: null },
        now,
        ctx.config.CASE_RESPONSE_DAYS,
      );
    }
    const rows: Record<string, number> = {};
    for (const entry of customerDataRegistry) rows[entry.key] = await entry.erase(tx, subject, now);
    await queueAccountMail(tx, ctx, now, row.email, { kind: 'account_deleted', idle: why === 'idle' });
    return { deleted: true, blockers: [], rows };
  });
  if (report.deleted) await runEvidencePurges(ctx).catch(() => 0);
  return report;
}

/**
 * PV-RGT-1, PV-ACC-4: the signed-in customer deletes their account with their password. Errors: 400 on
 * `password` when it is wrong — it counts toward the PV-ACC-2 lockout like a wrong sign-in (a stolen session
 * must not be able to guess its way to deleting the account; the lockout ends the sessions); 409 on `account`
 * naming what must finish first (`details.blockers`).
 */
export async function deleteOwnAccount(
  ctx: Ctx,
  principal: CustomerPrincipal,
  password: string,
  meta: RequestMeta = NO_META,
): Promise<ErasureReport> {
  const [row] = await ctx.db
    .select({ passwordHash: customers.passwordHash })
    .from(customers)
    .where(eq(customers.id, principal.id));
  if (!row) throw new AppError('unauthenticated', 'Sign in to your account to continue');
  if (!(await verifyPassword(row.passwordHash, normalisePassword(password)))) {
    await failedAttempt(ctx, principal.id, ctx.clock.now(), meta);
    throw new ValidationError([{ field: 'password', message: 'The password is not correct' }]);
  }
  const report = await eraseAccount(ctx, principal.id, 'customer');
  if (!report.deleted && report.blockers.length > 0) {
    throw new AppError(
      'conflict',
      `Your account cannot be deleted yet: ${report.blockers.map((b) => `${b.reference} (${b.effect})`).join('; ')}`,
      { field: 'account', blockers: report.blockers },
    );
  }
  return report;
}
