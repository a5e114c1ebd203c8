/** A case's message thread and the customer's questions on the wire (issue 10 point 4). */
import { z } from 'zod';
import { text } from '../../shared/text.ts';
import { wholeNumber } from '../../shared/whole-number.ts';
import { claimKinds } from '../claim.schema.ts';
import { MESSAGE_MAX_CHARS } from './message-limits.ts';
import { assessmentSchema, customerFactsSchema, customerQuestionSchema } from './schemas.ts';

export { type CustomerQuestion, customerQuestionSchema } from './schemas.ts';

export { MESSAGE_MAX_CHARS };

/** Free text of a message: no control characters but line breaks, not blank, bounded. */
export const messageText = text({ multiline: true })
  .trim()
  .min(1, 'must not be empty')
  .max(MESSAGE_MAX_CHARS, `must be at most ${MESSAGE_MAX_CHARS} characters`);

export const messageBody = z.strictObject({ body: messageText });
export type MessageBody = z.infer<typeof messageBody>;

const isoDate = z.iso.datetime({ offset: true });

/** One message as the customer sees it: staff are "customer service", never named. */
export const customerMessageSchema = z.object({
  id: z.uuid(),
  author: z.enum(['customer', 'staff']),
  body: z.string(),
  createdAt: isoDate,
});
export type CustomerMessage = z.infer<typeof customerMessageSchema>;
export const customerThreadResponse = z.object({ messages: z.array(customerMessageSchema) });
export const customerMessageResponse = z.object({ message: customerMessageSchema });

/** One message for the back office, with the staff member who wrote it. */
export const staffMessageSchema = customerMessageSchema.extend({
  staff: z.object({ id: z.uuid(), name: z.string() }).nullable(),
});
export type StaffMessage = z.infer<typeof staffMessageSchema>;
export const staffThreadResponse = z.object({ messages: z.array(staffMessageSchema) });
export const staffMessageResponse = z.object({ message: staffMessageSchema });

/** A question about one line instead of (or before) a claim: the same answers as a claim, and the words. */
export const questionBody = z.strictObject({
  orderLineId: z.uuid(),
  kind: z.enum(claimKinds),
  facts: customerFactsSchema,
  body: messageText,
});
export type QuestionBody = z.infer<typeof questionBody>;

export const questionSchema = z.object({
  id: z.uuid(),
  orderId: z.uuid(),
  orderReference: z.string(),
  orderLineId: z.uuid(),
  productName: z.string(),
  variantName: z.string(),
  kind: z.enum(claimKinds),
  /** The customer's text; empty when masked (PV-STF-1: message texts only for the order's own member). */
  body: z.string(),
  assessment: assessmentSchema,
  createdAt: isoDate,
  /** 'masked': the question and its answer are hidden from this member (take the order to read them). */
  personalData: z.enum(['full', 'masked']),
  /** Customer service's answer, with who gave it (null once that account is removed); null while it waits. */
  answer: z
    .object({
      body: z.string(),
      staff: z.object({ id: z.uuid(), name: z.string() }).nullable(),
      answeredAt: isoDate,
    })
    .nullable(),
});
export type StaffQuestion = z.infer<typeof questionSchema>;
export const questionResponse = z.object({
  question: questionSchema.pick({ id: true, kind: true, createdAt: true }),
});
export const questionStates = ['unanswered', 'answered'] as const;
export const questionListQuery = z.strictObject({
  /** Only the questions still waiting, or only the answered ones; without it, the waiting ones come first. */
  state: z.enum(questionStates).optional(),
  cursor: text().max(200).optional(),
  limit: wholeNumber({ min: 1, max: 100 }).default(25),
});
export const questionListResponse = z.object({
  items: z.array(questionSchema),
  nextCursor: z.string().nullable(),
});
export const questionSummaryResponse = z.object({
  /** How many questions wait for an answer (the back office's navigation shows it). */
  unanswered: z.number().int(),
});
export const questionIdParams = z.strictObject({ id: z.uuid() });
export const questionLinkParams = z.strictObject({ token: text().min(1).max(200), id: z.uuid() });
export const customerQuestionResponse = z.object({ question: customerQuestionSchema });
export const answeredQuestionResponse = z.object({ question: questionSchema });
