/**
 * Email-a-friend (PV-COL-2): the friend's name and address are used to send that one message, stored nowhere
 * but the outbox row of that message, deleted once it is sent (or after EMAIL_A_FRIEND_KEEP_HOURS unsent),
 * never logged and never put on a mailing list. The form on the product page keeps what was typed when a
 * field is refused.
 */
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { products } from '../../src/catalog/schema.ts';
import { deliverPendingMail } from '../../src/messaging/dispatcher.ts';
import { mailOutbox } from '../../src/messaging/schema.ts';
import { runRetention } from '../../src/privacy/retention.ts';
import { fixedClock } from '../../src/shared/clock.ts';
import { HOUR_MS } from '../../src/shared/time.ts';
import { json, startTestApp, type TestApp } from '../helpers/app.ts';
import { createProduct } from '../helpers/orders-fixtures.ts';
import { whereStored } from '../helpers/stored-data.ts';

type ErrorShape = { error: { code: string; message: string; field?: string } };
const FORM = { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-origin' };
const html = (body: string) => body.replaceAll('<!-- -->', '');

describe('email a friend (PV-COL-2)', () => {
  const clock = fixedClock('2026-05-04T10:00:00Z');
  const logged: string[] = [];
  let t: TestApp;
  let slug = '';
  let productName = '';

  const send = (body: Record<string, unknown>, to = slug) =>
    t.app.inject({
      method: 'POST',
      url: `/api/products/${encodeURIComponent(to)}/email-a-friend`,
      headers: { 'sec-fetch-site': 'same-origin' },
      payload: body,
    });
  const friendMail = () =>
    t.ctx.db.select().from(mailOutbox).where(eq(mailOutbox.template, 'email_a_friend'));

  before(async () => {
    t = await startTestApp({
      clock,
      env: { RATE_LIMIT_PER_MINUTE: '100000' },
      logStream: new Writable({
        write(chunk, _enc, done) {
          logged.push(String(chunk));
          done();
        },
      }),
    });
    const product = await createProduct(t.ctx.db, { name: 'Pixel Test 9' });
    productName = product.name;
    const [row] = await t.ctx.db
      .select({ slug: products.slug })
      .from(products)
      .where(eq(products.id, product.productId));
    slug = row?.slug ?? '';
  });
  after(() => t.close());

  it('PV-COL-2: sends one email with the product link; the friend is stored only in that outbox row, and not in the log', async () => {
    const res = await send({
      senderName: 'Ada',
      friendName: 'Grace Hopper',
      friendEmail: 'Grace.Friend@Example.com',
    });
    assert.equal(res.statusCode, 202, res.body);
    assert.equal(res.headers['cache-control'], 'no-store');
    const mails = await friendMail();
    assert.equal(mails.length, 1);
    const mail = mails[0] as (typeof mails)[number];
    assert.equal(mail.toAddress, 'grace.friend@example.com');
    assert.match(mail.subject, /Ada thought you might like the Pixel Test 9/);
    assert.match(mail.textBody, /Hello Grace Hopper/);
    assert.ok(mail.textBody.includes(`/products/${slug}`), mail.textBody);
    assert.match(mail.textBody, /not kept/);
    const stored = await whereStored(t.ctx.db, { email: 'grace.friend@example.com', name: 'Grace Hopper' });
    assert.deepEqual(stored.email, ['mail_outbox.to_address']);
    assert.deepEqual(stored.name, ['mail_outbox.html_body', 'mail_outbox.text_body']);
    assert.ok(!logged.join('').toLowerCase().includes('grace.friend'), 'the friend’s address is not logged');
  });

  it('PV-COL-2: once the email is sent its row is deleted: the friend’s name and address are kept nowhere', async () => {
    const sent: string[] = [];
    const delivered = await deliverPendingMail(t.ctx, {
      async send(mail) {
        sent.push(mail.to);
      },
    });
    assert.ok(delivered >= 1);
    assert.ok(sent.includes('grace.friend@example.com'));
    assert.equal((await friendMail()).length, 0);
    const stored = await whereStored(t.ctx.db, { email: 'grace.friend@example.com', name: 'Grace Hopper' });
    assert.deepEqual(stored, { email: [], name: [] });
  });

  it('PV-COL-2: an email never sent (no SMTP) is deleted by the retention job after EMAIL_A_FRIEND_KEEP_HOURS, not before', async () => {
    assert.equal(
      (await send({ senderName: 'Ada', friendName: 'Alan', friendEmail: 'alan@example.org' })).statusCode,
      202,
    );
    clock.advance(t.ctx.config.EMAIL_A_FRIEND_KEEP_HOURS * HOUR_MS - 60_000);
    assert.equal((await runRetention(t.ctx)).friendMail, 0);
    assert.equal((await friendMail()).length, 1);
    clock.advance(2 * 60_000);
    assert.equal((await runRetention(t.ctx)).friendMail, 1);
    assert.deepEqual(await whereStored(t.ctx.db, { email: 'alan@example.org' }), { email: [] });
  });

  it('PV-COL-2: wrong input is a 400 naming the field and queues nothing; an unknown product is a 404', async () => {
    const before = (await friendMail()).length;
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ senderName: '', friendName: 'Grace', friendEmail: 'g@example.com' }, 'senderName'],
      [{ senderName: 'Ada', friendName: '\u200b', friendEmail: 'g@example.com' }, 'friendName'],
      [
        { senderName: 'Visit www.cheap-pills.biz', friendName: 'Grace', friendEmail: 'g@example.com' },
        'senderName',
      ],
      [{ senderName: 'https://spam', friendName: 'Grace', friendEmail: 'g@example.com' }, 'senderName'],
      [{ senderName: 'Ada', friendName: 'Grace', friendEmail: 'not-an-address' }, 'friendEmail'],
      [{ senderName: 'Bob evil．com', friendName: 'Grace', friendEmail: 'g@example.com' }, 'senderName'],
      [
        {
          senderName: 'WIN $5000 call 1-900-555-0199 now',
          friendName: 'Grace',
          friendEmail: 'g@example.com',
        },
        'senderName',
      ],
      [{ senderName: 'Ada', friendName: '185.23.4.5', friendEmail: 'g@example.com' }, 'friendName'],
      [
        { senderName: 'Ada\nBcc: x@example.com', friendName: 'Grace', friendEmail: 'g@example.com' },
        'senderName',
      ],
      [{ senderName: 'A'.repeat(61), friendName: 'Grace', friendEmail: 'g@example.com' }, 'senderName'],
      [{ senderName: 'Ada', friendName: 'Grace', friendEmail: 'g@example.com', subscribe: true }, ''],
    ];
    for (const [body, field] of cases) {
      const res = await send(body);
      assert.equal(res.statusCode, 400, JSON.stringify(body));
      if (field) assert.equal(json<ErrorShape>(res).error.field, field, JSON.stringify(body));
    }
    const missing = await send(
      { senderName: 'Ada', friendName: 'Grace', friendEmail: 'g@example.com' },
      'no-such-phone',
    );
    assert.equal(missing.statusCode, 404);
    assert.equal((await friendMail()).length, before);
  });

  it('PV-COL-2: the product page’s form sends it, and a refused field keeps what was typed', async () => {
    const post = (fields: Record<string, string>) =>
      t.app.inject({
        method: 'POST',
        url: `/products/${slug}`,
        headers: FORM,
        payload: new URLSearchParams({ intent: 'email-a-friend', ...fields }).toString(),
      });
    const page = await t.app.inject({ url: `/products/${slug}` });
    assert.match(html(page.body), /Email a friend/);
    assert.match(html(page.body), /never added to a mailing list/);

    const refused = await post({ senderName: 'Ada', friendName: 'Grace', friendEmail: 'grace@' });
    assert.equal(refused.statusCode, 400);
    const body = html(refused.body);
    assert.match(body, /Enter your friend’s email address/);
    assert.match(body, /value="grace@"/);
    assert.match(body, /value="Grace"/);

    const before = (await friendMail()).length;
    const ok = await post({ senderName: 'Ada', friendName: 'Grace', friendEmail: 'grace@example.net' });
    assert.equal(ok.statusCode, 200);
    assert.match(html(ok.body), new RegExp(`We emailed Grace a link to the ${productName}`));
    assert.equal((await friendMail()).length, before + 1);
  });

  it('PV-COL-2: names of any script, with apostrophes, hyphens and dots, are names', async () => {
    for (const senderName of ['Zoë O’Brien-Smith', 'José M. Núñez', '李小龍']) {
      const res = await send({ senderName, friendName: 'Grace', friendEmail: 'grace@example.com' });
      assert.equal(res.statusCode, 202, `${senderName}: ${res.body}`);
    }
  });
});
