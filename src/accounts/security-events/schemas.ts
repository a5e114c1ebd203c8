/** The back office's security events API: one schema per payload, shared by the routes, the web client and tests. */
import { z } from 'zod';
import { text } from '../../shared/text.ts';
import { wholeNumber } from '../../shared/whole-number.ts';
import { securityReasons } from '../security-events.schema.ts';

export const securityEventListQuery = z.strictObject({
  /** `false`: only those still to review; `true`: only reviewed ones; without it, all. */
  reviewed: z.enum(['true', 'false']).optional(),
  reason: z.enum(securityReasons).optional(),
  cursor: text().max(200).optional(),
  limit: wholeNumber({ min: 1, max: 100 }).default(25),
});

export const securityEventSchema = z.object({
  id: z.uuid(),
  /** ISO 8601 instant. */
  at: z.iso.datetime(),
  subjectType: z.enum(['customer', 'staff']),
  /** The account's email at the time, or null when the attempt named no known account. */
  email: z.string().nullable(),
  ip: z.string(),
  userAgent: z.string(),
  reason: z.enum(securityReasons),
  /** The member who made the change (the owner who deactivated this member), when another did. */
  by: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  reviewedAt: z.iso.datetime().nullable(),
  reviewedBy: z.object({ id: z.uuid(), name: z.string() }).nullable(),
});
export type SecurityEventView = z.infer<typeof securityEventSchema>;

export const securityEventListResponse = z.object({
  items: z.array(securityEventSchema),
  nextCursor: z.string().nullable(),
});
export const securityEventIdParams = z.strictObject({ id: z.uuid() });
export const securityEventSummaryResponse = z.object({ unreviewed: z.number().int() });
