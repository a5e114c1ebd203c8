/**
 * Questions to customer service about an order line (issue 10 point 1): what a customer sends when the policy
 * declines a claim. A question opens no case and no return; it keeps the engine's answer, judged again from the
 * order's records when it is sent, so staff read what the customer was told. Staff list them waiting first,
 * then newest; customer service answers each once (answer-question.service.ts).
 */
import { and, asc, desc, eq, isNotNull, isNull, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import { staffUsers } from '../../accounts/schema.ts';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { orderLines, orders } from '../../orders/schema.ts';
import { recordStaffAccess, type StaffAccessEntry } from '../../privacy/staff-access/record-access.ts';
import { visibilityOf } from '../../privacy/staff-access/visibility.rules.ts';
import { handlesLinkedSql, orderHoldersSql, visibleSql } from '../../privacy/staff-access/visibility.sql.ts';
import { type StaffWho, viewerOf } from '../../privacy/staff-access/visibility.ts';
import { decodeCursor, encodeCursor, instantKey } from '../../shared/cursor.ts';
import { AppError, NotFound } from '../../shared/errors.ts';
import { uuidv7 } from '../../shared/ids.ts';
import type { ClaimKind } from '../claim.schema.ts';
import { supportQuestions } from '../conversations.schema.ts';
import { assessClaim } from '../policy.ts';
import { currentPolicyVersion } from '../policy-versions.service.ts';
import { claimsOf, linesOf, orderOfLink } from './claim-records.ts';
import type {
  CustomerQuestion,
  QuestionBody,
  questionListQuery,
  questionListResponse,
  StaffQuestion,
} from './conversation.schemas.ts';
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
    // PV-COL-1: writing to customer service keeps what the customer wrote, tied to their order; not their
    // IP address or browser.
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

/** `answered|createdAt` of the last row: "0|2026-03-02T09:00:00.000Z" for a question still waiting. */
const waitingFirstKey = z
  .string()
  .regex(/^[01]\|/)
  .refine((key) => instantKey.safeParse(key.slice(2)).success);
const answeredSql = sql<boolean>`(${supportQuestions.answeredAt} is not null)`;

/** `question` without its texts (PV-STF-1): what it is about stays, what was written does not. */
export function maskQuestion(question: StaffQuestion): StaffQuestion {
  return {
    ...question,
    body: '',
    personalData: 'masked',
    answer: question.answer ? { ...question.answer, body: '' } : null,
  };
}

/**
 * The rows of questions with their order, line and the staff member who answered (null once removed);
 * `handlesCase` adds whether the viewer handles one of the order's cases.
 */
function questionRows(db: Db, extra: { handlesCase?: SQL<boolean> } = {}) {
  return db
    .select({
      handlesCase: extra.handlesCase ?? sql<boolean>`false`,
      q: supportQuestions,
      orderReference: orders.reference,
      productName: orderLines.productName,
      variantName: orderLines.variantName,
      staffName: staffUsers.name,
      orderAssignedTo: orders.assignedTo,
      customerId: orders.customerId,
    })
    .from(supportQuestions)
    .innerJoin(orders, eq(orders.id, supportQuestions.orderId))
    .innerJoin(orderLines, eq(orderLines.id, supportQuestions.orderLineId))
    .leftJoin(staffUsers, eq(staffUsers.id, supportQuestions.answeredBy));
}

type QuestionRow = Awaited<ReturnType<typeof questionRows>>[number];

function staffQuestionView({
  q,
  orderReference,
  productName,
  variantName,
  staffName,
}: QuestionRow): StaffQuestion {
  return {
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
    personalData: 'full',
    answer:
      q.answer !== null && q.answeredAt
        ? {
            body: q.answer,
            staff: q.answeredBy ? { id: q.answeredBy, name: staffName ?? '' } : null,
            answeredAt: q.answeredAt.toISOString(),
          }
        : null,
  };
}

/** One question as the back office shows it; a 404 when there is none with this id. */
export async function staffQuestion(db: Db, id: string): Promise<StaffQuestion> {
  const [row] = await questionRows(db).where(eq(supportQuestions.id, id));
  if (!row) throw new NotFound('Question');
  return staffQuestionView(row);
}

/**
 * The questions in cursor pages: those waiting for an answer first, then the answered ones, newest first within
 * each; `state` keeps one of the two. A cursor of another list is a 400 on `cursor`.
 */
export async function listQuestions(
  ctx: Pick<AppContext, 'db' | 'clock'>,
  query: ListQuery,
  staff: StaffWho,
): Promise<ListPage> {
  const now = ctx.clock.now();
  const viewer = await viewerOf(ctx.db, staff, now);
  // PV-STF-1 (visibility.sql.ts): a question is its order's: customer service lists those of their own orders
  // (and of the orders of their cases) in full, those of unassigned orders masked, never another member's.
  const handlesCase = handlesLinkedSql(staff.id, orderHoldersSql.alsoHandledBy);
  const where: SQL[] = [];
  const visible = visibleSql(viewer, orderHoldersSql);
  if (visible) where.push(visible);
  if (query.state === 'unanswered') where.push(isNull(supportQuestions.answeredAt));
  if (query.state === 'answered') where.push(isNotNull(supportQuestions.answeredAt));
  if (query.cursor) {
    const c = decodeCursor(query.cursor, 'waiting-first', waitingFirstKey);
    const answered = c.key.startsWith('1');
    where.push(
      sql`(${answeredSql} > ${answered}::boolean or (${answeredSql} = ${answered}::boolean and (${supportQuestions.createdAt}, ${supportQuestions.id}) < (${c.key.slice(2)}::timestamptz, ${c.id}::uuid)))`,
    );
  }
  const rows = await questionRows(ctx.db, { handlesCase })
    .where(and(...where))
    .orderBy(asc(answeredSql), desc(supportQuestions.createdAt), desc(supportQuestions.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  const reads: StaffAccessEntry[] = [];
  const items = page.map((row) => {
    const visibility = visibilityOf(viewer, {
      assignedTo: row.orderAssignedTo,
      alsoHandledBy: row.handlesCase && row.orderAssignedTo === null ? [staff.id] : [],
      customerId: row.customerId,
    });
    const view = staffQuestionView(row);
    if (visibility.kind !== 'full') return maskQuestion(view);
    reads.push({
      outcome: 'read',
      recordType: 'order',
      recordId: row.q.orderId,
      customerId: row.customerId,
      fields: ['messages'],
      purpose: visibility.purpose,
      grantId: visibility.grantId,
    });
    return view;
  });
  await recordStaffAccess(ctx.db, staff, now, reads);
  return {
    items,
    nextCursor:
      rows.length > query.limit && last
        ? encodeCursor(
            'waiting-first',
            `${last.q.answeredAt ? 1 : 0}|${last.q.createdAt.toISOString()}`,
            last.q.id,
          )
        : null,
  };
}

/** How many questions wait for an answer: the count beside the back office's "Questions" link. */
export async function unansweredQuestionCount(db: Db, staff: Pick<StaffWho, 'id' | 'role'>): Promise<number> {
  // PV-STF-1: the count follows the list's filter (visibleSql), or it would tell customer service about
  // another member's questions that their list does not show.
  const visible = visibleSql({ id: staff.id, role: staff.role, grants: [] }, orderHoldersSql);
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(supportQuestions)
    .innerJoin(orders, eq(orders.id, supportQuestions.orderId))
    .where(and(isNull(supportQuestions.answeredAt), visible));
  return row?.n ?? 0;
}

/**
 * An order's questions as its customer reads them on the order page, oldest first, with the answer once given
 * (staff are "customer service", never named). `id`: only that one.
 */
export async function customerQuestions(db: Db, orderId: string, id?: string): Promise<CustomerQuestion[]> {
  const rows = await db
    .select({ q: supportQuestions, productName: orderLines.productName })
    .from(supportQuestions)
    .innerJoin(orderLines, eq(orderLines.id, supportQuestions.orderLineId))
    .where(and(eq(supportQuestions.orderId, orderId), id ? eq(supportQuestions.id, id) : undefined))
    .orderBy(asc(supportQuestions.createdAt), asc(supportQuestions.id));
  return rows.map(({ q, productName }) => ({
    id: q.id,
    orderLineId: q.orderLineId,
    productName,
    kind: q.kind,
    body: q.body,
    createdAt: q.createdAt.toISOString(),
    answer:
      q.answer !== null && q.answeredAt ? { body: q.answer, answeredAt: q.answeredAt.toISOString() } : null,
  }));
}

/** One question of the order behind `token`, as its customer reads it; a 404 for another order's (or none). */
export async function customerQuestion(
  ctx: Pick<AppContext, 'db' | 'secret'>,
  token: string,
  id: string,
): Promise<CustomerQuestion> {
  const order = await orderOfLink(ctx.db, ctx.secret, token);
  const [question] = await customerQuestions(ctx.db, order.id, id);
  if (!question) throw new NotFound('Question');
  return question;
}
