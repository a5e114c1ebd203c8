/**
 * Refunding a case: money back on the order's payment(s) through `refundPayment`, the same path as a
 * cancellation's refund, linked to the case. Never more than the order captured across ALL its refunds
 * (earlier cancellations and every other case of the order): the order row and each payment row are locked,
 * so two refunds of one order are judged one after the other.
 *
 * Use from the resolve action: `recordCaseRefund(tx, …)` inside its transaction, then after commit
 * `submitCaseRefunds(ctx, providers, refunds, deliver)` (card refunds go to the processor only after commit:
 * see refunds.service.ts for the undo). `refundCase(ctx, providers, deliver, …)` does both, for the staff API.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import type { PaymentStatus } from '../../orders/payments/payment-lifecycle.ts';
import { isCaptured, refundableCents } from '../../orders/payments/payment-lifecycle.ts';
import type { PaymentProviders } from '../../orders/payments/provider.ts';
import { type RefundRow, refundPayment, submitRefund } from '../../orders/payments/refunds.service.ts';
import type { WebhookDelivery } from '../../orders/payments/webhook-delivery.ts';
import { orders, payments, refunds } from '../../orders/schema.ts';
import { spendInOrder, sumsTo } from '../../shared/allocate.ts';
import { Conflict, NotFound, ValidationError } from '../../shared/errors.ts';
import { uuidv7 } from '../../shared/ids.ts';
import { formatUsd } from '../../shared/money.ts';
import { afterSalesCases } from '../schema.ts';
import { caseRemedies, type RemedyKind } from './remedy.schema.ts';

export interface CaseStaff {
  id: string;
  name: string;
}

export interface CaseRefundInput {
  caseId: string;
  /** Positive integer cents. */
  amountCents: number;
  /** 'refund' (the item) or 'return_shipping' (AS-GEN-3 reimbursement). */
  kind: Extract<RemedyKind, 'refund' | 'return_shipping'>;
  /** Staff's reason (internal). */
  reason: string;
  /** The same key again is the same refund (a retried request refunds once). 8 to 100 characters. */
  idempotencyKey: string;
  staff: CaseStaff;
  clause?: string | null;
  now: Date;
}

/** The refunds written (or found again, for a repeated idempotency key). */
export interface CaseRefundResult {
  refunds: RefundRow[];
  /** False when the idempotency key had been used already: nothing new was written. */
  created: boolean;
}

function keyOf(base: string, index: number, count: number): string {
  return count === 1 ? base : `${base}#${index + 1}`;
}

/**
 * Records a refund of `amountCents` for the case in `tx`, spread over the order's captured payments, oldest
 * first (one order has one payment today; the spreading keeps the rule true if that changes), each through
 * `refundPayment`, with a `case_remedies` row per refund.
 *
 * Errors: 404 unknown case; 400 `amountCents` not a positive integer; 409 `amountCents` when the order has no
 * captured payment, or when the amount exceeds what is left of what it captured (the message says how much
 * is left); 409 `idempotencyKey` when the key was used for another refund.
 */
