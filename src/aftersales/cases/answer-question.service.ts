/**
 * Customer service answers a customer's question (issue 10 point 1: a declined claim sent as a question opens no
 * return, so the answer is all the customer gets). The answer is written once, with who and when, and the
 * customer is emailed it with the signed link to the order page, in the same transaction.
 */
import { and, eq, isNull } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import { enqueueMail } from '../../messaging/outbox.ts';
import { QUESTION_ANSWER_TEMPLATE, renderQuestionAnswer } from '../../messaging/templates/question-answer.ts';
import { orderUrlOf } from '../../orders/order-emails.ts';
import { orders } from '../../orders/schema.ts';
import { recordStaffAccess } from '../../privacy/staff-access/record-access.ts';
import { requireFullOrderAccess, type StaffWho } from '../../privacy/staff-access/visibility.ts';
import { getShopSettings } from '../../settings/shop.ts';
import { Conflict, NotFound } from '../../shared/errors.ts';
import { supportQuestions } from '../conversations.schema.ts';
import type { StaffQuestion } from './conversation.schemas.ts';
import { staffQuestion } from './questions.service.ts';

/**
 * Stores `body` (already validated by `messageText`) as the answer to question `id` by `staff`, and queues the
 * answer email to the order's buyer. Errors: no such question → 404; already answered → 409 on `body` (the
 * first answer stays; the customer was emailed it). Returns the question as the back office shows it.
 */
export async function answerQuestion(
  ctx: Pick<AppContext, 'db' | 'secret' | 'clock' | 'config'>,
  id: string,
  body: string,
  staff: StaffWho,
): Promise<StaffQuestion> {
  // PV-STF-1: answering means reading the question, so only a member who may read it answers (404 otherwise).
  const [asked] = await ctx.db
    .select({ orderId: supportQuestions.orderId })
    .from(supportQuestions)
    .where(eq(supportQuestions.id, id));
  if (!asked) throw new NotFound('Question');
  const access = await requireFullOrderAccess(ctx, staff, asked.orderId, 'messages', 'Question');
  const now = ctx.clock.now();
  const question = await ctx.db.transaction(async (tx) => {
    // One conditional statement: of two answers sent at once, exactly one finds the question still waiting.
    const [answered] = await tx
      .update(supportQuestions)
      .set({ answer: body, answeredBy: staff.id, answeredAt: now })
      .where(and(eq(supportQuestions.id, id), isNull(supportQuestions.answeredAt)))
      .returning({ orderId: supportQuestions.orderId });
    if (!answered) {
      const [exists] = await tx
        .select({ id: supportQuestions.id })
        .from(supportQuestions)
        .where(eq(supportQuestions.id, id));
      if (!exists) throw new NotFound('Question');
      throw new Conflict('This question has already been answered', { field: 'body' });
    }
    const question = await staffQuestion(tx, id);
    const [order] = await tx
      .select({ email: orders.email })
      .from(orders)
      .where(eq(orders.id, answered.orderId));
    if (!order) throw new NotFound('Order');
    const shop = await getShopSettings(tx);
    const mail = renderQuestionAnswer({
      shopName: shop.name,
      orderReference: question.orderReference,
      productName: question.productName,
      kind: question.kind,
      question: question.body,
      answer: body,
      orderUrl: orderUrlOf(ctx, answered.orderId),
    });
    await enqueueMail(
      tx,
      {
        template: QUESTION_ANSWER_TEMPLATE,
        fromName: shop.name,
        to: order.email,
        orderId: answered.orderId,
        ...mail,
      },
      now,
    );
    return question;
  });
  await recordStaffAccess(ctx.db, staff, now, [
    {
      outcome: 'read',
      recordType: 'order',
      recordId: asked.orderId,
      customerId: access.holders.customerId,
      fields: ['messages'],
      purpose: access.visibility.purpose,
      grantId: access.visibility.grantId,
    },
  ]);
  return question;
}
