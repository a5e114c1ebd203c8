/**
 * The address book on the profile page and saved addresses at checkout, as forms post them (issue 12 point
 * 6): wrong input refused at its field keeping what was typed, edit / default / remove, another customer's
 * address id refused without a 500, the default preselected at checkout, a chosen address shipped to, and
 * "save this address" for a signed-in customer only. Guests' checkout is as before, with its "Sign in" link.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { listAddresses } from '../../src/accounts/customers/addresses/address-book.service.ts';
import { customers } from '../../src/accounts/customers/schema.ts';
import { orders } from '../../src/orders/schema.ts';
import { sessionCookie, verifiedAccount } from '../helpers/accounts-fixtures.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { addToCart, countRows, createProduct } from '../helpers/orders-fixtures.ts';

const FORM = { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-origin' };

const typed = {
  'shippingAddress.name': 'Ada Lovelace',
  'shippingAddress.line1': '12 St James Square',
  'shippingAddress.city': 'London',
  'shippingAddress.postalCode': 'sw1y 4jh',
  'shippingAddress.country': 'GB',
};

/** The page's HTML without React's text separators. */
const html = (body: string) => body.replaceAll('<!-- -->', '');

describe('address book pages', () => {
  let t: TestApp;
  let ada = '';
  let bob = '';
  const post = (url: string, fields: Record<string, string>, cookie: string) =>
    t.app.inject({
      method: 'POST',
      url,
      headers: { ...FORM, cookie },
      payload: new URLSearchParams(fields).toString(),
    });
  const customerId = async (email: string) =>
    (await t.ctx.db.select({ id: customers.id }).from(customers).where(eq(customers.email, email)))[0]?.id ??
    '';
  const bookOf = async (email: string) => listAddresses(t.ctx, { id: await customerId(email) });

  before(async () => {
    t = await startTestApp({ env: { CUSTOMER_AUTH_PER_MINUTE: '100000', CUSTOMER_ADDRESSES_MAX: '2' } });
    await verifiedAccount(t, 'ada@example.com');
    await verifiedAccount(t, 'bob@example.com', undefined, 'Bob Byte');
    ada = await sessionCookie(t, 'ada@example.com');
    bob = await sessionCookie(t, 'bob@example.com');
  });
  after(() => t.close());

  it('the profile page adds an address; wrong input is refused at its field keeping what was typed, nothing saved', async () => {
    const page = await t.app.inject({ url: '/account/profile', headers: { cookie: ada } });
    assert.equal(page.statusCode, 200);
    assert.equal(page.headers['cache-control'], 'no-store');
    assert.match(html(page.body), /No saved addresses yet/);
    assert.match(html(page.body), /Add an address/);

    const cases: Array<[Record<string, string>, string, RegExp]> = [
      [{ 'shippingAddress.country': 'XX' }, 'country', /Choose the country to ship to/],
      [{ 'shippingAddress.postalCode': '12345' }, 'postalCode', /postcode such as SW1A 1AA/i],
      [{ 'shippingAddress.city': 'y'.repeat(150) }, 'city', /Use at most 100 characters/],
      [
        { 'shippingAddress.name': '\u200B\u200C' },
        'name',
        /Enter the name of the person who receives the parcel/,
      ],
    ];
    for (const [change, field, message] of cases) {
      const res = await post('/account/profile', { intent: 'address-add', ...typed, ...change }, ada);
      assert.equal(res.statusCode, 400, field);
      const body = html(res.body);
      assert.match(
        body,
        new RegExp(`id="field-shippingAddress-${field}-error"[^>]*>.*?${message.source}`, 's'),
        field,
      );
      assert.match(body, /value="12 St James Square"/, 'what was typed is kept');
    }
    assert.equal(await countRows(t.ctx.db, 'customer_addresses'), 0);

    const added = await post('/account/profile', { intent: 'address-add', ...typed }, ada);
    assert.equal(added.statusCode, 303, added.body);
    assert.equal(added.headers.location, '/account/profile?address-saved=1#addresses-title');
    const after = await t.app.inject({ url: '/account/profile?address-saved=1', headers: { cookie: ada } });
    const body = html(after.body);
    assert.match(body, /The address is saved/);
    assert.match(body, /SW1Y 4JH/);
    assert.match(body, />Default</);
  });

  it('edits an address through its link, makes another the default, and the book says when it is full', async () => {
    const [first] = await bookOf('ada@example.com');
    assert.ok(first);
    const edit = await t.app.inject({
      url: `/account/profile?edit-address=${first.id}`,
      headers: { cookie: ada },
    });
    assert.match(html(edit.body), /Change this address/);
    assert.match(html(edit.body), /value="12 St James Square"/);
    const saved = await post(
      `/account/profile?edit-address=${first.id}`,
      { intent: 'address-save', addressId: first.id, ...typed, 'shippingAddress.line2': 'Flat 3' },
      ada,
    );
    assert.equal(saved.statusCode, 303, saved.body);
    assert.equal((await bookOf('ada@example.com'))[0]?.address.line2, 'Flat 3');

    const second = await post(
      '/account/profile',
      { intent: 'address-add', ...typed, 'shippingAddress.line1': '1 Infinite Loop', isDefault: '1' },
      ada,
    );
    assert.equal(second.statusCode, 303);
    const book = await bookOf('ada@example.com');
    assert.deepEqual(
      book.map((a) => [a.address.line1, a.isDefault]),
      [
        ['1 Infinite Loop', true],
        ['12 St James Square', false],
      ],
    );
    const full = await t.app.inject({ url: '/account/profile', headers: { cookie: ada } });
    assert.match(html(full.body), /Your address book is full/);
    assert.doesNotMatch(html(full.body), /Add an address/);

    const made = await post('/account/profile', { intent: 'address-default', addressId: first.id }, ada);
    assert.equal(made.statusCode, 303);
    assert.equal((await bookOf('ada@example.com'))[0]?.id, first.id);
  });

  it("another customer's address id is refused without a 500, and changes nothing", async () => {
    const [adas] = await bookOf('ada@example.com');
    assert.ok(adas);
    for (const intent of ['address-remove', 'address-default']) {
      const res = await post('/account/profile', { intent, addressId: adas.id }, bob);
      assert.equal(res.statusCode, 404, intent);
      assert.match(html(res.body), /no longer in your address book/);
    }
    const save = await post(
      '/account/profile',
      { intent: 'address-save', addressId: adas.id, ...typed },
      bob,
    );
    assert.equal(save.statusCode, 404);
    const garbage = await post('/account/profile', { intent: 'address-remove', addressId: "1' or 1=1" }, bob);
    assert.equal(garbage.statusCode, 404);
    assert.equal((await bookOf('ada@example.com')).length, 2);
  });

  describe('checkout', () => {
    async function checkoutPage(cookie: string) {
      const p = await createProduct(t.ctx.db, { stock: 5 });
      const cart = await addToCart(t.app, p.variantId, 1);
      const both = [cart.cookie, cookie].filter(Boolean).join('; ');
      const page = await t.app.inject({ url: '/checkout', headers: { cookie: both } });
      assert.equal(page.statusCode, 200);
      const idempotencyKey = /name="idempotencyKey" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
      return { body: html(page.body), cookie: both, idempotencyKey };
    }
    const order = { shippingMethod: 'post', 'payment.method': 'bank_transfer' };

    it('a signed-in customer sees their addresses with the default chosen, and the order ships to the one picked', async () => {
      const [def, other] = await bookOf('ada@example.com');
      assert.ok(def?.isDefault && other);
      const page = await checkoutPage(ada);
      assert.match(page.body, /Ship to/);
      assert.match(page.body, new RegExp(`id="ship-to-${def.id}"[^>]*checked`));
      assert.doesNotMatch(page.body, new RegExp(`id="ship-to-${other.id}"[^>]*checked`));
      assert.match(page.body, /id="ship-to-new"/);
      // The full book offers no "save" box but says why.
      assert.match(page.body, /Your address book is full/);

      const res = await post(
        '/checkout',
        { ...order, idempotencyKey: page.idempotencyKey, email: 'ada@example.com', savedAddressId: other.id },
        page.cookie,
      );
      assert.equal(res.statusCode, 303, res.body);
      const [placed] = await t.ctx.db
        .select({ shippingAddress: orders.shippingAddress })
        .from(orders)
        .where(eq(orders.customerId, await customerId('ada@example.com')));
      assert.equal(placed?.shippingAddress.line1, other.address.line1);
    });

    it("another customer's saved address id is refused at the choice, typed values kept, nothing placed", async () => {
      const [adas] = await bookOf('ada@example.com');
      const page = await checkoutPage(bob);
      assert.doesNotMatch(page.body, /Ship to/, 'Bob has no saved addresses');
      const before = await countRows(t.ctx.db, 'orders');
      const res = await post(
        '/checkout',
        {
          ...order,
          ...typed,
          idempotencyKey: page.idempotencyKey,
          email: 'bob@example.com',
          savedAddressId: adas?.id ?? '',
        },
        page.cookie,
      );
      assert.equal(res.statusCode, 400);
      assert.match(html(res.body), /no longer in your address book/);
      assert.equal(await countRows(t.ctx.db, 'orders'), before);
    });

    it('"Save this address to my account" keeps the typed address in the signed-in book', async () => {
      const page = await checkoutPage(bob);
      assert.match(page.body, /Save this address to my account/);
      const res = await post(
        '/checkout',
        {
          ...order,
          ...typed,
          idempotencyKey: page.idempotencyKey,
          email: 'bob@example.com',
          saveAddress: '1',
        },
        page.cookie,
      );
      assert.equal(res.statusCode, 303, res.body);
      const book = await bookOf('bob@example.com');
      assert.deepEqual(
        book.map((a) => [a.address.postalCode, a.isDefault]),
        [['SW1Y 4JH', true]],
      );
    });

    it('a guest sees no saved addresses and no save box, and is offered to sign in', async () => {
      const page = await checkoutPage('');
      assert.doesNotMatch(page.body, /Ship to|Save this address/);
      assert.match(page.body, /href="\/account\/sign-in\?next=\/checkout"[^>]*>Sign in/);
      const before = await countRows(t.ctx.db, 'customer_addresses');
      const res = await post(
        '/checkout',
        {
          ...order,
          ...typed,
          idempotencyKey: page.idempotencyKey,
          email: 'guest@example.com',
          saveAddress: '1',
        },
        page.cookie,
      );
      assert.equal(res.statusCode, 400, 'a forged save box is refused for a guest');
      assert.match(html(res.body), /Sign in to save the address to your account/);
      assert.equal(await countRows(t.ctx.db, 'customer_addresses'), before);
    });
  });
});
