/** The newsletter's wire shapes (routes.ts), shared with the pages and the back office's client. */
import { z } from 'zod';
import { text } from '../../shared/text.ts';

export { emailInput, tokenInput } from '../../accounts/customers/schemas.ts';

export const NEWSLETTER_ACCEPTED =
  'Thank you. If this address is not subscribed yet, we have sent it an email with a link to confirm.';

export const acceptedSchema = z.object({ message: z.string() });

export const accountSubscriptionSchema = z.object({
  subscribed: z.boolean(),
  confirmedAt: z.iso.datetime().nullable(),
});

/** A campaign as the owner writes it: a one-line subject and a plain-text body (paragraphs by blank lines). */
export const campaignInputSchema = z.strictObject({
  subject: text().trim().min(1, 'Write a subject').max(150, 'Use at most 150 characters'),
  text: text({ multiline: true })
    .trim()
    .min(1, 'Write the message')
    .max(20_000, 'Use at most 20,000 characters'),
});

export const campaignSchema = z.object({
  id: z.uuid(),
  subject: z.string(),
  body: z.string(),
  sentBy: z.string().nullable(),
  sentAt: z.iso.datetime(),
  recipientCount: z.number().int(),
});
export type Campaign = z.infer<typeof campaignSchema>;

/** The overview: a count of confirmed subscribers, never their addresses (PV-USE-2). */
export const newsletterOverviewSchema = z.object({
  confirmedSubscribers: z.number().int(),
  footerPreview: z.array(z.string()),
  campaigns: z.array(campaignSchema),
});
export type NewsletterOverviewBody = z.infer<typeof newsletterOverviewSchema>;
