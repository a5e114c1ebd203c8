/**
 * PV-COL-1 at each place the shop collects personal data — account creation, order placement, the address
 * book, messages to customer service: each kind sent is stored only where that collection point keeps it,
 * and what it does not collect (the browser's name, the IP address) is stored nowhere. Every request carries
 * a distinctive value of each kind; the whole database is then searched for it.
 */
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { GOOD_PASSWORD, linkToken, sessionCookie } from '../helpers/accounts-fixtures.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { deliveredOrder, openCase } from '../helpers/cases-fixtures.ts';
import { addToCart, createProduct, newKey } from '../helpers/orders-fixtures.ts';
import { whereStored } from '../helpers/stored-data.ts';

/** What a browser sends besides the form: its name and its address; each test's own, so they tell apart. */
let BROWSER = '';
let IP = '';
let visitors = 0;
function newVisitor(): void {
  visitors += 1;
  BROWSER = `Zqxbrowser/${visitors}.41 (collection test)`;
  IP = `198.51.100.${visitors + 200}`;
}

describe('PV-COL-1: what each collection point stores', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp({ env: { CUSTOMER_AUTH_PER_MINUTE: '100000' } });
  });
  after(() => t.close());

  beforeEach(newVisitor);

  const send = (
    method: 'POST' | 'GET',
    url: string,
    payload?: object,
    headers: Record<string, string> = {},
  ) =>
    t.app.inject({ method, url, payload, remoteAddress: IP, headers: { 'user-agent': BROWSER, ...headers } });

  it('PV-COL-1: account creation keeps the name and email on the account (the verification email goes to the address); the IP address and browser only in the session opened by signing in', async () => {
    const markers = {
      name: 'Quillon Varnadotti',
      email: 'quillon.signup@example.com',
      ip: IP,
      browser: BROWSER,
    };
    const res = await send('POST', '/api/account/sign-up', {
      email: markers.email,
      password: GOOD_PASSWORD,
      name: markers.name,
    });
    assert.equal(res.statusCode, 202, res.body);
    const extra = await send('POST', '/api/account/sign-up', {
      email: 'other@example.com',
      password: GOOD_PASSWORD,
      name: 'Other',
      phone: '+1 555 0100',
    });
    assert.equal(extra.statusCode, 400, 'a field sign-up does not collect is refused, not stored');
    const verified = await send('POST', '/api/account/verify', {
      token: await linkToken(t, markers.email, 'account_verify'),
    });
    assert.equal(verified.statusCode, 200, verified.body);
    assert.deepEqual(await whereStored(t.ctx.db, markers), {
      name: ['customers.name'],
      email: ['customers.email', 'mail_outbox.to_address'],
      ip: [],
      browser: [],
    });
    const signedIn = await send('POST', '/api/account/session', {
      email: markers.email,
      password: GOOD_PASSWORD,
    });
    assert.equal(signedIn.statusCode, 200, signedIn.body);
    const stored = await whereStored(t.ctx.db, markers);
    assert.deepEqual(stored.ip, ['customer_sessions.ip']);
    assert.deepEqual(stored.browser, ['customer_sessions.user_agent']);
  });

  it('PV-COL-1: order placement keeps the email and the shipping address with its name and phone on the order (and its emails and stored answer), never the IP address or browser', async () => {
    const markers = {
      email: 'quillon.order@example.com',
      name: 'Quillon Ordermann',
      street: '41 Zqxmarker Lane',
      phone: '+1 555 0177',
      ip: IP,
      browser: BROWSER,
    };
    const p = await createProduct(t.ctx.db, { stock: 3 });
    const { cookie } = await addToCart(t.app, p.variantId, 1);
    const res = await send(
      'POST',
      '/api/checkout',
      {
        email: markers.email,
        shippingAddress: {
          name: markers.name,
          line1: markers.street,
          city: 'Springfield',
          postalCode: '62704',
          region: 'IL',
          country: 'US',
          phone: markers.phone,
        },
        shippingMethod: 'post',
        payment: { method: 'bank_transfer' },
      },
      { cookie, 'idempotency-key': newKey() },
    );
    assert.equal(res.statusCode, 201, res.body);
    const stored = await whereStored(t.ctx.db, markers);
    // The order itself, the confirmation email, and the checkout's stored answer (for retries; PV-MIN-1
    // deletes it after a day).
    assert.deepEqual(stored.email, [
      'idempotency_keys.response_body',
      'mail_outbox.to_address',
      'orders.email',
    ]);
    for (const kind of ['name', 'street', 'phone'] as const) {
      assert.ok(stored[kind].includes('orders.shipping_address'), kind);
      assert.deepEqual(
        stored[kind].filter(
          (c) =>
            !['orders.shipping_address', 'idempotency_keys.response_body'].includes(c) &&
            !c.startsWith('mail_outbox.'),
        ),
        [],
        `${kind}: ${stored[kind].join(', ')}`,
      );
    }
    assert.deepEqual(stored.ip, []);
    assert.deepEqual(stored.browser, []);
  });

  it('PV-COL-1: the address book keeps the name, address and phone in the saved address only, never the IP address or browser', async () => {
    await send('POST', '/api/account/sign-up', {
      email: 'book@example.com',
      password: GOOD_PASSWORD,
      name: 'Book Keeper',
    });
    await send('POST', '/api/account/verify', {
      token: await linkToken(t, 'book@example.com', 'account_verify'),
    });
    const cookie = await sessionCookie(t, 'book@example.com');
    const markers = {
      name: 'Quillon Bookholder',
      street: '9 Zqxaddress Row',
      phone: '+44 20 7946 0999',
      ip: IP,
      browser: BROWSER,
    };
    const res = await send(
      'POST',
      '/api/account/addresses',
      {
        address: {
          name: markers.name,
          line1: markers.street,
          city: 'London',
          postalCode: 'N1 9GU',
          country: 'GB',
          phone: markers.phone,
        },
      },
      { cookie },
    );
    assert.equal(res.statusCode, 201, res.body);
    assert.deepEqual(await whereStored(t.ctx.db, markers), {
      name: ['customer_addresses.address'],
      street: ['customer_addresses.address'],
      phone: ['customer_addresses.address'],
      ip: [],
      browser: [],
    });
  });

  it('PV-COL-1: a message to customer service keeps what the customer wrote, on the question or the case, and nothing of the browser or IP address', async () => {
    const owner = await t.staffCookie();
    const order = await deliveredOrder(
      t,
      owner,
      [{ category: 'wearable', priceCents: 12_900 }],
      'delivered',
      'asker@example.com',
    );
    const markers = { question: 'Zqxquestion: can I still send it back?', ip: IP, browser: BROWSER };
    const asked = await send('POST', `/api/orders/by-link/${order.token}/questions`, {
      orderLineId: order.lineIds[0],
      kind: 'change_of_mind',
      facts: { openedByCustomer: false },
      body: markers.question,
    });
    assert.equal(asked.statusCode, 201, asked.body);
    assert.deepEqual(await whereStored(t.ctx.db, markers), {
      question: ['support_questions.body'],
      ip: [],
      browser: [],
    });

    const { reference } = await openCase(t, owner, order, order.lineIds[0] as string);
    const message = { message: 'Zqxmessage: the light blinks red', ip: IP, browser: BROWSER };
    const sent = await send('POST', `/api/orders/by-link/${order.token}/cases/${reference}/messages`, {
      body: message.message,
    });
    assert.equal(sent.statusCode, 201, sent.body);
    assert.deepEqual(await whereStored(t.ctx.db, message), {
      message: ['after_sales_case_messages.body'],
      ip: [],
      browser: [],
    });
  });
});
