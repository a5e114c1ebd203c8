/**
 * The owner's privacy tools (PV-STF-1, PV-RGT-2, PV-USE-2): maintenance grants, the audit log browser and the
 * business-transfer export. One schema per payload, shared by the routes, the web client and the tests.
 */
import { z } from 'zod';
import { rangeDaySchema } from '../../shared/http-schemas.ts';
import { text } from '../../shared/text.ts';
import { wholeNumber } from '../../shared/whole-number.ts';
import { parseRecordReference } from './record-reference.rules.ts';
import { accessOutcomes, accessRecordTypes, maintenanceScopes } from './schema.ts';

const staffRole = z.enum(['owner', 'customer_service', 'technician']);
const memberRef = z.object({ id: z.uuid(), name: z.string() });

/**
 * A reason or purpose a person writes: one line, at least a few visible characters, bounded; it goes into the
 * audit log, so no hidden or direction-changing characters (`audited`).
 */
const statedReason = text({ audited: true }).trim().min(3).max(300);

/**
 * POST /api/admin/maintenance-grants. `customer` names whose data a 'customer' grant covers, by the account's
 * email or one of its orders' references (AC-26-00123); it must be absent for 'all'. `hours` runs from now and
 * is capped by MAINTENANCE_ACCESS_MAX_HOURS (a 400 on `hours` above it).
 */
export const grantBody = z
  .strictObject({
    staffId: z.uuid(),
    reason: statedReason,
    scope: z.enum(maintenanceScopes),
    customer: text().trim().min(1).max(254).optional(),
    hours: z.number().int('must be a whole number of hours').min(1).max(10_000),
  })
  .superRefine((body, issue) => {
    if (body.scope === 'customer' && !body.customer) {
      issue.addIssue({
        code: 'custom',
        path: ['customer'],
        message: 'is required for one customer: their email or an order reference',
      });
    }
    if (body.scope === 'all' && body.customer) {
      issue.addIssue({ code: 'custom', path: ['customer'], message: 'must be left out for every customer' });
    }
  });
export type GrantBody = z.output<typeof grantBody>;

export const grantSchema = z.object({
  id: z.uuid(),
  member: memberRef.extend({ role: staffRole }),
  grantedBy: memberRef,
  reason: z.string(),
  scope: z.enum(maintenanceScopes),
  /** The one customer of a 'customer' grant (their account email, as the owner identified them); null for 'all'. */
  customer: z.object({ id: z.uuid(), email: z.string() }).nullable(),
  createdAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
  revokedAt: z.iso.datetime().nullable(),
  revokedBy: memberRef.nullable(),
  /** 'active' until it expires or is revoked. */
  state: z.enum(['active', 'expired', 'revoked']),
});
export type GrantView = z.infer<typeof grantSchema>;

export const grantListResponse = z.object({
  items: z.array(grantSchema),
  /** MAINTENANCE_ACCESS_MAX_HOURS: the longest access the form may ask for. */
  maxHours: z.number().int(),
});
export const grantIdParams = z.strictObject({ id: z.uuid() });

/** A technician's own grants in force: what their pages say ("You have maintenance access until …"). */
export const ownGrantSchema = z.object({
  id: z.uuid(),
  reason: z.string(),
  scope: z.enum(maintenanceScopes),
  customer: z.object({ id: z.uuid(), email: z.string() }).nullable(),
  expiresAt: z.iso.datetime(),
});
export type OwnGrantView = z.infer<typeof ownGrantSchema>;

/**
 * GET /api/admin/audit-log: newest first in cursor pages. `customer` is an account's email or id (resolved on
 * the server; an unknown one is a 404 on `customer`); `from`/`to` are UTC days, both included.
 * `record` asks "who read this record": an order reference, a case number, a customer's email (a guest's too)
 * or a record id; `recordType` then names the record's type (its shape says it when left out) and the rows
 * about it are listed: an order's, a case's with its evidence files', every row about a customer's data. A
 * reference that fits no record type is a 400 on `record`; one that names no record is an empty page with a
 * `note`.
 */
export const auditLogQuery = z
  .strictObject({
    member: z.uuid().optional(),
    outcome: z.enum(accessOutcomes).optional(),
    recordType: z.enum(accessRecordTypes).optional(),
    customer: text().trim().min(1).max(254).optional(),
    record: text().trim().min(1).max(254).optional(),
    from: rangeDaySchema.optional(),
    to: rangeDaySchema.optional(),
    cursor: text().max(200).optional(),
    limit: wholeNumber({ min: 1, max: 100 }).default(25),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ['to'], message: 'must not be before from' })
  .superRefine((q, issue) => {
    if (q.record === undefined) return;
    const parsed = parseRecordReference(q.recordType, q.record);
    if ('error' in parsed) issue.addIssue({ code: 'custom', path: ['record'], message: parsed.error });
  });
export type AuditLogQuery = z.output<typeof auditLogQuery>;

export const auditEntrySchema = z.object({
  id: z.uuid(),
  at: z.iso.datetime(),
  /** Name and role as they were at the time. */
  member: memberRef.extend({ role: z.string() }),
  outcome: z.enum(accessOutcomes),
  recordType: z.enum(accessRecordTypes),
  recordId: z.string().nullable(),
  /** The order's reference or the case's number the back office shows, when `recordId` is one that still exists. */
  recordReference: z.string().nullable(),
  customerId: z.uuid().nullable(),
  fields: z.array(z.string()),
  purpose: z.string().nullable(),
  grantId: z.uuid().nullable(),
});
export type AuditEntryView = z.infer<typeof auditEntrySchema>;
export const auditLogResponse = z.object({
  items: z.array(auditEntrySchema),
  nextCursor: z.string().nullable(),
  /** Why the page is empty when `record` named no record ("No order has the reference AC-26-00999."). */
  note: z.string().nullable(),
});

/** The members the audit log's filter offers (every member who ever was, with their role and whether active). */
export const auditMembersResponse = z.object({
  items: z.array(memberRef.extend({ role: staffRole, active: z.boolean() })),
});

/** POST /api/admin/business-transfer-export: why the file is made (recorded in the audit log). */
export const businessTransferBody = z.strictObject({ purpose: statedReason });
