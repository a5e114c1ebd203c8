import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { deliverPendingMail, MAX_ATTEMPTS, type MailTransport } from '../../src/messaging/dispatcher.ts';
import { enqueueMail } from '../../src/messaging/outbox.ts';
import { mailOutbox } from '../../src/messaging/schema.ts';
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
