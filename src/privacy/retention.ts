/**
 * PV-MIN-1: data that serves none of the shop's purposes is removed. One job, run every hour, deletes what each
 * feature no longer needs; each feature owns the query for its own tables, this module owns the periods.
 */
import { deleteEndedCustomerSessions } from '../accounts/customers/account-records.ts';
import { deleteEndedStaffSessions } from '../accounts/staff.service.ts';
import { deleteExpiredEvidence, runEvidencePurges } from '../aftersales/evidence/purge-evidence.ts';
import type { AppContext } from '../context.ts';
import { deleteOldJobRuns } from '../jobs/job-runs.ts';
import type { JobDefinition } from '../jobs/runner.ts';
import { deleteEphemeralMail, deleteOldMail } from '../messaging/outbox.service.ts';
import { deleteStaleCarts } from '../orders/cart.service.ts';
import { deleteExpiredIdempotencyKeys } from '../orders/idempotency.ts';
import { DAY_MS, HOUR_MS } from '../shared/time.ts';
import { handleIdleAccounts, type IdleReport } from './idle-accounts.ts';
import { deleteOldStaffAccessLog } from './staff-access/purge-old-log.ts';

export interface RetentionPeriods {
  /** Staff sessions are kept this long after they expire or are signed out (to follow up a sign-in). */
  staffSessionDays: number;
  /** Sent or failed emails are kept this long (a customer asking "did you write to me?"). */
  mailDays: number;
}

export const defaultRetentionPeriods: Readonly<RetentionPeriods> = Object.freeze({
  staffSessionDays: 30,
  mailDays: 90,
});

/** How many rows each rule removed; the job's log line. */
export interface RetentionReport {
  clause: 'PV-MIN-1';
  /** Stored checkout answers older than IDEMPOTENCY_TTL_HOURS (a retry after that is a new request). */
  idempotencyKeys: number;
  /** Carts untouched for CART_DAYS, as long as their cookie lives. */
  carts: number;
  staffSessions: number;
  /** Customer sessions and emailed account links that ended (kept as long as staff sessions). */
  customerSessions: number;
  mail: number;
  /** PV-COL-2: email-a-friend messages past EMAIL_A_FRIEND_KEEP_HOURS, sent or not. */
  friendMail: number;
  /** The back office's job log, kept as long as sent mail. */
  jobRuns: number;
  /** Evidence files of cases finished EVIDENCE_RETENTION_DAYS ago, rows and stored files. */
  evidenceFiles: number;
  /** Evidence folders removed from storage after an earlier commit (a deleted account's, a retry). */
  evidenceFolders: number;
  /** PV-STF-1: audit-log rows of staff reads older than STAFF_ACCESS_LOG_KEEP_DAYS. */
  staffAccessLog: number;
  /** PV-ACC-3: idle accounts warned, deleted, and due but waiting for an order or case to finish. */
  idleAccounts: IdleReport;
}

export async function runRetention(
  ctx: Pick<AppContext, 'db' | 'clock' | 'config' | 'secret'>,
  periods: RetentionPeriods = defaultRetentionPeriods,
): Promise<RetentionReport> {
  const now = ctx.clock.now();
  const ago = (days: number) => new Date(now.getTime() - days * DAY_MS);
  return {
    clause: 'PV-MIN-1',
    idempotencyKeys: await deleteExpiredIdempotencyKeys(ctx.db, now),
    carts: await deleteStaleCarts(ctx.db, now),
    staffSessions: await deleteEndedStaffSessions(ctx.db, ago(periods.staffSessionDays)),
    customerSessions: await deleteEndedCustomerSessions(ctx.db, ago(periods.staffSessionDays)),
    mail: await deleteOldMail(ctx.db, ago(periods.mailDays)),
    friendMail: await deleteEphemeralMail(
      ctx.db,
      new Date(now.getTime() - ctx.config.EMAIL_A_FRIEND_KEEP_HOURS * HOUR_MS),
    ),
    jobRuns: await deleteOldJobRuns(ctx, ago(periods.mailDays)),
    staffAccessLog: await deleteOldStaffAccessLog(ctx.db, ago(ctx.config.STAFF_ACCESS_LOG_KEEP_DAYS)),
    idleAccounts: await handleIdleAccounts(ctx),
    evidenceFiles: await deleteExpiredEvidence(ctx, ago(ctx.config.EVIDENCE_RETENTION_DAYS)),
    evidenceFolders: await runEvidencePurges(ctx),
  };
}

export const retentionJob: JobDefinition = {
  name: 'privacy.retention',
  cron: '17 * * * *',
  run: (ctx) => runRetention(ctx),
};
