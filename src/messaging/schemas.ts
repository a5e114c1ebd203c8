/** The mail outbox's payloads: the back-office routes, OpenAPI and the web client share them. */
import { z } from 'zod';
import { searchText, text } from '../shared/text.ts';
import { wholeNumber } from '../shared/whole-number.ts';

export const mailStatusSchema = z.enum(['pending', 'sent', 'failed']);

export const mailSummarySchema = z.object({
  id: z.uuid(),
  template: z.string(),
  /** The recipient, or "a newsletter subscriber" for newsletter mail (PV-USE-2: no list in view). */
  toAddress: z.string(),
  /** True for newsletter mail: `toAddress` and the bodies are withheld (PV-USE-2). */
  recipientHidden: z.boolean(),
  subject: z.string(),
  orderId: z.uuid().nullable(),
  status: mailStatusSchema,
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  createdAt: z.iso.datetime(),
  sentAt: z.iso.datetime().nullable(),
});

export const mailDetailSchema = mailSummarySchema.extend({ textBody: z.string(), htmlBody: z.string() });

export const mailListQuerySchema = z.strictObject({
  status: mailStatusSchema.optional(),
  /** Part of the address or the subject (never a newsletter subscriber's address: PV-USE-2). */
  q: searchText().trim().min(1).max(100).optional(),
  orderId: z.uuid().optional(),
  cursor: text().max(200).optional(),
  limit: wholeNumber({ min: 1, max: 100 }).default(25),
});

export const mailListSchema = z.object({
  items: z.array(mailSummarySchema),
  nextCursor: z.string().nullable(),
});

/** Where the shop's mail goes, and how much waits or failed: the dashboard's outbox card. */
export const mailQueueSchema = z.object({
  /** `smtp`: a dispatcher sends the outbox (SMTP_URL is set); `outbox`: emails only wait there, unsent. */
  delivery: z.enum(['smtp', 'outbox']),
  pending: z.number().int(),
  failed: z.number().int(),
});
export type MailQueue = z.infer<typeof mailQueueSchema>;

export const mailRetryBodySchema = z.strictObject({ ids: z.array(z.uuid()).min(1).max(100) });

export type MailStatus = z.infer<typeof mailStatusSchema>;
export type MailSummary = z.infer<typeof mailSummarySchema>;
export type MailDetail = z.infer<typeof mailDetailSchema>;
export type MailListQuery = z.input<typeof mailListQuerySchema>;
