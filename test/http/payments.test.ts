import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import { DECLINED_TEST_CARD, signWebhook } from '../../src/orders/payments/test-processor.ts';
import { setWebhookDelivery, type WebhookRequest } from '../../src/orders/payments/webhook-delivery.ts';
import { orderEvents, orders, payments, refunds } from '../../src/orders/schema.ts';
import type { CartView, CheckoutResponse, OrderView } from '../../src/orders/schemas.ts';
import { json, startTestApp, type TestApp } from '../helpers/app.ts';
import {
  addToCart,
  cardToken,
  checkoutPayload,
  countRows,
  createProduct,
  type ErrorShape,
  placeOrder,
  stockOf,
} from '../helpers/orders-fixtures.ts';

const GOOD_CARD = '4242424242424242';
const WEBHOOK_SECRET = 'whsec_test_0123456789abcdef';
const WRITTEN_TABLES = [
  'orders',
  'order_lines',
  'order_events',
  'payments',
  'mail_outbox',
  'idempotency_keys',
];

describe('payments (PV-PAY-1)', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(() => t.close());

  const orderRow = async (reference: string) => {
    const [row] = await t.ctx.db.select().from(orders).where(eq(orders.reference, reference));
    assert.ok(row, reference);
    return row;
  };
  const paymentOf = async (orderId: string) => {
    const [row] = await t.ctx.db.select().from(payments).where(eq(payments.orderId, orderId));
    assert.ok(row);
    return row;
  };
  const postWebhook = (body: string, signature: string | null) =>
    t.app.inject({
      method: 'POST',
      url: '/api/payments/webhooks/test-card',
      headers: {
        'content-type': 'application/json',
        ...(signature === null ? {} : { 'x-test-processor-signature': signature }),
      },
      payload: body,
    });

  describe('the test processor tokenises cards and keeps nothing', () => {
    it('returns a token that carries the last four digits only', async () => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/test-processor/tokens',
        payload: { cardNumber: '4242 4242 4242 4242', expMonth: 12, expYear: 2099, cvc: '123' },
      });
      assert.equal(res.statusCode, 201, res.body);
      const body = json<{ token: string; card: { last4: string; brand: string } }>(res);
      assert.deepEqual(body.card, { last4: '4242', brand: 'visa' });
      const payload = Buffer.from(body.token.slice(4).split('.')[0] as string, 'base64url').toString();
      assert.ok(!payload.includes(GOOD_CARD) && !payload.includes('123"'), payload);
      assert.ok(!body.token.includes(GOOD_CARD));
    });

    const bad: Array<[string, Record<string, unknown>, string]> = [
      ['fails the Luhn check', { cardNumber: '4242424242424241' }, 'cardNumber'],
      ['has letters', { cardNumber: '4242abcd42424242' }, 'cardNumber'],
      ['is too short', { cardNumber: '42424242' }, 'cardNumber'],
      ['has expired', { expMonth: 1, expYear: 2020 }, 'expYear'],
      ['has a month 13', { expMonth: 13 }, 'expMonth'],
      ['has a 2-digit cvc', { cvc: '12' }, 'cvc'],
    ];
    for (const [name, patch, field] of bad) {
      it(`a card that ${name} is a 400 naming ${field}`, async () => {
        const res = await t.app.inject({
          method: 'POST',
          url: '/api/test-processor/tokens',
          payload: { cardNumber: GOOD_CARD, expMonth: 12, expYear: 2099, cvc: '123', ...patch },
        });
        assert.equal(res.statusCode, 400);
        const body = json<ErrorShape>(res);
        assert.equal(body.error.field, field);
        assert.ok(!res.body.includes('4242424242'), 'the card number is not echoed');
      });
    }

    it('unknown fields are refused', async () => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/test-processor/tokens',
        payload: { cardNumber: GOOD_CARD, expMonth: 12, expYear: 2099, cvc: '123', name: 'Ada' },
      });
      assert.equal(res.statusCode, 400);
    });
  });

  it('test card: authorised at checkout, captured by the signed webhook, order paid', async () => {
    const p = await createProduct(t.ctx.db, { priceCents: 12_345, stock: 3 });
    const { cookie } = await addToCart(t.app, p.variantId, 2);
    const token = await cardToken(t.app, GOOD_CARD);
    const res = await placeOrder(t.app, cookie, checkoutPayload({ payment: { method: 'test_card', token } }));
    assert.equal(res.statusCode, 201, res.body);
    const placed = json<CheckoutResponse>(res);
    assert.equal(placed.order.payment.method, 'test_card');
    assert.equal(placed.order.payment.instructions, null);

    // The processor's webhook came in right after the commit.
    const order = await orderRow(placed.order.reference);
    assert.equal(order.status, 'paid');
    assert.ok(order.paidAt);
    const payment = await paymentOf(order.id);
    assert.equal(payment.provider, 'test_card');
    assert.equal(payment.status, 'captured');
    assert.match(payment.processorReference ?? '', /^tcp_/);
    assert.equal(payment.amountCents, 2 * 12_345 + 490);
    const events = await t.ctx.db.select().from(orderEvents).where(eq(orderEvents.orderId, order.id));
    const paid = events.find((e) => e.type === 'paid');
    assert.equal(paid?.actorType, 'payment_processor');

    const view = await t.app.inject({ method: 'GET', url: `/api/orders/by-link/${placed.accessToken}` });
    assert.equal(json<{ order: OrderView }>(view).order.status, 'paid');
    assert.equal(await stockOf(t.ctx.db, p.variantId), 1);
  });

  it('a declined card is a 402 payment_declined and nothing is written', async () => {
    const p = await createProduct(t.ctx.db, { stock: 2 });
    const { cookie } = await addToCart(t.app, p.variantId, 2);
    const token = await cardToken(t.app, DECLINED_TEST_CARD);
    const before = await Promise.all(WRITTEN_TABLES.map((table) => countRows(t.ctx.db, table)));
    const res = await placeOrder(t.app, cookie, checkoutPayload({ payment: { method: 'test_card', token } }));
    assert.equal(res.statusCode, 402);
    const body = json<ErrorShape>(res);
    assert.equal(body.error.code, 'payment_declined');
    assert.match(body.error.message, /declined/);
    assert.deepEqual(await Promise.all(WRITTEN_TABLES.map((table) => countRows(t.ctx.db, table))), before);
    assert.equal(await stockOf(t.ctx.db, p.variantId), 2);
    const cart = await t.app.inject({ method: 'GET', url: '/api/cart', headers: { cookie } });
    assert.equal(json<{ cart: CartView }>(cart).cart.lines.length, 1, 'the cart stays for another try');

    // The same cart then pays by another card.
    const good = await cardToken(t.app, GOOD_CARD);
    const retry = await placeOrder(
      t.app,
      cookie,
      checkoutPayload({ payment: { method: 'test_card', token: good } }),
    );
    assert.equal(retry.statusCode, 201);
    assert.equal(await stockOf(t.ctx.db, p.variantId), 0);
  });

  it('a forged or tampered token is a 400 naming payment.token and writes nothing', async () => {
    const p = await createProduct(t.ctx.db, { stock: 2 });
    const { cookie } = await addToCart(t.app, p.variantId, 1);
    const good = await cardToken(t.app, GOOD_CARD);
    const ordersBefore = await countRows(t.ctx.db, 'orders');
    for (const token of [`tok_${'a'.repeat(40)}.${'b'.repeat(43)}`, `${good.slice(0, -2)}xx`]) {
      const res = await placeOrder(
        t.app,
        cookie,
        checkoutPayload({ payment: { method: 'test_card', token } }),
      );
      assert.equal(res.statusCode, 400);
      assert.equal(json<ErrorShape>(res).error.field, 'payment.token');
    }
    assert.equal(await countRows(t.ctx.db, 'orders'), ordersBefore);
    assert.equal(await stockOf(t.ctx.db, p.variantId), 2);
  });

  describe('the webhook', () => {
    let held: WebhookRequest[] = [];
    before(() => setWebhookDelivery(t.ctx, async (request) => void held.push(request)));
    after(() => setWebhookDelivery(t.ctx, null));

    const placeHeld = async () => {
      held = [];
      const p = await createProduct(t.ctx.db, { stock: 5, priceCents: 10_000 });
      const { cookie } = await addToCart(t.app, p.variantId, 1);
      const token = await cardToken(t.app, GOOD_CARD);
      const res = await placeOrder(
        t.app,
        cookie,
        checkoutPayload({ payment: { method: 'test_card', token } }),
      );
      assert.equal(res.statusCode, 201, res.body);
      const request = held[0];
      assert.ok(request, 'the processor sent a webhook');
      return { placed: json<CheckoutResponse>(res), request, variantId: p.variantId };
    };

    it('before the webhook the order waits with an authorised payment; a repeat changes nothing', async () => {
      const { placed, request } = await placeHeld();
      let order = await orderRow(placed.order.reference);
      assert.equal(order.status, 'placed');
      assert.equal((await paymentOf(order.id)).status, 'authorized');

      const first = await postWebhook(request.body, request.headers['x-test-processor-signature'] as string);
      assert.equal(first.statusCode, 200, first.body);
      assert.equal(json<{ outcome: string }>(first).outcome, 'captured');
      order = await orderRow(placed.order.reference);
      assert.equal(order.status, 'paid');
      const eventsAfterFirst = await countRows(t.ctx.db, 'order_events');

      const again = await postWebhook(request.body, request.headers['x-test-processor-signature'] as string);
      assert.equal(again.statusCode, 200);
      assert.equal(json<{ outcome: string }>(again).outcome, 'already_captured');
      assert.equal(await countRows(t.ctx.db, 'order_events'), eventsAfterFirst);
      assert.equal((await orderRow(placed.order.reference)).paidAt?.getTime(), order.paidAt?.getTime());
    });

    it('a missing, wrong or stale signature, or a tampered body, is a 401 and changes nothing', async () => {
      const { placed, request } = await placeHeld();
      const signature = request.headers['x-test-processor-signature'] as string;
      const tampered = request.body.replace(/"amountCents":\d+/, '"amountCents":1');
      const stale = signWebhook(WEBHOOK_SECRET, request.body, new Date(Date.now() - 3_600_000));
      const attempts: Array<[string, string | null]> = [
        [request.body, null],
        [request.body, 't=1,v1=abc'],
        [request.body, signWebhook('whsec_someone_else_0123456789', request.body, new Date())],
        [request.body, stale],
        [tampered, signature],
      ];
      for (const [body, sig] of attempts) {
        const res = await postWebhook(body, sig);
        assert.equal(res.statusCode, 401, String(sig));
        assert.equal(json<ErrorShape>(res).error.code, 'unauthenticated');
      }
      assert.equal((await orderRow(placed.order.reference)).status, 'placed');
    });

    it('a signed event for an unknown payment is a 404; a wrong amount is a 400', async () => {
      const { request } = await placeHeld();
      const unknown = request.body.replace(/"reference":"[^"]+"/, '"reference":"tcp_unknown"');
      let res = await postWebhook(unknown, signWebhook(WEBHOOK_SECRET, unknown, new Date()));
      assert.equal(res.statusCode, 404);
      const wrong = request.body.replace(/"amountCents":\d+/, '"amountCents":1');
      res = await postWebhook(wrong, signWebhook(WEBHOOK_SECRET, wrong, new Date()));
      assert.equal(res.statusCode, 400);
      assert.equal(json<ErrorShape>(res).error.field, 'data.amountCents');
    });

    it('staff cannot mark a card payment paid by hand; cancelling voids it, returns the stock, and a capture that crossed it is refunded', async () => {
      const { placed, variantId } = await placeHeld();
      const order = await orderRow(placed.order.reference);
      const staff = await t.staffCookie();
      let res = await t.app.inject({
        method: 'POST',
        url: `/api/admin/orders/${order.id}/mark-paid`,
        headers: { cookie: staff },
      });
      assert.equal(res.statusCode, 409);
      assert.equal(json<ErrorShape>(res).error.field, 'paymentMethod');
      assert.equal(await stockOf(t.ctx.db, variantId), 4);
      res = await t.app.inject({
        method: 'POST',
        url: `/api/admin/orders/${order.id}/cancel`,
        headers: { cookie: staff },
        payload: { reason: 'Customer asked to cancel' },
      });
      assert.equal(res.statusCode, 200, res.body);
      assert.equal((await paymentOf(order.id)).status, 'voided');
      assert.equal(await stockOf(t.ctx.db, variantId), 5);
      // A capture that crossed the cancellation took the money after all: it is recorded, never left as
      // "voided", and refunded in full at once through the processor.
      const request = held[0] as WebhookRequest;
      const late = await postWebhook(request.body, request.headers['x-test-processor-signature'] as string);
      assert.equal(late.statusCode, 200);
      assert.equal(json<{ outcome: string }>(late).outcome, 'captured');
      assert.equal((await orderRow(placed.order.reference)).status, 'cancelled');
      const payment = await paymentOf(order.id);
      assert.equal(payment.status, 'refunded');
      const refunded = await t.ctx.db.select().from(refunds).where(eq(refunds.paymentId, payment.id));
      assert.deepEqual(
        refunded.map((r) => [r.status, r.amountCents]),
        [['succeeded', payment.amountCents]],
      );
      const again = await postWebhook(request.body, request.headers['x-test-processor-signature'] as string);
      assert.equal(json<{ outcome: string }>(again).outcome, 'already_captured');
      assert.equal(
        (await t.ctx.db.select().from(refunds).where(eq(refunds.paymentId, payment.id))).length,
        1,
        'refunded once',
      );
    });

    it('unknown event types are acknowledged and ignored', async () => {
      const body = JSON.stringify({
        id: 'evt_1',
        type: 'payment.refunded',
        created: 1,
        data: { reference: 'x', amountCents: 1, currency: 'USD' },
      });
      const res = await postWebhook(body, signWebhook(WEBHOOK_SECRET, body, new Date()));
      assert.equal(res.statusCode, 200);
      assert.equal(json<{ outcome: string }>(res).outcome, 'ignored');
    });
  });

  it('no card number appears in any table (PV-PAY-1)', async () => {
    const tables = await t.ctx.database.rows<{ table_name: string }>(
      sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`,
    );
    assert.ok(tables.length >= 10);
    for (const { table_name } of tables) {
      const rows = await t.ctx.database.rows<{ row: string }>(
        sql.raw(`select t::text as row from "${table_name}" t`),
      );
      for (const { row } of rows) {
        assert.ok(!row.includes(GOOD_CARD), `${table_name} holds a card number`);
        assert.ok(!row.includes(DECLINED_TEST_CARD), `${table_name} holds a card number`);
        assert.ok(!row.includes('tok_'), `${table_name} holds a card token`);
      }
    }
    assert.ok((await countRows(t.ctx.db, 'payments')) > 0, 'card payments were made in this file');
  });
});
