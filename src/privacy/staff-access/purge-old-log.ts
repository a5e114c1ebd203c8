/**
 * PV-STF-1, PV-MIN-1: the audit log of staff reads is kept STAFF_ACCESS_LOG_KEEP_DAYS (730 by default), then
 * deleted by the retention job. The table refuses every UPDATE, DELETE and TRUNCATE (migrations 0011, 0013),
 * except a DELETE of rows older than the cutoff this function names in a transaction-local setting; the
 * database also refuses a cutoff younger than 365 days, whatever the caller asks.
 */
import { lt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { staffAccessLog } from './schema.ts';

/**
 * Deletes the audit rows written before `before` in one transaction and returns how many went. The setting
 * is local to that transaction (`set_config(…, true)`), so it ends with it and lets nothing else through.
 * Throws the trigger's "append-only" error if `before` is less than 365 days before the database's clock
 * and an older row exists.
 */
export async function deleteOldStaffAccessLog(db: Db, before: Date): Promise<number> {
  return db.transaction(async (tx) => {
    await tx.execute(
      sql`select set_config('aftercare.staff_access_log_purge_before', ${before.toISOString()}, true)`,
    );
    const gone = await tx
      .delete(staffAccessLog)
      .where(lt(staffAccessLog.at, before))
      .returning({ id: staffAccessLog.id });
    return gone.length;
  });
}
