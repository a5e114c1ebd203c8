/**
 * Money that did not move is never reported as moved: cancelling a captured card payment refunds it through
 * the processor (pending until its signed webhook), a received bank transfer becomes a refund owed until
 * staff enter the transfer's reference, an authorisation not captured is voided; refunds never exceed what
 * was captured; a processor's refusal is kept as a failed refund staff can retry; a card token pays once; a
 * declined card uses up no order reference.
 */
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { mailOutbox } from '../../src/messaging/schema.ts';
import { refundPayment } from '../../src/orders/payments/refunds.service.ts';
import {
  testProcessorCharges,
  testProcessorRefunds,
} from '../../src/orders/payments/test-processor.schema.ts';
import { DECLINED_TEST_CARD, REFUND_FAILS_TEST_CARD } from '../../src/orders/payments/test-processor.ts';
import { setWebhookDelivery, type WebhookRequest } from '../../src/orders/payments/webhook-delivery.ts';
import { payments } from '../../src/orders/schema.ts';
import type { AdminOrderDetail, CheckoutResponse, OrderView } from '../../src/orders/schemas.ts';
import { AppError } from '../../src/shared/errors.ts';
import { json, startTestApp, type TestApp } from '../helpers/app.ts';
import {
  addToCart,
  cardToken,
  checkoutPayload,
  createProduct,
  type ErrorShape,
  placeOrder,
} from '../helpers/orders-fixtures.ts';

const GOOD_CARD = '4242424242424242';

