/**
 * The address book over HTTP (issue 12 point 6): add, change, remove, the default, the cap, the checkout's
 * own address rules on every write, another customer's address as a 404, and "save this address" at checkout.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { customerAddresses } from '../../src/accounts/customers/schema.ts';
import { orders } from '../../src/orders/schema.ts';
import { fixedClock } from '../../src/shared/clock.ts';
import { errorOf, get, post, sessionCookie, verifiedAccount } from '../helpers/accounts-fixtures.ts';
import { json, signedInMember, startTestApp, type TestApp } from '../helpers/app.ts';
import {
  addToCart,
  checkoutPayload,
  countRows,
  createProduct,
  placeOrder,
  sampleAddress,
} from '../helpers/orders-fixtures.ts';

interface Saved {
  id: string;
  address: Record<string, string>;
  isDefault: boolean;
}

const home = {
  name: 'Ada Lovelace',
  line1: '12 St James Square',
  city: 'London',
  postalCode: 'sw1y4jh',
  country: 'gb',
};
const office = {
  name: 'Ada Lovelace',
  line1: '1 Infinite Loop',
  city: 'Cupertino',
  postalCode: '95014',
  region: 'CA',
  country: 'US',
  phone: '+1 408 555 0100',
};

describe('address book', () => {
  const clock = fixedClock('2026-03-02T09:00:00Z');
  let t: TestApp;
  let ada = '';
  let grace = '';
  before(async () => {
    t = await startTestApp({
      clock,
      env: { CUSTOMER_AUTH_PER_MINUTE: '100000', CUSTOMER_ADDRESSES_MAX: '3' },
    });
    await verifiedAccount(t, 'ada@example.com');
    await verifiedAccount(t, 'grace@example.com', undefined, 'Grace Hopper');
    ada = await sessionCookie(t, 'ada@example.com');
    grace = await sessionCookie(t, 'grace@example.com');
  });
  after(() => t.close());

  const send = (method: 'PUT' | 'DELETE' | 'POST', url: string, cookie: string, payload?: object) =>
    t.app.inject({ method, url, payload, headers: { cookie } });
  const book = async (cookie: string) =>
    json<{ addresses: Saved[]; max: number }>(await get(t, '/api/account/addresses', cookie));

  it('the first address saved is the default, stored as the checkout stores it (postal code and country normalised)', async () => {
    const res = await post(t, '/api/account/addresses', { address: home }, ada);
    assert.equal(res.statusCode, 201, res.body);
    assert.equal(res.headers['cache-control'], 'no-store');
    const { address } = json<{ address: Saved }>(res);
    assert.equal(address.isDefault, true);
    assert.equal(address.address.postalCode, 'SW1Y 4JH');
    assert.equal(address.address.country, 'GB');
    const listed = await book(ada);
    assert.equal(listed.max, 3);
    assert.deepEqual(
      listed.addresses.map((a) => a.id),
      [address.id],
    );
  });

  it('a second address becomes the default only when asked; the default is always one address', async () => {
    clock.advance(1000);
    const second = json<{ address: Saved }>(
      await post(t, '/api/account/addresses', { address: office }, ada),
    ).address;
    assert.equal(second.isDefault, false);
    const made = await send('POST', `/api/account/addresses/${second.id}/default`, ada);
    assert.equal(made.statusCode, 200, made.body);
    const listed = await book(ada);
    assert.deepEqual(
      listed.addresses.map((a) => [a.address.city, a.isDefault]),
      [
        ['Cupertino', true],
        ['London', false],
      ],
    );
  });

  it('changes an address with the same rules; isDefault left out keeps the default where it is', async () => {
    const [, london] = (await book(ada)).addresses;
    assert.ok(london);
    const res = await send('PUT', `/api/account/addresses/${london.id}`, ada, {
      address: { ...home, line2: 'Flat 3' },
    });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(json<{ address: Saved }>(res).address.address.line2, 'Flat 3');
    assert.equal(json<{ address: Saved }>(res).address.isDefault, false);
  });

  it('refuses bad input at its field: unknown country, wrong postal code, overlong and invisible text, unknown fields', async () => {
    const cases: Array<[object, string]> = [
      [{ address: { ...home, country: 'XX' } }, 'address.country'],
      [{ address: { ...office, postalCode: '9501' } }, 'address.postalCode'],
      [{ address: { ...home, postalCode: '' } }, 'address.postalCode'],
      [{ address: { ...home, name: 'x'.repeat(201) } }, 'address.name'],
      [{ address: { ...home, city: 'y'.repeat(101) } }, 'address.city'],
      [{ address: { ...home, name: '\u200B\u200D' } }, 'address.name'],
      [{ address: { ...home, line1: 'Main\u0000Street' } }, 'address.line1'],
      [{ address: { ...home, phone: 'call me' } }, 'address.phone'],
      [{ address: { ...home, email: 'ada@example.com' } }, 'address.email'],
      [{ address: home, isDefault: 'yes' }, 'isDefault'],
      [{}, 'address'],
    ];
    const before = await countRows(t.ctx.db, 'customer_addresses');
    for (const [payload, field] of cases) {
      const res = await post(t, '/api/account/addresses', payload, ada);
      assert.equal(res.statusCode, 400, `${JSON.stringify(payload)} → ${res.body}`);
      assert.equal(errorOf(res).field, field, JSON.stringify(payload));
    }
    const [first] = (await book(ada)).addresses;
    const put = await send('PUT', `/api/account/addresses/${first?.id}`, ada, {
      address: { ...office, postalCode: 'SW1A 1AA' },
    });
    assert.equal(put.statusCode, 400);
    assert.equal(errorOf(put).field, 'address.postalCode');
    assert.equal(await countRows(t.ctx.db, 'customer_addresses'), before);
    assert.equal((await book(ada)).addresses[0]?.address.postalCode, '95014');
  });

  it('keeps at most CUSTOMER_ADDRESSES_MAX addresses: the one beyond is a 409 naming address, nothing written', async () => {
    const third = await post(
      t,
      '/api/account/addresses',
      { address: { ...office, line1: '2 Infinite Loop' } },
      ada,
    );
    assert.equal(third.statusCode, 201, third.body);
    const fourth = await post(
      t,
      '/api/account/addresses',
      { address: { ...office, line1: '3 Infinite Loop' } },
      ada,
    );
    assert.equal(fourth.statusCode, 409, fourth.body);
    assert.equal(errorOf(fourth).field, 'address');
    assert.match(errorOf(fourth).message, /at most 3 addresses/);
    assert.equal((await book(ada)).addresses.length, 3);
    // Four at once into Grace's empty book: exactly three are kept, one default.
    const results = await Promise.all(
      [1, 2, 3, 4].map((n) =>
        post(t, '/api/account/addresses', { address: { ...home, line1: `${n} Queen Street` } }, grace),
      ),
    );
    assert.deepEqual(results.map((r) => r.statusCode).sort(), [201, 201, 201, 409]);
    const graces = (await book(grace)).addresses;
    assert.equal(graces.length, 3);
    assert.equal(graces.filter((a) => a.isDefault).length, 1);
  });

  it("another customer's address id is a 404 on every route, and their book is untouched", async () => {
    const [adas] = (await book(ada)).addresses;
    assert.ok(adas);
    for (const [method, url, payload] of [
      ['PUT', `/api/account/addresses/${adas.id}`, { address: home }],
      ['POST', `/api/account/addresses/${adas.id}/default`, undefined],
      ['DELETE', `/api/account/addresses/${adas.id}`, undefined],
    ] as const) {
      const res = await send(method, url, grace, payload);
      assert.equal(res.statusCode, 404, `${method} ${url}: ${res.body}`);
    }
    assert.deepEqual((await book(ada)).addresses[0], adas);
    const unknown = await send('DELETE', '/api/account/addresses/0190a000-0000-7000-8000-000000000000', ada);
    assert.equal(unknown.statusCode, 404);
    const notAnId = await send('DELETE', '/api/account/addresses/not-an-id', ada);
    assert.equal(notAnId.statusCode, 400);
  });

  it('without a customer session every route is a 401, a staff session included', async () => {
    const staff = await signedInMember(t, 'cs@aftercare.test', 'Casey', 'customer_service');
    const [adas] = (await book(ada)).addresses;
    for (const cookie of ['', staff.cookie]) {
      assert.equal((await get(t, '/api/account/addresses', cookie)).statusCode, 401);
      assert.equal((await post(t, '/api/account/addresses', { address: home }, cookie)).statusCode, 401);
      assert.equal((await send('DELETE', `/api/account/addresses/${adas?.id}`, cookie)).statusCode, 401);
    }
  });

  it('removing the default makes the oldest remaining address the default', async () => {
    const before = (await book(ada)).addresses;
    const def = before.find((a) => a.isDefault);
    assert.ok(def);
    const res = await send('DELETE', `/api/account/addresses/${def.id}`, ada);
    assert.equal(res.statusCode, 204, res.body);
    const after = (await book(ada)).addresses;
    assert.equal(after.length, before.length - 1);
    assert.equal(after[0]?.isDefault, true);
    assert.equal(after[0]?.address.city, 'London');
  });

  describe('checkout', () => {
    it('"save this address" keeps the order\'s address in the signed-in account\'s book, once', async () => {
      const product = await createProduct(t.ctx.db, { stock: 10 });
      const before = (await book(grace)).addresses.length;
      // Grace's book is full (3): make room first.
      const [last] = (await book(grace)).addresses.slice(-1);
      await send('DELETE', `/api/account/addresses/${last?.id}`, grace);
      for (let i = 0; i < 2; i++) {
        const { cookie } = await addToCart(t.app, product.variantId, 1);
        const res = await placeOrder(
          t.app,
          `${cookie}; ${grace}`,
          checkoutPayload({ email: 'grace@example.com', saveAddress: true }),
        );
        assert.equal(res.statusCode, 201, res.body);
      }
      const after = (await book(grace)).addresses;
      assert.equal(after.length, before);
      assert.equal(after.filter((a) => a.address.line1 === sampleAddress.line1).length, 1);
    });

    it('a full book refuses the checkout naming saveAddress, before anything is written or paid', async () => {
      const product = await createProduct(t.ctx.db, { stock: 10 });
      const ordersBefore = await countRows(t.ctx.db, 'orders');
      const { cookie } = await addToCart(t.app, product.variantId, 1);
      const res = await placeOrder(
        t.app,
        `${cookie}; ${grace}`,
        checkoutPayload({
          email: 'grace@example.com',
          shippingAddress: { ...sampleAddress, line1: '99 Other Road' },
          saveAddress: true,
        }),
      );
      assert.equal(res.statusCode, 409, res.body);
      assert.equal(errorOf(res).field, 'saveAddress');
      assert.equal(await countRows(t.ctx.db, 'orders'), ordersBefore);
      // Without the option the same order goes through.
      const again = await placeOrder(
        t.app,
        `${cookie}; ${grace}`,
        checkoutPayload({
          email: 'grace@example.com',
          shippingAddress: { ...sampleAddress, line1: '99 Other Road' },
        }),
      );
      assert.equal(again.statusCode, 201, again.body);
    });

    it('a guest cannot save an address: a 400 naming saveAddress; a guest checkout without it is unchanged', async () => {
      const product = await createProduct(t.ctx.db, { stock: 10 });
      const { cookie } = await addToCart(t.app, product.variantId, 1);
      const res = await placeOrder(t.app, cookie, checkoutPayload({ saveAddress: true }));
      assert.equal(res.statusCode, 400, res.body);
      assert.equal(errorOf(res).field, 'saveAddress');
      const guest = await placeOrder(t.app, cookie, checkoutPayload());
      assert.equal(guest.statusCode, 201, guest.body);
      const reference = json<{ order: { reference: string } }>(guest).order.reference;
      const [row] = await t.ctx.db.select().from(orders).where(eq(orders.reference, reference));
      assert.equal(row?.customerId, null);
      assert.equal(
        (await t.ctx.db.select().from(customerAddresses)).filter(
          (a) => a.address.line1 === sampleAddress.line1,
        ).length,
        1,
      );
    });
  });
});
