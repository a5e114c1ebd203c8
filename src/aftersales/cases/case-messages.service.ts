/**
 * A case's message thread (issue 10 point 4; AS-GEN-1: troubleshooting is a conversation with customer
 * service). The customer reads and writes through the order's signed link, staff through the back office.
 * A staff message queues an email to the customer, with the signed link back to the case, in the same
 * transaction as the message.
 */
import { and, asc, eq } from 'drizzle-orm';
import { staffUsers } from '../../accounts/schema.ts';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { enqueueMail } from '../../messaging/outbox.ts';
import { CASE_REPLY_TEMPLATE, renderCaseReply } from '../../messaging/templates/case-reply.ts';
import { orderLines, orders } from '../../orders/schema.ts';
import { recordStaffAccess } from '../../privacy/staff-access/record-access.ts';
import { requireFullCaseAccess, type StaffWho } from '../../privacy/staff-access/visibility.ts';
import { getShopSettings } from '../../settings/shop.ts';
import { Conflict, NotFound } from '../../shared/errors.ts';
import { uuidv7 } from '../../shared/ids.ts';
import { afterSalesCaseMessages } from '../conversations.schema.ts';
import { afterSalesCases } from '../schema.ts';
import { isOpenCase } from './case-lifecycle.ts';
import { caseUrlOf } from './case-step-emails.ts';
import { orderOfLink } from './claim-records.ts';
import type { CustomerMessage, StaffMessage } from './conversation.schemas.ts';

type MessageRow = typeof afterSalesCaseMessages.$inferSelect;

function customerView(m: MessageRow): CustomerMessage {
  return {
    id: m.id,
    author: m.authorType === 'staff' ? 'staff' : 'customer',
    body: m.body,
    createdAt: m.createdAt.toISOString(),
  };
}

/** The case of the order behind `token` with this reference, or a 404 (another order's case included). */
async function caseOfLink(db: Db, secret: string, token: string, reference: string) {
  const order = await orderOfLink(db, secret, token);
  const [row] = await db
    .select({ id: afterSalesCases.id, state: afterSalesCases.state })
    .from(afterSalesCases)
    .where(
      and(
        eq(afterSalesCases.orderId, order.id),
        eq(afterSalesCases.reference, reference.trim().toUpperCase()),
      ),
    );
  if (!row) throw new NotFound('Case');
  return row;
}

async function threadRows(db: Db, caseId: string) {
  return db
    .select({ m: afterSalesCaseMessages, staffName: staffUsers.name })
    .from(afterSalesCaseMessages)
    .leftJoin(staffUsers, eq(staffUsers.id, afterSalesCaseMessages.staffId))
    .where(eq(afterSalesCaseMessages.caseId, caseId))
    .orderBy(asc(afterSalesCaseMessages.seq));
}

/** The thread of a case as its customer reads it, oldest first; 404 for a case of another order. */
export async function customerThread(
  ctx: Pick<AppContext, 'db' | 'secret'>,
  token: string,
  reference: string,
): Promise<CustomerMessage[]> {
  const c = await caseOfLink(ctx.db, ctx.secret, token, reference);
  return (await threadRows(ctx.db, c.id)).map((r) => customerView(r.m));
}

/**
 * The customer writes in the thread of an open case. A finished case (declined, withdrawn, closed) is a 409 on
 * `body`: its conversation is over; a new question goes through a new claim or a question.
 */
export async function postCustomerMessage(
  ctx: Pick<AppContext, 'db' | 'secret' | 'clock'>,
  token: string,
  reference: string,
  body: string,
): Promise<CustomerMessage> {
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const c = await caseOfLink(tx, ctx.secret, token, reference);
    if (!isOpenCase(c.state)) {
      throw new Conflict(`Case ${reference} is ${c.state}: its conversation is closed`, { field: 'body' });
    }
    // PV-COL-1: a message to customer service keeps what the customer wrote on the case, nothing of the
    // request (IP address, browser).
    const [row] = await tx
      .insert(afterSalesCaseMessages)
      .values({ id: uuidv7(now.getTime()), caseId: c.id, authorType: 'customer', body, createdAt: now })
      .returning();
    return customerView(row as MessageRow);
  });
}

function staffView(r: { m: MessageRow; staffName: string | null }): StaffMessage {
  return {
    ...customerView(r.m),
    staff: r.m.staffId ? { id: r.m.staffId, name: r.staffName ?? '' } : null,
  };
}

/**
 * The thread of a case for the back office, oldest first, with the staff member of each staff message.
 * PV-STF-1: message texts only for a member who sees the case in full (their own case, the owner, a
 * technician's maintenance grant): otherwise 404 and a `refused` audit row; each read is recorded.
 */
export async function staffThread(
  ctx: Pick<AppContext, 'db' | 'clock'>,
  caseId: string,
  staff: StaffWho,
): Promise<StaffMessage[]> {
  const access = await requireFullCaseAccess(ctx, staff, caseId, 'messages');
  const messages = (await threadRows(ctx.db, caseId)).map(staffView);
  await recordStaffAccess(ctx.db, staff, ctx.clock.now(), [
    {
      outcome: 'read',
      recordType: 'case',
      recordId: caseId,
      customerId: access.holders.customerId,
      fields: ['messages'],
      purpose: access.visibility.purpose,
      grantId: access.visibility.grantId,
    },
  ]);
  return messages;
}

/**
 * Staff write in a case's thread (any state: a declined case may still need explaining). The customer is
 * emailed the message with the signed link to the case page, queued in the same transaction. Writing to the
 * customer is handling them: only a member who sees the case in full may (PV-STF-1; 404 and a `refused` row
 * otherwise).
 */
export async function postStaffMessage(
  ctx: Pick<AppContext, 'db' | 'secret' | 'clock' | 'config'>,
  caseId: string,
  body: string,
  staff: StaffWho,
): Promise<StaffMessage> {
  await requireFullCaseAccess(ctx, staff, caseId, 'messages');
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const [c] = await tx
      .select({
        id: afterSalesCases.id,
        reference: afterSalesCases.reference,
        orderId: orders.id,
        orderReference: orders.reference,
        email: orders.email,
        productName: orderLines.productName,
      })
      .from(afterSalesCases)
      .innerJoin(orders, eq(orders.id, afterSalesCases.orderId))
      .innerJoin(orderLines, eq(orderLines.id, afterSalesCases.orderLineId))
      .where(eq(afterSalesCases.id, caseId));
    if (!c) throw new NotFound('Case');
    const [row] = await tx
      .insert(afterSalesCaseMessages)
      .values({
        id: uuidv7(now.getTime()),
        caseId,
        authorType: 'staff',
        staffId: staff.id,
        body,
        createdAt: now,
      })
      .returning();
    const shop = await getShopSettings(tx);
    const mail = renderCaseReply({
      shopName: shop.name,
      caseReference: c.reference,
      orderReference: c.orderReference,
      productName: c.productName,
      body,
      caseUrl: caseUrlOf(ctx, c.orderId, c.reference),
    });
    await enqueueMail(
      tx,
      { template: CASE_REPLY_TEMPLATE, fromName: shop.name, to: c.email, orderId: c.orderId, ...mail },
      now,
    );
    return staffView({ m: row as MessageRow, staffName: staff.name });
  });
}
