/**
 * Writing the audit log of staff reads of personal data (PV-STF-1). Every service that shows a member a
 * customer's personal data, refuses to, or writes it to a file calls `recordStaffAccess` with one entry per
 * record. `db` may be a transaction (the read and its log row commit together); a refusal is recorded with
 * `ctx.db` outside the failing transaction, so the refusal's row survives the error it causes.
 */
import type { StaffPrincipal } from '../../accounts/staff.service.ts';
import type { Db } from '../../db/client.ts';
import { uuidv7 } from '../../shared/ids.ts';
import { type AccessOutcome, type AccessRecordType, staffAccessLog } from './schema.ts';

export interface StaffAccessEntry {
  outcome: AccessOutcome;
  recordType: AccessRecordType;
  /** The record's id or reference; null for many records at once. */
  recordId: string | null;
  /** Whose data; null when unknown (a guessed id) or many customers'. */
  customerId: string | null;
  /** The personal fields shown or asked for. */
  fields: readonly string[];
  /** A maintenance grant's reason, an export's purpose. */
  purpose?: string | null;
  grantId?: string | null;
}

/**
 * Appends one audit row per entry for `staff` at `at` (one INSERT for all of them). Entries with no fields
 * (a list that showed only masked data) are skipped: masked data is no read of personal data.
 */
export async function recordStaffAccess(
  db: Db,
  staff: Pick<StaffPrincipal, 'id' | 'name' | 'role'>,
  at: Date,
  entries: readonly StaffAccessEntry[],
): Promise<void> {
  const rows = entries
    .filter((e) => e.fields.length > 0 || e.outcome !== 'read')
    .map((e) => ({
      id: uuidv7(at.getTime()),
      at,
      staffId: staff.id,
      staffName: staff.name,
      staffRole: staff.role,
      outcome: e.outcome,
      recordType: e.recordType,
      recordId: e.recordId?.slice(0, 100) ?? null,
      customerId: e.customerId,
      fields: [...e.fields],
      purpose: e.purpose ?? null,
      grantId: e.grantId ?? null,
    }));
  if (rows.length === 0) return;
  await db.insert(staffAccessLog).values(rows);
}
