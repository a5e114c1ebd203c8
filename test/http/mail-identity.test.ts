/**
 * The shop's identity and voice in its emails: after the owner renames the shop, every kind of email the shop
 * writes carries the new name in its subject, body, sign-off and sender name (MAIL_FROM's address), and writes
 * money, dates, addresses and bank details the one way the shop does.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { asc } from 'drizzle-orm';
import { deliverPendingMail, type MailTransport } from '../../src/messaging/dispatcher.ts';
import { mailOutbox } from '../../src/messaging/schema.ts';
import type { CheckoutResponse } from '../../src/orders/schemas.ts';
import { defaultShopSettings } from '../../src/settings/shop.ts';
import { fixedClock } from '../../src/shared/clock.ts';
import { json, startTestApp, type TestApp } from '../helpers/app.ts';
import { buy, checkoutPayload, createProduct } from '../helpers/orders-fixtures.ts';

const NEW_NAME = 'Brightside Devices';

describe('emails follow the shop settings', () => {
  const clock = fixedClock('2026-03-02T09:00:00Z');
  let t: TestApp;
  let staff: string;
  before(async () => {
    t = await startTestApp({ clock, env: { MAIL_FROM: 'Aftercare <orders@aftercare.test>' } });
    staff = await t.staffCookie();
  });
  after(() => t.close());

  const act = (id: string, action: string, payload?: object) =>
    t.app.inject({
      method: 'POST',
      url: `/api/admin/orders/${id}/${action}`,
      headers: { cookie: staff },
      ...(payload ? { payload } : {}),
    });

  const place = async (): Promise<string> => {
    const p = await createProduct(t.ctx.db, { name: 'Pixel Test', priceCents: 123_456 });
    const res = await buy(
      t.app,
      p.variantId,
      1,
      checkoutPayload({
        email: 'buyer@example.com',
        shippingAddress: {
          name: 'Grace Hopper',
          line1: '1 Main St',
          line2: 'Apt 4',
          city: 'Springfield',
          postalCode: '62704',
          region: 'Illinois',
          country: 'US',
        },
      }),
    );
    assert.equal(res.statusCode, 201, res.body);
    const reference = json<CheckoutResponse>(res).order.reference;
    const list = await t.app.inject({
      method: 'GET',
      url: `/api/admin/orders?q=${reference}`,
      headers: { cookie: staff },
    });
    return json<{ items: Array<{ id: string }> }>(list).items[0]?.id as string;
  };

  it('after a rename, every email kind names the new shop in subject, body, sign-off and sender', async () => {
    const rename = await t.app.inject({
      method: 'PUT',
      url: '/api/admin/settings/shop',
      headers: { cookie: staff },
      payload: { ...defaultShopSettings, name: NEW_NAME },
    });
    assert.equal(rename.statusCode, 200, rename.body);

    const shipped = await place();
    assert.equal((await act(shipped, 'mark-paid')).statusCode, 200);
    const ship = await act(shipped, 'ship', { carrier: 'USPS', shippedAt: '2026-03-02T09:00:00Z' });
    assert.equal(ship.statusCode, 200, ship.body);
    const cancelled = await place();
    assert.equal(
      (await act(cancelled, 'cancel', { reason: 'Out of stock at the supplier' })).statusCode,
      200,
    );

    const mails = await t.ctx.db.select().from(mailOutbox).orderBy(asc(mailOutbox.createdAt));
    assert.deepEqual(
      [...new Set(mails.map((m) => m.template))].sort(),
      ['order_cancelled', 'order_placed', 'order_shipped'],
      'every kind of email the shop sends is read here',
    );
    for (const m of mails) {
      assert.ok(m.subject.startsWith(`${NEW_NAME}:`), `${m.template} subject: ${m.subject}`);
      assert.match(m.textBody, new RegExp(`\\n${NEW_NAME}$`), `${m.template} text is signed with the name`);
      assert.ok(m.htmlBody.includes(NEW_NAME), `${m.template} html`);
      for (const body of [m.subject, m.textBody, m.htmlBody]) {
        assert.ok(!body.includes('Aftercare'), `${m.template}: the old name (MAIL_FROM's) is gone`);
      }
      assert.equal(m.fromName, NEW_NAME);
    }

    const sent: Array<{ from: { name: string; address: string }; subject: string }> = [];
    const transport: MailTransport = {
      async send(mail) {
        sent.push(mail);
      },
    };
    assert.equal(await deliverPendingMail(t.ctx, transport), mails.length);
    for (const mail of sent) {
      assert.deepEqual(mail.from, { name: NEW_NAME, address: 'orders@aftercare.test' }, mail.subject);
    }
  });

  it('emails write money, dates, the US address and USD bank details the shop’s one way', async () => {
    const mails = await t.ctx.db.select().from(mailOutbox).orderBy(asc(mailOutbox.createdAt));
    const placed = mails.find((m) => m.template === 'order_placed');
    const shipped = mails.find((m) => m.template === 'order_shipped');
    assert.ok(placed && shipped);
    assert.match(placed.textBody, /Total: \$1,2\d\d\.\d\d/);
    assert.doesNotMatch(placed.textBody, /US\$/);
    assert.match(
      placed.textBody,
      /Grace Hopper\n1 Main St\nApt 4\nSpringfield, IL 62704\nUnited States\n/,
      'a US address is written the US way, the country named',
    );
    assert.match(placed.textBody, /Routing number \(ABA\): \d{9}\nAccount number: \d+/);
    assert.doesNotMatch(placed.textBody, /IBAN|BIC/);
    assert.match(shipped.textBody, /Shipped on: 2 Mar 2026/);
  });

  it('a queued email keeps the name it was written with when the shop is renamed again', async () => {
    const queued = await place();
    await t.app.inject({
      method: 'PUT',
      url: '/api/admin/settings/shop',
      headers: { cookie: staff },
      payload: { ...defaultShopSettings, name: 'Third Name' },
    });
    const sent: Array<{ from: { name: string }; subject: string; text: string }> = [];
    await deliverPendingMail(t.ctx, {
      async send(mail) {
        sent.push(mail);
      },
    });
    assert.equal(sent.length, 1, queued);
    assert.equal(sent[0]?.from.name, NEW_NAME, 'the From line agrees with the body written at queue time');
    assert.ok(sent[0]?.subject.startsWith(`${NEW_NAME}:`));
  });

  it('staff read where mail goes: without SMTP_URL it stays in the outbox', async () => {
    await place();
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/admin/mail/queue',
      headers: { cookie: staff },
    });
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(json(res), { delivery: 'outbox', pending: 1, failed: 0 });
    assert.equal((await t.app.inject({ method: 'GET', url: '/api/admin/mail/queue' })).statusCode, 401);
  });
});
