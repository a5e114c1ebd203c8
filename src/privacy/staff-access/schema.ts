import { index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { customers } from '../../accounts/customers/schema.ts';
import { staffUsers } from '../../accounts/schema.ts';

/**
 * PV-STF-1: the audit log of staff reads of personal data. One row per record read (or refused, or exported),
 * append-only: a trigger in the migration refuses UPDATE, DELETE and TRUNCATE, so not even the application can
 * rewrite what a member looked at. The one exception is the retention job's DELETE of rows older than
 * STAFF_ACCESS_LOG_KEEP_DAYS (purge-old-log.ts, migration 0013). Rows hold identifiers and field names, never the personal data itself, so the log
 * is no second copy of what it guards; the member's name and role are kept as they were at the time, because
 * the log must still read right after a member is renamed or leaves.
 */
export const staffAccessLog = pgTable(
  'staff_access_log',
  {
    id: uuid().primaryKey(),
    at: timestamp({ withTimezone: true }).notNull(),
    /** Who read: no foreign key, so the row outlives nothing and blocks no deletion. */
    staffId: uuid().notNull(),
    staffName: text().notNull(),
    staffRole: text().notNull(),
    /** 'read' (personal data shown), 'refused' (asked for and not shown) or 'export' (written to a file). */
    outcome: text().$type<AccessOutcome>().notNull(),
    /** What was read: 'order', 'case', 'customer', 'evidence', 'business_transfer', 'mail', 'security_event'. */
    recordType: text().$type<AccessRecordType>().notNull(),
    /** The record's id or reference; null for a read of many records at once (an export). */
    recordId: text(),
    /** Whose personal data: null when the record is not one customer's (an export, an unknown id). */
    customerId: uuid(),
    /** The personal fields shown or asked for: ['name', 'email', 'phone', 'address', 'messages', 'evidence', 'notes', 'tracking']. */
    fields: jsonb().$type<string[]>().notNull(),
    /** Why: the maintenance grant's reason, an export's stated purpose; null for a member's own assignment. */
    purpose: text(),
    /** The maintenance grant that allowed the read (technicians). */
    grantId: uuid(),
  },
  (t) => [
    index('staff_access_log_at_idx').on(t.at, t.id),
    index('staff_access_log_staff_idx').on(t.staffId, t.at),
    index('staff_access_log_customer_idx').on(t.customerId, t.at),
  ],
);

export const accessOutcomes = ['read', 'refused', 'export'] as const;
export type AccessOutcome = (typeof accessOutcomes)[number];
/**
 * 'audit_log' and 'maintenance_grant' are the owner's own tools: a member who asks for them and is refused is
 * recorded too, as a refusal with no customer. So is every other role-guarded route: each has a type here.
 */
export const accessRecordTypes = [
  'order',
  'case',
  'customer',
  'evidence',
  'business_transfer',
  'audit_log',
  'maintenance_grant',
  'mail',
  'security_event',
  // Customers' questions about a line (their texts), refused to the workshop.
  'question',
  // A deactivated member's old session cookie, refused (PV-STF-2).
  'staff_session',
  // The other role-guarded back-office tools: a refusal of any of them is recorded (rolesOnlyRecorded).
  // Staff members (the list, invitations, deactivation, second-factor reset: members' names and emails).
  'staff_member',
  // Newsletter campaigns (the owner's; sending one mails every subscriber).
  'newsletter_campaign',
  // The after-sales numbers and their CSV (owner).
  'after_sales_numbers',
  // Refunds and reimbursements on a case (owner and customer service).
  'refund',
  // The shop's settings and after-sales policy versions (owner).
  'shop_settings',
  // The background jobs' run log.
  'job_log',
] as const;
export type AccessRecordType = (typeof accessRecordTypes)[number];

/**
 * PV-STF-1: maintenance access. A technician reaches customers' personal data only through a grant the owner
 * gives: a reason, a scope (one customer, or every customer) and an expiry. Revoking sets `revokedAt`; rows
 * are kept, so the audit log's `grantId` always resolves.
 */
export const maintenanceGrants = pgTable(
  'maintenance_grants',
  {
    id: uuid().primaryKey(),
    staffId: uuid()
      .notNull()
      .references(() => staffUsers.id),
    grantedBy: uuid()
      .notNull()
      .references(() => staffUsers.id),
    reason: text().notNull(),
    /** 'customer': only `customerId`'s records; 'all': every customer's. */
    scope: text().$type<MaintenanceScope>().notNull(),
    customerId: uuid().references(() => customers.id, { onDelete: 'cascade' }),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    revokedAt: timestamp({ withTimezone: true }),
    revokedBy: uuid().references(() => staffUsers.id),
  },
  (t) => [index('maintenance_grants_staff_idx').on(t.staffId, t.expiresAt)],
);

export const maintenanceScopes = ['customer', 'all'] as const;
export type MaintenanceScope = (typeof maintenanceScopes)[number];
