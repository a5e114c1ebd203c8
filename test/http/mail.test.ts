import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { deliverPendingMail, MAX_ATTEMPTS, type MailTransport } from '../../src/messaging/dispatcher.ts';
import { acceptedSubscriptionsSettled } from '../../src/messaging/newsletter/subscribe.ts';
import { enqueueMail } from '../../src/messaging/outbox.ts';
import { mailOutbox } from '../../src/messaging/schema.ts';
import type { MailDetail, MailSummary } from '../../src/messaging/schemas.ts';
import { json, startTestApp, type TestApp } from '../helpers/app.ts';

interface Page {
  items: Array<{ id: string; subject: string; status: string; attempts: number; lastError: string | null }>;
  nextCursor: string | null;
}

describe('mail outbox', () => {
  let t: TestApp;
  let cookie: string;
  before(async () => {
    t = await startTestApp();
    cookie = await t.staffCookie();
    for (let i = 1; i <= 5; i++) {
      await enqueueMail(
        t.ctx.db,
        {
          template: 'test',
          fromName: 'Aftercare',
          to: `person${i}@example.com`,
          subject: `Message ${i}`,
          text: `Hello ${i}`,
          html: `<p>Hello ${i}</p>`,
        },
        new Date(Date.UTC(2026, 0, i)),
      );
    }
  });
  after(() => t.close());

  it('staff see the outbox newest first and page through it with a cursor', async () => {
    const first = await t.app.inject({ method: 'GET', url: '/api/admin/mail?limit=3', headers: { cookie } });
    assert.equal(first.statusCode, 200);
    const page1 = json<Page>(first);
    assert.deepEqual(
      page1.items.map((m) => m.subject),
      ['Message 5', 'Message 4', 'Message 3'],
    );
    assert.ok(page1.nextCursor);
    const second = await t.app.inject({
      method: 'GET',
      url: `/api/admin/mail?limit=3&cursor=${page1.nextCursor}`,
      headers: { cookie },
    });
    const page2 = json<Page>(second);
    assert.deepEqual(
      page2.items.map((m) => m.subject),
      ['Message 2', 'Message 1'],
    );
    assert.equal(page2.nextCursor, null);
  });

  it('one email shows its text and HTML bodies', async () => {
    const list = json<Page>(
      await t.app.inject({ method: 'GET', url: '/api/admin/mail?q=person2', headers: { cookie } }),
    );
    assert.equal(list.items.length, 1);
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/admin/mail/${list.items[0]?.id}`,
      headers: { cookie },
    });
    assert.equal(res.statusCode, 200);
    assert.equal(json<{ textBody: string }>(res).textBody, 'Hello 2');
  });

  it('a bad cursor or filter is a 400 naming the field', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/admin/mail?cursor=bogus',
      headers: { cookie },
    });
    assert.equal(res.statusCode, 400);
    assert.equal(json<{ error: { field: string } }>(res).error.field, 'cursor');
    const bad = await t.app.inject({
      method: 'GET',
      url: '/api/admin/mail?status=lost',
      headers: { cookie },
    });
    assert.equal(bad.statusCode, 400);
    assert.equal(json<{ error: { field: string } }>(bad).error.field, 'status');
  });

  it('an unknown email is a 404', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/admin/mail/0190c3d2-0000-7000-8000-000000000000',
      headers: { cookie },
    });
    assert.equal(res.statusCode, 404);
  });

  it('anonymous callers get 401 on every mail route', async () => {
    for (const [method, url] of [
      ['GET', '/api/admin/mail'],
      ['GET', '/api/admin/mail/0190c3d2-0000-7000-8000-000000000000'],
      ['POST', '/api/admin/mail/retry'],
    ] as const) {
      const res = await t.app.inject({ method, url, payload: method === 'POST' ? { ids: [] } : undefined });
      assert.equal(res.statusCode, 401, `${method} ${url}`);
    }
  });

  it('the dispatcher sends pending mail, retries failures and gives up after the last attempt', async () => {
    const sent: string[] = [];
    let failFor = 'person1@example.com';
    const transport: MailTransport = {
      async send(mail) {
        if (mail.to === failFor) throw new Error('mailbox unavailable');
        sent.push(mail.to);
      },
    };
    assert.equal(await deliverPendingMail(t.ctx, transport), 4);
    assert.equal(sent.length, 4);
    for (let i = 1; i < MAX_ATTEMPTS; i++) await deliverPendingMail(t.ctx, transport);
    const failed = json<Page>(
      await t.app.inject({ method: 'GET', url: '/api/admin/mail?status=failed', headers: { cookie } }),
    );
    assert.equal(failed.items.length, 1);
    assert.equal(failed.items[0]?.attempts, MAX_ATTEMPTS);
    assert.equal(failed.items[0]?.lastError, 'mailbox unavailable');

    failFor = '';
    const retry = await t.app.inject({
      method: 'POST',
      url: '/api/admin/mail/retry',
      headers: { cookie },
      payload: { ids: [failed.items[0]?.id] },
    });
    assert.equal(json<{ requeued: number }>(retry).requeued, 1);
    assert.equal(await deliverPendingMail(t.ctx, transport), 1);
    const health = json<{ queue: { mailPending: number; mailFailed: number } }>(
      await t.app.inject({ method: 'GET', url: '/api/health' }),
    );
    assert.deepEqual([health.queue.mailPending, health.queue.mailFailed], [0, 0]);
  });
});

describe('one-time links in the back office', () => {
  let t: TestApp;
  let owner: string;
  before(async () => {
    t = await startTestApp();
    owner = await t.staffCookie();
  });
  after(() => t.close());

  it("staff never read an email's one-time link: a password reset's token is hidden in both bodies", async () => {
    await t.app.inject({
      method: 'POST',
      url: '/api/account/password-reset',
      payload: { email: 'nobody-yet@example.com' },
    });
    await t.app.inject({
      method: 'POST',
      url: '/api/admin/staff/invitations',
      headers: { cookie: owner },
      payload: { email: 'new.member@example.com', name: 'New Member', role: 'owner' },
    });
    const stored = await t.ctx.db.select().from(mailOutbox);
    const withLinks = stored.filter((m) => /[?&]token=[A-Za-z0-9_-]{16,}/.test(m.textBody));
    assert.ok(withLinks.length >= 1, 'an email with a one-time link was queued');
    for (const mail of withLinks) {
      const token = /[?&]token=([A-Za-z0-9_-]+)/.exec(mail.textBody)?.[1] as string;
      const res = await t.app.inject({
        method: 'GET',
        url: `/api/admin/mail/${mail.id}`,
        headers: { cookie: owner },
      });
      assert.equal(res.statusCode, 200);
      assert.ok(!res.body.includes(token), `the token of ${mail.template} is not shown`);
      assert.match(json<{ textBody: string }>(res).textBody, /token=\[hidden\]/);
    }
  });
});

describe('newsletter mail in the outbox (PV-USE-2)', () => {
  let t: TestApp;
  let owner: string;
  const subscribers = ['reader.one@example.com', 'reader.two@example.com'];
  before(async () => {
    t = await startTestApp();
    owner = await t.staffCookie();
    for (const email of subscribers) {
      await t.app.inject({ method: 'POST', url: '/api/newsletter/subscriptions', payload: { email } });
    }
    await acceptedSubscriptionsSettled();
    const [first] = await t.ctx.db
      .select()
      .from(mailOutbox)
      .where(
        and(
          eq(mailOutbox.template, 'newsletter_confirm'),
          eq(mailOutbox.toAddress, 'reader.one@example.com'),
        ),
      );
    const token = /[?&]token=([A-Za-z0-9_-]+)/.exec(first?.textBody ?? '')?.[1];
    const confirmed = await t.app.inject({
      method: 'POST',
      url: '/api/newsletter/confirmation',
      payload: { token },
    });
    assert.equal(confirmed.statusCode, 200, confirmed.body);
    const sent = await t.app.inject({
      method: 'POST',
      url: '/api/admin/newsletter/campaigns',
      headers: { cookie: owner },
      payload: { subject: 'Spring offers', text: 'Ten percent off.' },
    });
    assert.equal(sent.statusCode, 201, sent.body);
    await enqueueMail(
      t.ctx.db,
      {
        template: 'test',
        fromName: 'Aftercare',
        to: 'customer@example.com',
        subject: 'An order email',
        text: 'Hello',
        html: '<p>Hello</p>',
      },
      new Date(),
    );
  });
  after(() => t.close());

  const list = async (query = '') =>
    json<{ items: Array<MailSummary> }>(
      await t.app.inject({
        method: 'GET',
        url: `/api/admin/mail?limit=100${query}`,
        headers: { cookie: owner },
      }),
    ).items;

  it('PV-USE-2: the list shows newsletter mail’s kind, status, times and attempts, never its recipient', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/admin/mail?limit=100',
      headers: { cookie: owner },
    });
    assert.equal(res.statusCode, 200);
    for (const email of subscribers) assert.ok(!res.body.includes(email), `${email} is not listed`);
    const items = json<{ items: MailSummary[] }>(res).items;
    const news = items.filter((m) => m.template.startsWith('newsletter_'));
    assert.deepEqual(news.map((m) => m.template).sort(), [
      'newsletter_campaign',
      'newsletter_confirm',
      'newsletter_confirm',
    ]);
    for (const mail of news) {
      assert.equal(mail.toAddress, 'a newsletter subscriber');
      assert.equal(mail.recipientHidden, true);
      assert.equal(mail.status, 'pending');
      assert.equal(mail.attempts, 0);
      assert.ok(mail.createdAt);
    }
    const other = items.find((m) => m.template === 'test');
    assert.equal(other?.toAddress, 'customer@example.com', 'other mail keeps its recipient');
    assert.equal(other?.recipientHidden, false);
  });

  it('PV-USE-2: one newsletter email shows no address, body, confirmation or unsubscribe token', async () => {
    const stored = await t.ctx.db.select().from(mailOutbox);
    const news = stored.filter((m) => m.template.startsWith('newsletter_'));
    assert.equal(news.length, 3);
    for (const mail of news) {
      const token = /[?&]token=([A-Za-z0-9_-]+)/.exec(mail.textBody)?.[1] as string;
      assert.ok(token);
      const res = await t.app.inject({
        method: 'GET',
        url: `/api/admin/mail/${mail.id}`,
        headers: { cookie: owner },
      });
      assert.equal(res.statusCode, 200);
      assert.ok(!res.body.includes(mail.toAddress), 'no address');
      assert.ok(!res.body.includes(token), 'no token');
      assert.ok(!res.body.includes('/newsletter/'), 'no link at all');
      const shown = json<MailDetail>(res);
      assert.equal(shown.toAddress, 'a newsletter subscriber');
      assert.equal(shown.recipientHidden, true);
      assert.match(shown.textBody, /not shown/);
      assert.equal(shown.subject, mail.subject);
    }
  });

  it('PV-USE-2: searching the outbox for a subscriber’s address finds no newsletter mail (no "is this person subscribed?"); its subject still does', async () => {
    assert.deepEqual(await list('&q=reader.one'), []);
    assert.deepEqual(await list('&q=example.com').then((items) => items.map((m) => m.template)), ['test']);
    const bySubject = await list('&q=Spring');
    assert.equal(bySubject.length, 1);
    assert.equal(bySubject[0]?.toAddress, 'a newsletter subscriber');
  });

  it('PV-USE-2: a failed newsletter email hides the address in its error, and can still be retried and sent to the subscriber', async () => {
    const sent: string[] = [];
    const transport: MailTransport = {
      async send(mail) {
        if (mail.subject === 'Spring offers') throw new Error(`550 <${mail.to}> mailbox unavailable`);
        sent.push(mail.to);
      },
    };
    for (let i = 0; i < MAX_ATTEMPTS; i++) await deliverPendingMail(t.ctx, transport);
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/admin/mail?status=failed',
      headers: { cookie: owner },
    });
    assert.ok(!res.body.includes('reader.one@example.com'));
    const [failed] = json<{ items: MailSummary[] }>(res).items;
    assert.equal(failed?.template, 'newsletter_campaign');
    assert.equal(failed?.attempts, MAX_ATTEMPTS);
    assert.equal(failed?.lastError, '550 <a newsletter subscriber> mailbox unavailable');
    const detail = await t.app.inject({
      method: 'GET',
      url: `/api/admin/mail/${failed?.id}`,
      headers: { cookie: owner },
    });
    assert.ok(!detail.body.includes('reader.one@example.com'));

    const retry = await t.app.inject({
      method: 'POST',
      url: '/api/admin/mail/retry',
      headers: { cookie: owner },
      payload: { ids: [failed?.id] },
    });
    assert.equal(json<{ requeued: number }>(retry).requeued, 1);
    sent.length = 0;
    assert.equal(await deliverPendingMail(t.ctx, { send: async (m) => void sent.push(m.to) }), 1);
    assert.deepEqual(sent, ['reader.one@example.com'], 'the retry reaches the real address');
  });
});
