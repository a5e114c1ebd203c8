import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { mailOutbox } from '../../src/messaging/schema.ts';
import {
  carts,
  idempotencyKeys,
  orderEvents,
  orderLines,
  orders,
  payments,
} from '../../src/orders/schema.ts';
import type { CartView, CheckoutResponse, OrderView } from '../../src/orders/schemas.ts';
import { sha256 } from '../../src/shared/crypto.ts';
import { json, startTestApp, type TestApp } from '../helpers/app.ts';
import {
  addToCart,
  buy,
  checkoutPayload,
  countRows,
  createProduct,
  type ErrorShape,
  newKey,
  placeOrder,
  sampleAddress,
  stockOf,
} from '../helpers/orders-fixtures.ts';

describe('checkout (SH-ORD-1)', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(() => t.close());

  it('the whole purchase: cart → bank transfer → paid → shipped → delivered → the customer sees it all', async () => {
    const phone = await createProduct(t.ctx.db, {
      name: 'Pixel Journey',
      variantName: '256 GB, blue',
      priceCents: 89_900,
      stock: 4,
      category: 'smartphone',
    });
    const case_ = await createProduct(t.ctx.db, {
      name: 'Clear Case',
      variantName: 'Pixel size',
      priceCents: 1_990,
      stock: 10,
      category: 'accessory',
      clearance: true,
      specialWarranty: true,
    });
    let { cookie } = await addToCart(t.app, phone.variantId, 2);
    ({ cookie } = await addToCart(t.app, case_.variantId, 1, cookie));

    const res = await placeOrder(
      t.app,
      cookie,
      checkoutPayload({ email: '  Ada@Example.COM ', shippingMethod: 'express' }),
    );
    assert.equal(res.statusCode, 201, res.body);
    const placed = json<CheckoutResponse>(res);
    assert.match(placed.order.reference, /^AC-\d{2}-\d{5}$/);
    assert.equal(placed.order.status, 'placed');
    assert.equal(placed.order.email, 'ada@example.com');
    assert.deepEqual(placed.order.totals, {
      subtotalCents: 2 * 89_900 + 1_990,
      discountCents: 0,
      couponCode: null,
      shippingCents: 1_490,
      totalCents: 2 * 89_900 + 1_990 + 1_490,
      currency: 'USD',
    });
    assert.equal(placed.order.shippingMethod.code, 'express');
    assert.equal(placed.order.payment.method, 'bank_transfer');
    assert.equal(placed.order.payment.status, 'pending');
    assert.equal(placed.order.payment.instructions?.reference, placed.order.reference);
    assert.equal(placed.order.payment.instructions?.amountCents, placed.order.totals.totalCents);
    assert.match(placed.orderUrl, /^http:\/\/localhost:3000\/orders\/view\?token=/);
    assert.deepEqual(
      placed.order.timeline.map((e) => e.type),
      ['placed'],
    );

    // Stock taken, lines frozen with the after-sales facts, cart closed.
    assert.equal(await stockOf(t.ctx.db, phone.variantId), 2);
    assert.equal(await stockOf(t.ctx.db, case_.variantId), 9);
    const [order] = await t.ctx.db.select().from(orders).where(eq(orders.reference, placed.order.reference));
    assert.ok(order);
    const lines = await t.ctx.db.select().from(orderLines).where(eq(orderLines.orderId, order.id));
    const caseLine = lines.find((l) => l.variantId === case_.variantId);
    assert.equal(caseLine?.category, 'accessory');
    assert.equal(caseLine?.clearance, true);
    assert.equal(caseLine?.specialWarranty, true);
    assert.equal(caseLine?.sku, case_.sku);
    assert.equal(caseLine?.productName, 'Clear Case');
    const cartAfter = await t.app.inject({ method: 'GET', url: '/api/cart', headers: { cookie } });
    assert.deepEqual(json<{ cart: CartView }>(cartAfter).cart.lines, []);

    // The confirmation email, with the transfer instructions and the signed link.
    const [placedMail] = await t.ctx.db.select().from(mailOutbox).where(eq(mailOutbox.orderId, order.id));
    assert.ok(placedMail);
    assert.equal(placedMail.template, 'order_placed');
    assert.equal(placedMail.toAddress, 'ada@example.com');
    assert.match(placedMail.textBody, new RegExp(`Reference: ${placed.order.reference}`));
    assert.match(placedMail.textBody, /Routing number \(ABA\)/);
    assert.match(placedMail.textBody, /Total: \$1,832\.80/);
    assert.ok(placedMail.textBody.includes(placed.orderUrl));

    // Staff: mark paid, ship with tracking, deliver.
    const staff = await t.staffCookie();
    const admin = (action: string, payload?: object) =>
      t.app.inject({
        method: 'POST',
        url: `/api/admin/orders/${order.id}/${action}`,
        headers: { cookie: staff },
        ...(payload ? { payload } : {}),
      });
    let step = await admin('mark-paid');
    assert.equal(step.statusCode, 200, step.body);
    assert.equal(json<{ order: OrderView }>(step).order.status, 'paid');
    step = await admin('ship', { carrier: 'DHL Express', trackingNumber: 'JD0146000031' });
    assert.equal(step.statusCode, 200, step.body);
    step = await admin('deliver', {});
    assert.equal(step.statusCode, 200, step.body);

    // The customer looks the order up by reference and email.
    const lookup = await t.app.inject({
      method: 'POST',
      url: '/api/orders/lookup',
      payload: { reference: placed.order.reference.toLowerCase(), email: 'ADA@example.com' },
    });
    assert.equal(lookup.statusCode, 200, lookup.body);
    const seen = json<{ order: OrderView }>(lookup).order;
    assert.equal(seen.status, 'delivered');
    assert.deepEqual(seen.tracking, { carrier: 'DHL Express', trackingNumber: 'JD0146000031' });
    assert.ok(seen.paidAt && seen.shippedAt && seen.deliveredAt);
    assert.equal(seen.deliveryUntraceable, false);
    assert.equal(seen.payment.status, 'captured');
    assert.equal(seen.payment.instructions, null);
    assert.deepEqual(
      seen.timeline.map((e) => [e.type, e.status]),
      [
        ['placed', 'placed'],
        ['paid', 'paid'],
        ['shipped', 'shipped'],
        ['delivered', 'delivered'],
      ],
    );
    assert.equal(seen.shippingAddress.name, sampleAddress.name);
    assert.ok(!('actor' in (seen.timeline[1] as object)), 'customers do not see who on staff did what');

    // Both SH-ORD-1 emails are in the outbox.
    const mails = await t.ctx.db.select().from(mailOutbox).where(eq(mailOutbox.orderId, order.id));
    assert.deepEqual(mails.map((m) => m.template).sort(), ['order_placed', 'order_shipped']);
    const shippedMail = mails.find((m) => m.template === 'order_shipped');
    assert.match(shippedMail?.textBody ?? '', /Carrier: DHL Express/);
    assert.match(shippedMail?.textBody ?? '', /Tracking number: JD0146000031/);
    assert.match(shippedMail?.textBody ?? '', /Shipped on: /);

    // Every change has its timeline row with the actor.
    const events = await t.ctx.db.select().from(orderEvents).where(eq(orderEvents.orderId, order.id));
    assert.deepEqual(events.map((e) => e.actorType).sort(), ['customer', 'staff', 'staff', 'staff']);
    assert.ok(events.filter((e) => e.actorType === 'staff').every((e) => e.actorName === 'Shop owner'));
  });

  it('order references count up per year', async () => {
    const p = await createProduct(t.ctx.db, { stock: 10 });
    const a = json<CheckoutResponse>(await buy(t.app, p.variantId));
    const b = json<CheckoutResponse>(await buy(t.app, p.variantId));
    const yy = String(new Date().getUTCFullYear() % 100).padStart(2, '0');
    assert.match(a.order.reference, new RegExp(`^AC-${yy}-\\d{5}$`));
    const n = (ref: string) => Number(ref.slice(-5));
    assert.equal(n(b.order.reference), n(a.order.reference) + 1);
  });

  it('an empty cart, or no cart at all, is a 409 saying the cart is empty', async () => {
    let res = await placeOrder(t.app, '');
    assert.equal(res.statusCode, 409);
    assert.equal(json<ErrorShape>(res).error.field, 'cart');
    assert.match(json<ErrorShape>(res).error.message, /cart is empty/);

    const p = await createProduct(t.ctx.db);
    const { cookie } = await addToCart(t.app, p.variantId, 1);
    await t.app.inject({ method: 'DELETE', url: `/api/cart/lines/${p.variantId}`, headers: { cookie } });
    res = await placeOrder(t.app, cookie);
    assert.equal(res.statusCode, 409);
    assert.match(json<ErrorShape>(res).error.message, /cart is empty/);
  });

  it('a checked-out cart cannot be ordered again with a new key', async () => {
    const p = await createProduct(t.ctx.db, { stock: 5 });
    const { cookie } = await addToCart(t.app, p.variantId, 1);
    assert.equal((await placeOrder(t.app, cookie)).statusCode, 201);
    const again = await placeOrder(t.app, cookie);
    assert.equal(again.statusCode, 409);
    assert.equal(await stockOf(t.ctx.db, p.variantId), 4);
  });

  it('more than the stock at checkout is a 409 naming the line, and nothing is written', async () => {
    const p = await createProduct(t.ctx.db, { name: 'Last Tablet', stock: 3, category: 'tablet' });
    const other = await createProduct(t.ctx.db, { stock: 5 });
    let { cookie } = await addToCart(t.app, other.variantId, 1);
    ({ cookie } = await addToCart(t.app, p.variantId, 3, cookie));
    // Someone else buys two meanwhile.
    assert.equal((await buy(t.app, p.variantId, 2)).statusCode, 201);
    const ordersBefore = await countRows(t.ctx.db, 'orders');
    const res = await placeOrder(t.app, cookie);
    assert.equal(res.statusCode, 409);
    const body = json<ErrorShape>(res);
    assert.equal(body.error.field, `lines.${p.variantId}.quantity`);
    assert.match(body.error.message, /Only 1 of Last Tablet/);
    assert.equal(await countRows(t.ctx.db, 'orders'), ordersBefore);
    assert.equal(await stockOf(t.ctx.db, p.variantId), 1);
    assert.equal(await stockOf(t.ctx.db, other.variantId), 5, 'the other line is rolled back too');
  });

  it('a product withdrawn from sale after it was put in the cart stops the checkout', async () => {
    const { products } = await import('../../src/catalog/schema.ts');
    const p = await createProduct(t.ctx.db, { name: 'Withdrawn Phone' });
    const { cookie } = await addToCart(t.app, p.variantId, 1);
    await t.ctx.db.update(products).set({ status: 'archived' }).where(eq(products.id, p.productId));
    const res = await placeOrder(t.app, cookie);
    assert.equal(res.statusCode, 409);
    assert.equal(json<ErrorShape>(res).error.field, `lines.${p.variantId}`);
    assert.equal(await stockOf(t.ctx.db, p.variantId), 5);
  });

  it('two concurrent checkouts for the last unit: exactly one 201 and one 409, stock 0', async () => {
    const p = await createProduct(t.ctx.db, { name: 'Last One', stock: 1 });
    const a = await addToCart(t.app, p.variantId, 1);
    const b = await addToCart(t.app, p.variantId, 1);
    const ordersBefore = await countRows(t.ctx.db, 'orders');
    const results = await Promise.all([placeOrder(t.app, a.cookie), placeOrder(t.app, b.cookie)]);
    assert.deepEqual(results.map((r) => r.statusCode).sort(), [201, 409]);
    const loser = results.find((r) => r.statusCode === 409) as (typeof results)[number];
    assert.equal(json<ErrorShape>(loser).error.field, `lines.${p.variantId}.quantity`);
    assert.equal(await stockOf(t.ctx.db, p.variantId), 0);
    assert.equal(await countRows(t.ctx.db, 'orders'), ordersBefore + 1);
  });

  it('many concurrent checkouts never sell more than the stock', async () => {
    const p = await createProduct(t.ctx.db, { stock: 3 });
    const buyers = await Promise.all(Array.from({ length: 8 }, () => addToCart(t.app, p.variantId, 1)));
    const results = await Promise.all(buyers.map((b) => placeOrder(t.app, b.cookie)));
    assert.equal(results.filter((r) => r.statusCode === 201).length, 3);
    assert.equal(results.filter((r) => r.statusCode === 409).length, 5);
    assert.equal(await stockOf(t.ctx.db, p.variantId), 0);
  });

  describe('Idempotency-Key', () => {
    it('the same key and request returns the same order, and only one order row exists', async () => {
      const p = await createProduct(t.ctx.db, { stock: 5 });
      const { cookie } = await addToCart(t.app, p.variantId, 2);
      const key = newKey();
      const first = await placeOrder(t.app, cookie, checkoutPayload(), key);
      const retry = await placeOrder(t.app, cookie, checkoutPayload(), key);
      assert.equal(first.statusCode, 201);
      assert.equal(retry.statusCode, 201);
      assert.deepEqual(json(retry), json(first));
      const ref = json<CheckoutResponse>(first).order.reference;
      assert.equal((await t.ctx.db.select().from(orders).where(eq(orders.reference, ref))).length, 1);
      assert.equal(await stockOf(t.ctx.db, p.variantId), 3);
    });

    it('concurrent duplicates with one key make one order', async () => {
      const p = await createProduct(t.ctx.db, { stock: 5 });
      const { cookie } = await addToCart(t.app, p.variantId, 1);
      const key = newKey();
      const results = await Promise.all(
        Array.from({ length: 4 }, () => placeOrder(t.app, cookie, checkoutPayload(), key)),
      );
      assert.deepEqual(
        results.map((r) => r.statusCode),
        [201, 201, 201, 201],
      );
      const refs = new Set(results.map((r) => json<CheckoutResponse>(r).order.reference));
      assert.equal(refs.size, 1);
      assert.equal(await stockOf(t.ctx.db, p.variantId), 4);
    });

    it('the same key with a different body, or from another cart, is a 409 naming Idempotency-Key', async () => {
      const p = await createProduct(t.ctx.db, { stock: 5 });
      const { cookie } = await addToCart(t.app, p.variantId, 1);
      const key = newKey();
      assert.equal((await placeOrder(t.app, cookie, checkoutPayload(), key)).statusCode, 201);
      const changed = await placeOrder(t.app, cookie, checkoutPayload({ shippingMethod: 'express' }), key);
      assert.equal(changed.statusCode, 409);
      assert.equal(json<ErrorShape>(changed).error.field, 'Idempotency-Key');
      const other = await addToCart(t.app, p.variantId, 1);
      const stolen = await placeOrder(t.app, other.cookie, checkoutPayload(), key);
      assert.equal(stolen.statusCode, 409);
      assert.equal(json<ErrorShape>(stolen).error.field, 'Idempotency-Key');
      assert.equal(await stockOf(t.ctx.db, p.variantId), 4);
    });

    it('a failed checkout leaves the key free for the retry', async () => {
      const p = await createProduct(t.ctx.db, { stock: 1 });
      const { cookie } = await addToCart(t.app, p.variantId, 1);
      const key = newKey();
      const bad = await placeOrder(t.app, cookie, checkoutPayload({ shippingMethod: 'pigeon' }), key);
      assert.equal(bad.statusCode, 400);
      const keys = await t.ctx.db.select().from(idempotencyKeys).where(eq(idempotencyKeys.key, key));
      assert.equal(keys.length, 0);
      assert.equal((await placeOrder(t.app, cookie, checkoutPayload(), key)).statusCode, 201);
    });

    it('a missing, short or long key is a 400 naming Idempotency-Key', async () => {
      const p = await createProduct(t.ctx.db);
      const { cookie } = await addToCart(t.app, p.variantId, 1);
      for (const key of [null, 'short', 'x'.repeat(101), 'has spaces in it']) {
        const res = await placeOrder(t.app, cookie, checkoutPayload(), key);
        assert.equal(res.statusCode, 400, String(key));
        assert.equal(json<ErrorShape>(res).error.field, 'Idempotency-Key');
      }
      const [cart] = await t.ctx.db
        .select()
        .from(carts)
        .where(eq(carts.tokenHash, sha256(cookie.slice('__Host-ac_cart='.length))));
      assert.equal(cart?.checkedOutAt, null, 'the cart is still open');
    });
  });

  describe('bad input is a 4xx naming the field, and writes nothing', () => {
    const cases: Array<[string, Record<string, unknown>, string]> = [
      ['email missing', { email: undefined }, 'email'],
      ['email invalid', { email: 'not-an-email' }, 'email'],
      ['unknown shipping method', { shippingMethod: 'pigeon' }, 'shippingMethod'],
      [
        'country not ISO 3166',
        { shippingAddress: { ...sampleAddress, country: 'XX' } },
        'shippingAddress.country',
      ],
      [
        'country a name',
        { shippingAddress: { ...sampleAddress, country: 'France' } },
        'shippingAddress.country',
      ],
      ['address name blank', { shippingAddress: { ...sampleAddress, name: '   ' } }, 'shippingAddress.name'],
      [
        'postal code too long',
        { shippingAddress: { ...sampleAddress, postalCode: '1'.repeat(21) } },
        'shippingAddress.postalCode',
      ],
      [
        'phone not a phone',
        { shippingAddress: { ...sampleAddress, phone: 'call me' } },
        'shippingAddress.phone',
      ],
      ['unknown payment method', { payment: { method: 'cash' } }, 'payment.method'],
      ['card payment without token', { payment: { method: 'test_card' } }, 'payment.token'],
    ];
    for (const [name, patch, field] of cases) {
      it(name, async () => {
        const p = await createProduct(t.ctx.db);
        const { cookie } = await addToCart(t.app, p.variantId, 1);
        const res = await placeOrder(t.app, cookie, checkoutPayload(patch));
        assert.equal(res.statusCode, 400, res.body);
        const body = json<ErrorShape>(res);
        assert.equal(body.error.code, 'validation_failed');
        assert.equal(body.error.field, field);
        assert.equal(await stockOf(t.ctx.db, p.variantId), 5);
      });
    }

    it('unknown fields at the top, in the address and in the payment', async () => {
      const p = await createProduct(t.ctx.db);
      const { cookie } = await addToCart(t.app, p.variantId, 1);
      const cases: Array<[Record<string, unknown>, string]> = [
        [{ discount: 100 }, 'discount'],
        [{ shippingAddress: { ...sampleAddress, floor: 3 } }, 'shippingAddress.floor'],
        [{ payment: { method: 'bank_transfer', cardNumber: '4242424242424242' } }, 'payment.cardNumber'],
      ];
      for (const [patch, field] of cases) {
        const res = await placeOrder(t.app, cookie, checkoutPayload(patch));
        assert.equal(res.statusCode, 400, JSON.stringify(patch));
        assert.equal(json<ErrorShape>(res).error.field, field);
      }
    });

    it('malformed JSON and an oversized body', async () => {
      let res = await t.app.inject({
        method: 'POST',
        url: '/api/checkout',
        headers: { 'content-type': 'application/json', 'idempotency-key': newKey() },
        payload: '{"email":',
      });
      assert.equal(res.statusCode, 400);
      res = await t.app.inject({
        method: 'POST',
        url: '/api/checkout',
        headers: { 'content-type': 'application/json', 'idempotency-key': newKey() },
        payload: JSON.stringify(checkoutPayload({ pad: 'x'.repeat(20_000) })),
      });
      assert.equal(res.statusCode, 413);
    });
  });

  it('the payment row of a bank transfer is pending with no processor reference', async () => {
    const p = await createProduct(t.ctx.db);
    const placed = json<CheckoutResponse>(await buy(t.app, p.variantId));
    const [order] = await t.ctx.db.select().from(orders).where(eq(orders.reference, placed.order.reference));
    const rows = await t.ctx.db
      .select()
      .from(payments)
      .where(eq(payments.orderId, order?.id as string));
    assert.equal(rows.length, 1);
    assert.equal(rows[0]?.provider, 'bank_transfer');
    assert.equal(rows[0]?.status, 'pending');
    assert.equal(rows[0]?.processorReference, null);
    assert.equal(rows[0]?.amountCents, placed.order.totals.totalCents);
  });
});