describe('refunds and payment state', () => {
  let t: TestApp;
  let staff: string;
  before(async () => {
    t = await startTestApp();
    staff = await t.staffCookie();
  });
  after(() => t.close());
  afterEach(() => {
    setWebhookDelivery(t.ctx, null);
  });

  /** From now on the processor's webhooks are kept here instead of delivered. */
  const holdWebhooks = () => {
    const list: WebhookRequest[] = [];
    setWebhookDelivery(t.ctx, async (request) => void list.push(request));
    return list;
  };
  const deliver = (request: WebhookRequest) =>
    t.app.inject({
      method: 'POST',
      url: request.path,
      headers: { 'content-type': 'application/json', ...request.headers },
      payload: request.body,
    });

  const order = async (payment: Record<string, unknown>, priceCents = 10_000) => {
    const p = await createProduct(t.ctx.db, { stock: 5, priceCents });
    const { cookie } = await addToCart(t.app, p.variantId, 1);
    const res = await placeOrder(t.app, cookie, checkoutPayload({ payment }));
    assert.equal(res.statusCode, 201, res.body);
    const placed = json<CheckoutResponse>(res);
    const list = await get(`/api/admin/orders?q=${placed.order.reference}`);
    const id = json<{ items: Array<{ id: string }> }>(list).items[0]?.id as string;
    return { id, reference: placed.order.reference, accessToken: placed.accessToken };
  };
  const cardOrder = async (card = GOOD_CARD) =>
    order({ method: 'test_card', token: await cardToken(t.app, card) });
  const get = (url: string) => t.app.inject({ method: 'GET', url, headers: { cookie: staff } });
  const post = (url: string, payload?: object) =>
    t.app.inject({ method: 'POST', url, headers: { cookie: staff }, ...(payload ? { payload } : {}) });
  const detail = async (id: string) =>
    json<{ order: AdminOrderDetail }>(await get(`/api/admin/orders/${id}`)).order;
  const customer = async (token: string) =>
    json<{ order: OrderView }>(await t.app.inject({ method: 'GET', url: `/api/orders/by-link/${token}` }))
      .order;
  const cancelMail = async (orderId: string) => {
    const [mail] = await t.ctx.db
      .select()
      .from(mailOutbox)
      .where(and(eq(mailOutbox.orderId, orderId), eq(mailOutbox.template, 'order_cancelled')));
    return mail?.textBody ?? '';
  };

  it('card captured → cancel → refund pending at the processor → its webhook → refunded, never "voided"', async () => {
    const o = await cardOrder();
    assert.equal((await detail(o.id)).payments[0]?.status, 'captured');
    const hooks = holdWebhooks();

    const res = await post(`/api/admin/orders/${o.id}/cancel`, { reason: 'Supplier cannot deliver' });
    assert.equal(res.statusCode, 200, res.body);
    let d = json<{ order: AdminOrderDetail }>(res).order;
    assert.equal(d.status, 'cancelled');
    assert.equal(
      d.payments[0]?.status,
      'captured',
      'the money is still with the customer’s bank, not voided',
    );
    assert.equal(d.refunds.length, 1);
    const refund = d.refunds[0];
    assert.equal(refund?.status, 'pending');
    assert.equal(refund?.amountCents, d.totals.totalCents);
    assert.match(refund?.processorReference ?? '', /^re_/, 'the processor accepted the refund');
    assert.match(refund?.sentence ?? '', /waiting for its confirmation/);
    const atProcessor = await t.ctx.db.select().from(testProcessorRefunds);
    assert.ok(
      atProcessor.some((r) => r.id === refund?.processorReference && r.amountCents === refund.amountCents),
    );
    assert.deepEqual(
      d.timeline.slice(-2).map((e) => e.type),
      ['cancelled', 'refund_requested'],
    );
    assert.match(await cancelMail(o.id), /We are refunding \$[\d,.]+ to your card/);
    assert.match((await customer(o.accessToken)).payment.refunds[0]?.sentence ?? '', /We are refunding/);

    // The processor confirms by a signed webhook.
    assert.equal(hooks.length, 1);
    const hook = hooks[0] as WebhookRequest;
    assert.match(hook.body, /"refund\.succeeded"/);
    let w = await deliver(hook);
    assert.equal(w.statusCode, 200, w.body);
    assert.equal(json<{ outcome: string }>(w).outcome, 'refunded');
    d = await detail(o.id);
    assert.equal(d.refunds[0]?.status, 'succeeded');
    assert.equal(d.payments[0]?.status, 'refunded');
    assert.equal(d.payments[0]?.statusLabel, 'Refunded');
    assert.equal(d.timeline.at(-1)?.type, 'refunded');
    assert.equal(d.timeline.at(-1)?.actor.type, 'payment_processor');
    const view = await customer(o.accessToken);
    assert.equal(view.payment.statusLabel, 'Refunded');
    assert.match(view.payment.refunds[0]?.sentence ?? '', /^Refunded \$[\d,.]+ to your card/);

    // A replayed webhook changes nothing; a tampered one is refused.
    w = await deliver(hook);
    assert.equal(json<{ outcome: string }>(w).outcome, 'already_refunded');
    w = await deliver({ ...hook, body: hook.body.replace('refund.succeeded', 'refund.succeedes') });
    assert.equal(w.statusCode, 401);
    assert.equal((await detail(o.id)).timeline.filter((e) => e.type === 'refunded').length, 1);
  });

  it('bank transfer received → cancel → refund owed → staff enter the transfer reference → refunded', async () => {
    const o = await order({ method: 'bank_transfer' });
    let view = await customer(o.accessToken);
    assert.equal(view.payment.status, 'pending');
    assert.equal(view.payment.statusLabel, 'Awaiting your transfer', 'a transfer not received is not paid');
    assert.equal((await detail(o.id)).payments[0]?.statusLabel, 'Awaiting transfer, not received');
    assert.equal((await post(`/api/admin/orders/${o.id}/mark-paid`)).statusCode, 200);
    assert.equal((await detail(o.id)).payments[0]?.statusLabel, 'Received');

    let res = await post(`/api/admin/orders/${o.id}/cancel`, { reason: 'Customer asked' });
    assert.equal(res.statusCode, 200, res.body);
    let d = json<{ order: AdminOrderDetail }>(res).order;
    const refund = d.refunds[0];
    assert.equal(refund?.status, 'owed');
    assert.equal(refund?.awaitsTransferReference, true);
    assert.equal(refund?.canRetry, false);
    assert.match(refund?.sentence ?? '', /^Transfer \$[\d,.]+ back to the customer/);
    assert.equal(d.payments[0]?.status, 'captured');
    assert.match(await cancelMail(o.id), /We will transfer \$[\d,.]+ back to the account you paid from/);
    view = await customer(o.accessToken);
    assert.match(view.payment.refunds[0]?.sentence ?? '', /We will transfer/);

    const url = `/api/admin/orders/${o.id}/refunds/${refund?.id}/transfer`;
    for (const [body, field] of [
      [{}, 'reference'],
      [{ reference: '   ' }, 'reference'],
      [{ reference: '<script>' }, 'reference'],
      [{ reference: 'x'.repeat(101) }, 'reference'],
    ] as const) {
      res = await post(url, body);
      assert.equal(res.statusCode, 400, JSON.stringify(body));
      assert.equal(json<ErrorShape>(res).error.field, field);
    }
    res = await post(`/api/admin/orders/${o.id}/refunds/${refund?.paymentId}/transfer`, { reference: 'X1' });
    assert.equal(res.statusCode, 404, 'an id that is not a refund of this order');
    assert.equal((await detail(o.id)).refunds[0]?.status, 'owed', 'refused input changes nothing');

    res = await post(url, { reference: 'BANK-2026-0042' });
    assert.equal(res.statusCode, 200, res.body);
    d = json<{ order: AdminOrderDetail }>(res).order;
    assert.equal(d.refunds[0]?.status, 'succeeded');
    assert.equal(d.refunds[0]?.processorReference, 'BANK-2026-0042');
    assert.equal(d.payments[0]?.status, 'refunded');
    assert.equal(d.timeline.at(-1)?.type, 'refunded');
    assert.equal(d.timeline.at(-1)?.actor.type, 'staff');
    view = await customer(o.accessToken);
    assert.match(
      view.payment.refunds[0]?.sentence ?? '',
      /We transferred \$[\d,.]+ back to you \(transfer reference BANK-2026-0042\)/,
    );

    res = await post(url, { reference: 'BANK-2026-0043' });
    assert.equal(res.statusCode, 409, 'entered once');
    // The same transfer cannot pay back two refunds.
    const other = await order({ method: 'bank_transfer' });
    await post(`/api/admin/orders/${other.id}/mark-paid`);
    const cancelled = json<{ order: AdminOrderDetail }>(
      await post(`/api/admin/orders/${other.id}/cancel`, { reason: 'x' }),
    ).order;
    res = await post(`/api/admin/orders/${other.id}/refunds/${cancelled.refunds[0]?.id}/transfer`, {
      reference: 'BANK-2026-0042',
    });
    assert.equal(res.statusCode, 409);
    assert.equal(json<ErrorShape>(res).error.field, 'reference');
  });

  it('an authorisation not yet captured is voided on cancel: nothing was taken, nothing is refunded', async () => {
    holdWebhooks();
    const o = await cardOrder();
    const res = await post(`/api/admin/orders/${o.id}/cancel`, { reason: 'Duplicate order' });
    assert.equal(res.statusCode, 200, res.body);
    const d = json<{ order: AdminOrderDetail }>(res).order;
    assert.equal(d.payments[0]?.status, 'voided');
    assert.equal(d.payments[0]?.statusLabel, 'Authorisation released, not charged');
    assert.equal(d.refunds.length, 0);
    assert.match(await cancelMail(o.id), /nothing to refund/);
    assert.equal((await customer(o.accessToken)).payment.statusLabel, 'Not charged (released)');
  });

  it('refundPayment never refunds more than was captured across all refunds, and replays by key', async () => {
    const o = await order({ method: 'bank_transfer' }, 10_000);
    await post(`/api/admin/orders/${o.id}/mark-paid`);
    const [payment] = await t.ctx.db.select().from(payments).where(eq(payments.orderId, o.id));
    assert.ok(payment);
    const actor = { type: 'system' } as const;
    const refund = (amountCents: number, idempotencyKey: string) =>
      t.ctx.db.transaction((tx) =>
        refundPayment(tx, {
          paymentId: payment.id,
          amountCents,
          reason: 'test',
          idempotencyKey,
          actor,
          now: new Date(),
        }),
      );
    const refusal = async (promise: Promise<unknown>) => {
      const error = await promise.then(
        () => assert.fail('expected a refusal'),
        (e: unknown) => e,
      );
      assert.ok(error instanceof AppError, String(error));
      return error;
    };
    const first = await refund(4_000, `k1-${o.id}`);
    assert.equal(first.status, 'owed');
    assert.equal((await refund(4_000, `k1-${o.id}`)).id, first.id, 'the same key is the same refund');
    const over = await refusal(refund(payment.amountCents - 4_000 + 1, `k2-${o.id}`));
    assert.equal(over.code, 'conflict');
    assert.equal(over.field, 'amountCents');
    const reused = await refusal(refund(1_000, `k1-${o.id}`));
    assert.equal(reused.field, 'idempotencyKey');
    for (const bad of [0, -5, 10.5]) {
      assert.equal((await refusal(refund(bad, `bad-${bad}-${o.id}`))).field, 'amountCents');
    }
    const rest = await refund(payment.amountCents - 4_000, `k3-${o.id}`);
    assert.equal(rest.amountCents, payment.amountCents - 4_000);
    assert.equal((await refusal(refund(1, `k4-${o.id}`))).field, 'amountCents', 'nothing left');
    assert.equal((await detail(o.id)).refunds.length, 2);

    // A payment that took no money has nothing to refund.
    const unpaid = await order({ method: 'bank_transfer' });
    const [pending] = await t.ctx.db.select().from(payments).where(eq(payments.orderId, unpaid.id));
    const none = await refusal(
      t.ctx.db.transaction((tx) =>
        refundPayment(tx, {
          paymentId: pending?.id as string,
          amountCents: 100,
          reason: 'test',
          idempotencyKey: `k5-${unpaid.id}`,
          actor,
          now: new Date(),
        }),
      ),
    );
    assert.equal(none.field, 'paymentId');
  });

  it('the processor refusing a refund: the order is cancelled, the refund "failed — retry" for staff; a retry refunds once', async () => {
    const o = await cardOrder(REFUND_FAILS_TEST_CARD);
    let res = await post(`/api/admin/orders/${o.id}/cancel`, { reason: 'Customer asked' });
    assert.equal(res.statusCode, 200, res.body);
    let d = json<{ order: AdminOrderDetail }>(res).order;
    assert.equal(d.status, 'cancelled');
    const refund = d.refunds[0];
    assert.equal(refund?.status, 'failed');
    assert.equal(refund?.canRetry, true);
    assert.equal(refund?.statusLabel, 'Failed: retry');
    assert.match(refund?.failureMessage ?? '', /refused the refund/);
    assert.equal(d.payments[0]?.status, 'captured', 'no refund is reported while none was made');
    assert.equal(d.timeline.at(-1)?.type, 'refund_failed');
    const view = await customer(o.accessToken);
    assert.match(view.payment.refunds[0]?.sentence ?? '', /We are refunding/);
    assert.doesNotMatch(
      JSON.stringify(view),
      /refused|card account closed/,
      'the processor’s words are for staff',
    );

    // Still refused: still failed, one more timeline entry for the attempt.
    const url = `/api/admin/orders/${o.id}/refunds/${refund?.id}/retry`;
    res = await post(url);
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(json<{ order: AdminOrderDetail }>(res).order.refunds[0]?.status, 'failed');

    // The processor recovers; the retry goes through and its webhook confirms it.
    const [payment] = await t.ctx.db.select().from(payments).where(eq(payments.orderId, o.id));
    await t.ctx.db
      .update(testProcessorCharges)
      .set({ refundOutcome: 'succeed' })
      .where(eq(testProcessorCharges.reference, payment?.processorReference as string));
    res = await post(url);
    assert.equal(res.statusCode, 200, res.body);
    d = json<{ order: AdminOrderDetail }>(res).order;
    assert.equal(d.refunds[0]?.status, 'succeeded');
    assert.equal(d.payments[0]?.status, 'refunded');
    assert.equal(d.refunds.length, 1);
    res = await post(url);
    assert.equal(res.statusCode, 409, 'a succeeded refund is final');
    assert.match(json<ErrorShape>(res).error.message, /succeeded is final/);
    const atProcessor = await t.ctx.db
      .select()
      .from(testProcessorRefunds)
      .where(eq(testProcessorRefunds.chargeReference, payment?.processorReference as string));
    assert.equal(atProcessor.length, 1, 'refunded once');
  });

  it('a card token pays once: a second order with it is a 400 naming payment.token, even at the same time', async () => {
    const token = await cardToken(t.app, GOOD_CARD);
    await order({ method: 'test_card', token });
    const p = await createProduct(t.ctx.db, { stock: 5 });
    const { cookie } = await addToCart(t.app, p.variantId, 1);
    const res = await placeOrder(t.app, cookie, checkoutPayload({ payment: { method: 'test_card', token } }));
    assert.equal(res.statusCode, 400, res.body);
    assert.equal(json<ErrorShape>(res).error.field, 'payment.token');
    assert.match(json<ErrorShape>(res).error.message, /already paid/);

    const twice = await cardToken(t.app, GOOD_CARD);
    const carts = await Promise.all([1, 2].map(() => addToCart(t.app, p.variantId, 1)));
    const answers = await Promise.all(
      carts.map(({ cookie: c }) =>
        placeOrder(t.app, c, checkoutPayload({ payment: { method: 'test_card', token: twice } })),
      ),
    );
    assert.deepEqual(
      answers.map((a) => a.statusCode).sort(),
      [201, 400],
      answers.map((a) => a.body).join('\n'),
    );
    const refused = answers.find((a) => a.statusCode === 400);
    assert.equal(json<ErrorShape>(refused as never).error.field, 'payment.token');
  });

  it('declined cards use up no order reference: the next order takes the next number', async () => {
    const first = await order({ method: 'bank_transfer' });
    const p = await createProduct(t.ctx.db, { stock: 5 });
    const { cookie } = await addToCart(t.app, p.variantId, 1);
    for (let i = 0; i < 2; i++) {
      const declined = await placeOrder(
        t.app,
        cookie,
        checkoutPayload({
          payment: { method: 'test_card', token: await cardToken(t.app, DECLINED_TEST_CARD) },
        }),
      );
      assert.equal(declined.statusCode, 402);
    }
    const res = await placeOrder(t.app, cookie, checkoutPayload());
    assert.equal(res.statusCode, 201, res.body);
    const number = (reference: string) => Number(reference.split('-').at(-1));
    assert.equal(number(json<CheckoutResponse>(res).order.reference), number(first.reference) + 1);
  });

  it('no raw payment codes in what the customer is shown', async () => {
    const o = await order({ method: 'bank_transfer' });
    const view = await customer(o.accessToken);
    assert.equal(view.payment.methodLabel, 'Bank transfer');
    assert.doesNotMatch(view.payment.statusLabel, /_|pending|captured/);
  });
});
