/**
 * Checkout's input as people type it, through the API and the checkout page: postal codes per country
 * (refused with the field's name and an example, stored as the country's post writes them), card expiry
 * dates in the usual spellings at the processor, and messages addressed to people, never a raw key.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { postcodeRules } from '../../src/orders/postcodes.ts';
import type { CheckoutResponse } from '../../src/orders/schemas.ts';
import { json, startTestApp, type TestApp } from '../helpers/app.ts';
import {
  addToCart,
  checkoutPayload,
  countRows,
  createProduct,
  type ErrorShape,
  placeOrder,
  sampleAddress,
  stockOf,
} from '../helpers/orders-fixtures.ts';

const FORM = { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-origin' };

describe('checkout forms: postal codes per country and cards as typed', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(() => t.close());

  const addressIn = (country: string, postalCode: string) =>
    checkoutPayload({ shippingAddress: { ...sampleAddress, country, postalCode } });

  it('a US postcode "ABCDE!" is refused naming shippingAddress.postalCode with an example, and nothing is written', async () => {
    const p = await createProduct(t.ctx.db, { stock: 5 });
    const { cookie } = await addToCart(t.app, p.variantId, 1);
    const orders = await countRows(t.ctx.db, 'orders');
    const res = await placeOrder(t.app, cookie, addressIn('US', 'ABCDE!'));
    assert.equal(res.statusCode, 400, res.body);
    const { error } = json<ErrorShape>(res);
    assert.equal(error.code, 'validation_failed');
    assert.equal(error.field, 'shippingAddress.postalCode');
    assert.equal(
      error.message,
      'shippingAddress.postalCode: Enter a valid ZIP code such as 95014 (United States)',
    );
    assert.equal(await stockOf(t.ctx.db, p.variantId), 5);
    assert.equal(await countRows(t.ctx.db, 'orders'), orders);
  });

  it('every country with a rule refuses a malformed code with a 400 naming the field and showing its example', async () => {
    const p = await createProduct(t.ctx.db, { stock: 5 });
    const { cookie } = await addToCart(t.app, p.variantId, 1);
    for (const [country, rule] of Object.entries(postcodeRules)) {
      const res = await placeOrder(t.app, cookie, addressIn(country, '!?'));
      assert.equal(res.statusCode, 400, `${country}: ${res.body}`);
      const { error } = json<ErrorShape>(res);
      assert.equal(error.field, 'shippingAddress.postalCode', country);
      assert.ok(error.message.includes(`such as ${rule.example}`), `${country}: ${error.message}`);
    }
    assert.equal(await countRows(t.ctx.db, 'orders'), 0);
  });

  it('a code is required where the country uses them, and may be left out where it does not', async () => {
    const missing = await placeOrder(t.app, '', addressIn('DE', ''));
    assert.equal(missing.statusCode, 400);
    assert.equal(json<ErrorShape>(missing).error.field, 'shippingAddress.postalCode');
    assert.match(json<ErrorShape>(missing).error.message, /Enter the postal code, such as 10117/);

    const p = await createProduct(t.ctx.db, { stock: 5 });
    const { cookie } = await addToCart(t.app, p.variantId, 1);
    const payload = checkoutPayload({
      shippingAddress: { name: 'Li Lei', line1: '1 Queen’s Road', city: 'Hong Kong', country: 'HK' },
    });
    const res = await placeOrder(t.app, cookie, payload);
    assert.equal(res.statusCode, 201, res.body);
    assert.equal(json<CheckoutResponse>(res).order.shippingAddress.postalCode, '');
  });

  it('stores the code as the post writes it: "sw1a1aa" in GB is SW1A 1AA, "222021234" in the US is 22202-1234', async () => {
    for (const [country, typed, stored] of [
      ['GB', 'sw1a1aa', 'SW1A 1AA'],
      ['US', '222021234', '22202-1234'],
      ['NL', '1012js', '1012 JS'],
      ['CA', 'k1a 0b1', 'K1A 0B1'],
    ] as const) {
      const p = await createProduct(t.ctx.db, { stock: 5 });
      const { cookie } = await addToCart(t.app, p.variantId, 1);
      const res = await placeOrder(t.app, cookie, addressIn(country, typed));
      assert.equal(res.statusCode, 201, res.body);
      assert.equal(json<CheckoutResponse>(res).order.shippingAddress.postalCode, stored);
    }
  });

  it('the processor reads an expiry typed as 12/30, 1230, 12 / 2030 or 12-30, or given as month and two-digit year', async () => {
    const card = { cardNumber: '4242 4242 4242 4242', cvc: '123' };
    for (const expiry of ['12/30', '1230', '12 / 2030', '12-30']) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/test-processor/tokens',
        payload: { ...card, expiry },
      });
      assert.equal(res.statusCode, 201, `${expiry}: ${res.body}`);
    }
    const twoDigits = await t.app.inject({
      method: 'POST',
      url: '/api/test-processor/tokens',
      payload: { ...card, expMonth: 12, expYear: 30 },
    });
    assert.equal(twoDigits.statusCode, 201, twoDigits.body);
  });

  it('the processor names the card field in a sentence for the card holder', async () => {
    const cases: Array<[Record<string, unknown>, string, RegExp]> = [
      [{ cardNumber: '4242', expiry: '12/30', cvc: '123' }, 'cardNumber', /Enter the card number as printed/],
      [
        { cardNumber: '4242 4242 4242 4241', expiry: '12/30', cvc: '123' },
        'cardNumber',
        /This card number is not valid/,
      ],
      [{ cardNumber: '4242424242424242', expiry: '13/30', cvc: '123' }, 'expiry', /Enter the expiry date/],
      [{ cardNumber: '4242424242424242', expiry: '01/20', cvc: '123' }, 'expYear', /This card has expired/],
      [{ cardNumber: '4242424242424242', expMonth: 12, cvc: '123' }, 'expYear', /Enter the expiry date/],
      [{ cardNumber: '4242424242424242', expiry: '12/30', cvc: '1' }, 'cvc', /Enter the security code/],
      [
        { cardNumber: '4242424242424242', expMonth: 0, expYear: 30, cvc: '123' },
        'expMonth',
        /Enter the expiry/,
      ],
      [
        { cardNumber: '4242424242424242', expMonth: 1.5, expYear: 30, cvc: '123' },
        'expMonth',
        /Enter the expiry/,
      ],
      [{ cardNumber: 4242424242424242, expiry: '12/30', cvc: '123' }, 'cardNumber', /Enter the card number/],
      [{ cardNumber: '4242424242424242', expiry: '12/30', cvc: 123 }, 'cvc', /Enter the security code/],
    ];
    for (const [payload, field, message] of cases) {
      const res = await t.app.inject({ method: 'POST', url: '/api/test-processor/tokens', payload });
      assert.equal(res.statusCode, 400, JSON.stringify(payload));
      const { error } = json<ErrorShape>(res);
      assert.equal(error.field, field, JSON.stringify(payload));
      const forPeople = error.message.slice(`${field}: `.length);
      assert.match(forPeople, message);
      assert.match(forPeople, /^[A-Z][^:]*card|^[A-Z].*card/);
    }
  });

  it('the checkout page checks the rest of the form when the card was refused in the browser, placing nothing', async () => {
    const p = await createProduct(t.ctx.db, { stock: 5 });
    const { cookie } = await addToCart(t.app, p.variantId, 1);
    const page = await t.app.inject({ url: '/checkout', headers: { cookie } });
    const idempotencyKey = /name="idempotencyKey" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
    const fields = {
      idempotencyKey,
      intent: 'check',
      email: 'grace@example.com',
      'shippingAddress.name': 'Grace Hopper',
      'shippingAddress.line1': '1 Navy Yard',
      'shippingAddress.city': 'Arlington',
      'shippingAddress.postalCode': 'ABCDE!',
      'shippingAddress.country': 'US',
      shippingMethod: 'post',
      'payment.method': 'test_card',
    };
    const post = (f: Record<string, string>) =>
      t.app.inject({
        method: 'POST',
        url: '/checkout',
        headers: { ...FORM, cookie },
        payload: new URLSearchParams(f).toString(),
      });
    const orders = await countRows(t.ctx.db, 'orders');
    const refused = await post(fields);
    assert.equal(refused.statusCode, 400);
    const html = refused.body.replaceAll('<!-- -->', '');
    assert.match(html, /One thing to fix before placing the order/);
    assert.match(
      html,
      /id="field-shippingAddress-postalCode-error"[^>]*>.*?Enter a valid ZIP code such as 95014 \(United States\)/s,
    );
    assert.doesNotMatch(html, /Enter your card details again/, 'the card is the browser’s to report');

    const fine = await post({ ...fields, 'shippingAddress.postalCode': '22202' });
    assert.equal(fine.statusCode, 200);
    assert.doesNotMatch(fine.body, /to fix before placing the order/);
    assert.equal(await countRows(t.ctx.db, 'orders'), orders);
    assert.equal(await stockOf(t.ctx.db, p.variantId), 5);
  });
});