export async function recordCaseRefund(tx: Db, input: CaseRefundInput): Promise<CaseRefundResult> {
  if (!Number.isSafeInteger(input.amountCents) || input.amountCents <= 0) {
    throw new ValidationError([{ field: 'amountCents', message: 'must be a positive number of cents' }]);
  }
  const [kase] = await tx
    .select({
      id: afterSalesCases.id,
      orderId: afterSalesCases.orderId,
      reference: afterSalesCases.reference,
    })
    .from(afterSalesCases)
    .where(eq(afterSalesCases.id, input.caseId))
    .for('update');
  if (!kase) throw new NotFound('Case');
  // The lock order of every payment change: order → payment → refund.
  await tx.select({ id: orders.id }).from(orders).where(eq(orders.id, kase.orderId)).for('update');

  // A repeated request: the refunds recorded under this key are the answer (refundPayment checks they match).
  const again = await tx
    .select()
    .from(refunds)
    .where(
      and(
        eq(refunds.orderId, kase.orderId),
        inArray(refunds.idempotencyKey, [input.idempotencyKey, `${input.idempotencyKey}#1`]),
      ),
    );
  if (again.length > 0) {
    const all = await tx
      .select()
      .from(refunds)
      .where(eq(refunds.orderId, kase.orderId))
      .orderBy(asc(refunds.createdAt));
    const mine = all.filter(
      (r) =>
        r.idempotencyKey === input.idempotencyKey || r.idempotencyKey.startsWith(`${input.idempotencyKey}#`),
    );
    if (mine.reduce((s, r) => s + r.amountCents, 0) !== input.amountCents) {
      throw new Conflict('This idempotency key was already used for another refund', {
        field: 'idempotencyKey',
      });
    }
    return { refunds: mine, created: false };
  }

  const paid = await tx
    .select()
    .from(payments)
    .where(eq(payments.orderId, kase.orderId))
    .orderBy(asc(payments.createdAt))
    .for('update');
  const captured = paid.filter((p) => isCaptured(p.status as PaymentStatus));
  const capacities: number[] = [];
  for (const p of captured) {
    const done = await tx.select().from(refunds).where(eq(refunds.paymentId, p.id));
    capacities.push(refundableCents({ capturedCents: p.amountCents, refunds: done }));
  }
  const { parts, shortCents } = spendInOrder(input.amountCents, capacities);
  if (captured.length === 0) {
    throw new Conflict('This order has no payment that took money: there is nothing to refund', {
      field: 'amountCents',
    });
  }
  if (shortCents > 0) {
    const left = capacities.reduce((a, b) => a + b, 0);
    const took = captured.reduce((s, p) => s + p.amountCents, 0);
    throw new Conflict(
      `At most ${formatUsd(left)} can still be refunded on this order: it captured ${formatUsd(took)}, and earlier refunds (cancellations and every case of the order) count against it`,
      { field: 'amountCents', refundableCents: left },
    );
  }

  const used = parts.map((part, i) => ({ part, payment: captured[i] })).filter((x) => x.part > 0);
  const written: RefundRow[] = [];
  for (const [i, { part, payment }] of used.entries()) {
    if (!payment) continue;
    const refund = await refundPayment(tx, {
      paymentId: payment.id,
      amountCents: part,
      reason: `${kase.reference}: ${input.reason}`,
      idempotencyKey: keyOf(input.idempotencyKey, i, used.length),
      actor: { type: 'staff', id: input.staff.id, name: input.staff.name },
      now: input.now,
    });
    await tx.insert(caseRemedies).values({
      id: uuidv7(input.now.getTime()),
      caseId: kase.id,
      kind: input.kind,
      amountCents: refund.amountCents,
      clause: input.clause ?? null,
      refundId: refund.id,
      note: input.reason,
      staffId: input.staff.id,
      createdAt: input.now,
    });
    written.push(refund);
  }
  sumsTo(
    written.map((r) => r.amountCents),
    input.amountCents,
  );
  return { refunds: written, created: true };
}

/** After commit: card refunds go to their processor (bank-transfer refunds wait for staff's transfer). */
export async function submitCaseRefunds(
  ctx: Pick<AppContext, 'db' | 'clock'>,
  providers: PaymentProviders,
  written: readonly RefundRow[],
  deliver: WebhookDelivery,
): Promise<void> {
  for (const refund of written) await submitRefund(ctx, providers, refund.id, deliver);
}

/** `recordCaseRefund` in its own transaction, then `submitCaseRefunds`: the staff API's use case. */
export async function refundCase(
  ctx: Pick<AppContext, 'db' | 'clock'>,
  providers: PaymentProviders,
  deliver: WebhookDelivery,
  input: Omit<CaseRefundInput, 'now'>,
): Promise<CaseRefundResult> {
  const now = ctx.clock.now();
  const result = await ctx.db.transaction((tx) => recordCaseRefund(tx, { ...input, now }));
  if (result.created) await submitCaseRefunds(ctx, providers, result.refunds, deliver);
  return result;
}
