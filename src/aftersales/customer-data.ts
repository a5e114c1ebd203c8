/**
 * What after-sales holds about a customer (PV-RGT-1 export, PV-ACC-4 deletion): their cases with the
 * conversation, the evidence files and the timeline, and the questions they sent. Deletion keeps each case's
 * reference, kind, states, dates and what it gave (refunds, coupons: accounting), and removes the
 * conversation, the evidence (rows now, files after the commit), the customer's notes on the timeline and
 * their questions.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import { orders } from '../orders/schema.ts';
import { type CustomerDataEntry, iso } from '../privacy/data-subject.ts';
import { afterSalesCaseMessages, supportQuestions } from './conversations.schema.ts';
import { afterSalesEvidence } from './evidence/evidence.schema.ts';
import { deleteCaseEvidence } from './evidence/purge-evidence.ts';
import { afterSalesCaseEvents, afterSalesCases } from './schema.ts';

/** The file's own name in the store (`<id>.jpg`): the export lists files, never their bytes. */
function fileName(storageKey: string): string {
  return storageKey.slice(storageKey.lastIndexOf('/') + 1);
}

export const caseData: CustomerDataEntry = {
  key: 'cases',
  async export(db, subject) {
    if (subject.caseIds.length === 0) return [];
    const ids = subject.caseIds;
    const rows = await db
      .select({ c: afterSalesCases, orderReference: orders.reference })
      .from(afterSalesCases)
      .innerJoin(orders, eq(orders.id, afterSalesCases.orderId))
      .where(inArray(afterSalesCases.id, ids))
      .orderBy(asc(afterSalesCases.openedAt));
    const messages = await db
      .select()
      .from(afterSalesCaseMessages)
      .where(inArray(afterSalesCaseMessages.caseId, ids))
      .orderBy(asc(afterSalesCaseMessages.seq));
    const files = await db
      .select()
      .from(afterSalesEvidence)
      .where(inArray(afterSalesEvidence.caseId, ids))
      .orderBy(asc(afterSalesEvidence.createdAt));
    const events = await db
      .select()
      .from(afterSalesCaseEvents)
      .where(inArray(afterSalesCaseEvents.caseId, ids))
      .orderBy(asc(afterSalesCaseEvents.seq));
    return rows.map(({ c, orderReference }) => ({
      reference: c.reference,
      orderReference,
      kind: c.kind,
      state: c.state,
      openedAt: iso(c.openedAt),
      updatedAt: iso(c.updatedAt),
      yourAnswers: c.facts,
      resolution: c.resolution,
      messages: messages
        .filter((m) => m.caseId === c.id)
        .map((m) => ({ from: m.authorType, at: iso(m.createdAt), text: m.body })),
      evidence: files
        .filter((f) => f.caseId === c.id)
        .map((f) => ({
          fileName: fileName(f.storageKey),
          kind: f.kind,
          mediaType: f.mediaType,
          bytes: f.bytes,
          uploadedBy: f.uploadedBy,
          uploadedAt: iso(f.createdAt),
        })),
      timeline: events
        .filter((e) => e.caseId === c.id)
        .map((e) => ({ at: iso(e.at), action: e.action, from: e.fromState, to: e.toState, note: e.note })),
    }));
  },
  async erase(tx, subject, now) {
    if (subject.caseIds.length === 0) return 0;
    const ids = subject.caseIds;
    const messages = await tx
      .delete(afterSalesCaseMessages)
      .where(inArray(afterSalesCaseMessages.caseId, ids))
      .returning({ id: afterSalesCaseMessages.id });
    const notes = await tx
      .update(afterSalesCaseEvents)
      .set({ actorName: null, note: null })
      .where(and(inArray(afterSalesCaseEvents.caseId, ids), eq(afterSalesCaseEvents.actorType, 'customer')))
      .returning({ id: afterSalesCaseEvents.id });
    const files = await deleteCaseEvidence(tx, ids, now);
    return messages.length + notes.length + files;
  },
};

export const questionData: CustomerDataEntry = {
  key: 'questions',
  async export(db, subject) {
    if (subject.orderIds.length === 0) return [];
    const rows = await db
      .select({ q: supportQuestions, orderReference: orders.reference })
      .from(supportQuestions)
      .innerJoin(orders, eq(orders.id, supportQuestions.orderId))
      .where(inArray(supportQuestions.orderId, subject.orderIds))
      .orderBy(asc(supportQuestions.createdAt));
    return rows.map(({ q, orderReference }) => ({
      orderReference,
      kind: q.kind,
      askedAt: iso(q.createdAt),
      question: q.body,
      answer: q.answer,
      answeredAt: iso(q.answeredAt),
    }));
  },
  async erase(tx, subject) {
    if (subject.orderIds.length === 0) return 0;
    const rows = await tx
      .delete(supportQuestions)
      .where(inArray(supportQuestions.orderId, subject.orderIds))
      .returning({ id: supportQuestions.id });
    return rows.length;
  },
};
