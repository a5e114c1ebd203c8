/**
 * Questions to customer service about an order line (issue 10 point 1): what a customer sends when the policy
 * declines a claim. A question opens no case and no return; it keeps the engine's answer, judged again from the
 * order's records when it is sent, so staff read what the customer was told. Staff list them newest first.
 */
import { and, desc, eq, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { orderLines, orders } from '../../orders/schema.ts';
import { decodeCursor, encodeCursor, instantKey } from '../../shared/cursor.ts';
import { AppError } from '../../shared/errors.ts';
import { uuidv7 } from '../../shared/ids.ts';
import type { ClaimKind } from '../claim.schema.ts';
import { supportQuestions } from '../conversations.schema.ts';
import { assessClaim } from '../policy.ts';
import { currentPolicyVersion } from '../policy-versions.service.ts';
import { claimsOf, linesOf, orderOfLink } from './claim-records.ts';
import type { QuestionBody, questionListQuery, questionListResponse } from './conversation.schemas.ts';
import type { ClaimBody } from './schemas.ts';

/** What a customer asks about: one or more lines with the claim's answers, and the words of the question. */
export interface QuestionRequest {
  lines: ClaimBody['lines'];
  body: string;
}

/**
 * Stores one question per requested line of the order behind `token`, all in one transaction (none if any
 * line is refused). Errors as for a claim (claimsOf): a line of another order is a 404 on
 * `lines.N.orderLineId`, an order not delivered a 409 on it.
 */
export async function askQuestions(
  ctx: Pick<AppContext, 'db' | 'secret' | 'clock'>,
  token: string,
  request: QuestionRequest,
): Promise<Array<{ id: string; kind: ClaimKind; createdAt: string }>> {
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const order = await orderOfLink(tx, ctx.secret, token);
    const claims = claimsOf(order, await linesOf(tx, order.id), { lines: request.lines }, now);
    const policy = await currentPolicyVersion(tx);
    const asked = claims.map((claim) => ({
      id: uuidv7(now.getTime()),
      orderId: order.id,
      orderLineId: claim.line.id,
      kind: claim.kind,
      body: request.body,
      assessment: assessClaim(claim.input, policy.settings),
      createdAt: now,
    }));
    await tx.insert(supportQuestions).values(asked);
    return asked.map((q) => ({ id: q.id, kind: q.kind, createdAt: now.toISOString() }));
  });
}

/** The API's one-line question: its line is named `orderLineId` in errors. */
export async function askQuestion(
  ctx: Pick<AppContext, 'db' | 'secret' | 'clock'>,
  token: string,
  { body, ...line }: QuestionBody,
): Promise<{ id: string; kind: ClaimKind; createdAt: string }> {
  try {
    const [asked] = await askQuestions(ctx, token, { lines: [line], body });
    return asked as { id: string; kind: ClaimKind; createdAt: string };
  } catch (error) {
    if (error instanceof AppError && error.field === 'lines.0.orderLineId') {
      throw new AppError(error.code, error.message.replace('lines.0.orderLineId', 'orderLineId'), {
        ...error.details,
        field: 'orderLineId',
      });
    }
    throw error;
  }
}

type ListQuery = z.output<typeof questionListQuery>;
type ListPage = z.infer<typeof questionListResponse>;

/** The questions, newest first, in cursor pages. */
export async function listQuestions(ctx: Pick<AppContext, 'db'>, query: ListQuery): Promise<ListPage> {
  const where: SQL[] = [];
  if (query.cursor) {
    const c = decodeCursor(query.cursor, 'newest', instantKey);
    where.push(
      sql`(${supportQuestions.createdAt}, ${supportQuestions.id}) < (${c.key}::timestamptz, ${c.id}::uuid)`,
    );
  }
  const rows = await ctx.db
    .select({
      q: supportQuestions,
      orderReference: orders.reference,
      productName: orderLines.productName,
      variantName: orderLines.variantName,
    })
    .from(supportQuestions)
    .innerJoin(orders, eq(orders.id, supportQuestions.orderId))
    .innerJoin(orderLines, eq(orderLines.id, supportQuestions.orderLineId))
    .where(and(...where))
    .orderBy(desc(supportQuestions.createdAt), desc(supportQuestions.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map(({ q, orderReference, productName, variantName }) => ({
      id: q.id,
      orderId: q.orderId,
      orderReference,
      orderLineId: q.orderLineId,
      productName,
      variantName,
      kind: q.kind,
      body: q.body,
      assessment: q.assessment,
      createdAt: q.createdAt.toISOString(),
    })),
    nextCursor:
      rows.length > query.limit && last
        ? encodeCursor('newest', last.q.createdAt.toISOString(), last.q.id)
        : null,
  };
}
