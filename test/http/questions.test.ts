/**
 * Customer service reads and answers customers' questions through HTTP (issue 10 point 1: a declined claim sent
 * as a question opens no return, so the answer is what the customer gets): the list waiting-first, the answer
 * written once with who and when, the email with the order page's link, and who may do what.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import type { CustomerQuestion, StaffQuestion } from '../../src/aftersales/cases/conversation.schemas.ts';
import { mailOutbox } from '../../src/messaging/schema.ts';
import { fixedClock } from '../../src/shared/clock.ts';
import { json, signedInMember, startTestApp, type TestApp } from '../helpers/app.ts';
import { type DeliveredOrder, deliveredOrder, staffRequest } from '../helpers/cases-fixtures.ts';
import { countRows, type ErrorShape } from '../helpers/orders-fixtures.ts';

interface QuestionList {
  items: StaffQuestion[];
  nextCursor: string | null;
}

describe('customer service answers questions over HTTP (issue 10 point 1)', () => {
  const clock = fixedClock('2026-03-02T09:00:00Z');
  let t: TestApp;
  let owner = '';
  let service = { id: '', cookie: '' };
  let technician = '';
  before(async () => {
    t = await startTestApp({ clock, env: { STAFF_IDLE_MINUTES: '720' } });
    owner = await t.staffCookie();
    service = await signedInMember(t, 'cs@example.com', 'Cora Service', 'customer_service');
    technician = (await signedInMember(t, 'tech@example.com', 'Tim Tech', 'technician')).cookie;
  });
  after(() => t.close());

  /** A change-of-mind question (declined by AS-RET-1 on a wearable) sent through `order`'s link; its id. */
  const ask = async (order: DeliveredOrder, body: string): Promise<string> => {
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/orders/by-link/${order.token}/questions`,
      payload: {
        orderLineId: order.lineIds[0],
        kind: 'change_of_mind',
        facts: { openedByCustomer: false },
        body,
      },
    });
    assert.equal(res.statusCode, 201, res.body);
    return json<{ question: { id: string } }>(res).question.id;
  };
  /** PV-STF-1: customer service reads and answers the questions of the orders they handle: this one is theirs. */
  const wearable = async () => {
    const order = await deliveredOrder(t, owner, [{ category: 'wearable', priceCents: 12_900 }]);
    const res = await staffRequest(t, owner, 'POST', `/api/admin/orders/${order.id}/assign`, {
      staffId: service.id,
    });
    assert.equal(res.statusCode, 200, res.body);
    return order;
  };
  const list = async (query: string, cookie = service.cookie): Promise<QuestionList> => {
    const res = await staffRequest(t, cookie, 'GET', `/api/admin/questions${query}`);
    assert.equal(res.statusCode, 200, res.body);
    return json<QuestionList>(res);
  };
  const answer = (id: string, body: unknown, cookie = service.cookie) =>
    staffRequest(t, cookie, 'POST', `/api/admin/questions/${id}/answer`, { body });

  it('AS-RET-1: customer service answers a declined claim sent as a question; who and when are kept, the customer is emailed the answer with the order page link and reads it there', async () => {
    const order = await wearable();
    const id = await ask(order, 'The colour is not what I hoped. Can I still send it back?');
    let summary = await staffRequest(t, service.cookie, 'GET', '/api/admin/questions/summary');
    const waitingBefore = json<{ unanswered: number }>(summary).unanswered;
    assert.ok(waitingBefore >= 1);

    const mailsBefore = await countRows(t.ctx.db, 'mail_outbox');
    clock.set(new Date('2026-03-02T10:30:00Z'));
    const res = await answer(id, '  We cannot take it back after 30 days,\nbut a strap swap is free.  ');
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.headers['cache-control'], 'no-store');
    const answered = json<{ question: StaffQuestion }>(res).question;
    assert.deepEqual(answered.answer, {
      body: 'We cannot take it back after 30 days,\nbut a strap swap is free.',
      staff: { id: service.id, name: 'Cora Service' },
      answeredAt: '2026-03-02T10:30:00.000Z',
    });
    // The engine's answer the customer saw stays with the question (AS-RET-1 declined it).
    assert.equal(answered.assessment.eligible, false);
    assert.equal(answered.assessment.reasons[0]?.clause, 'AS-RET-1');

    assert.equal(await countRows(t.ctx.db, 'mail_outbox'), mailsBefore + 1);
    const [mail] = await t.ctx.db.select().from(mailOutbox).where(eq(mailOutbox.template, 'question_answer'));
    assert.equal(mail?.toAddress, 'ada@example.com');
    assert.equal(mail?.orderId, order.id);
    assert.match(mail?.subject ?? '', new RegExp(`your question about .+ \\(order ${order.reference}\\)`));
    assert.match(mail?.textBody ?? '', /> The colour is not what I hoped/);
    assert.match(mail?.textBody ?? '', /> but a strap swap is free\./);
    assert.ok(mail?.textBody.includes(`/orders/view?token=${order.token}`), mail?.textBody);
    assert.ok(mail?.htmlBody.includes(`/orders/view?token=${order.token}`));

    summary = await staffRequest(t, service.cookie, 'GET', '/api/admin/questions/summary');
    assert.equal(json<{ unanswered: number }>(summary).unanswered, waitingBefore - 1);

    // The customer reads the answer on the order page (its data) and through the question's own address,
    // without the name of who answered.
    const cases = await t.app.inject({ method: 'GET', url: `/api/orders/by-link/${order.token}/cases` });
    const mine = json<{ questions: CustomerQuestion[] }>(cases).questions;
    assert.equal(mine.length, 1);
    assert.deepEqual(mine[0]?.answer, {
      body: 'We cannot take it back after 30 days,\nbut a strap swap is free.',
      answeredAt: '2026-03-02T10:30:00.000Z',
    });
    const one = await t.app.inject({
      method: 'GET',
      url: `/api/orders/by-link/${order.token}/questions/${id}`,
    });
    assert.equal(one.statusCode, 200, one.body);
    assert.equal(one.headers['cache-control'], 'no-store');
    assert.equal(
      json<{ question: CustomerQuestion }>(one).question.answer?.body.startsWith('We cannot'),
      true,
    );
    assert.ok(!one.body.includes('Cora'));
  });

  it('answering twice is a 409 naming body: the first answer and its one email stay', async () => {
    const order = await wearable();
    const id = await ask(order, 'Is there a fee?');
    assert.equal((await answer(id, 'No fee.')).statusCode, 200);
    const mails = await countRows(t.ctx.db, 'mail_outbox');
    const res = await answer(id, 'Actually, a small fee.', owner);
    assert.equal(res.statusCode, 409, res.body);
    assert.equal(json<ErrorShape>(res).error.field, 'body');
    assert.equal(await countRows(t.ctx.db, 'mail_outbox'), mails);
    const item = (await list('?state=answered&limit=100')).items.find((q) => q.id === id);
    assert.equal(item?.answer?.body, 'No fee.');
  });

  it('bad answers are a 400 naming body (empty, blank, too long, NUL, not text, extra fields) and write nothing; an unknown question is a 404', async () => {
    const order = await wearable();
    const id = await ask(order, 'Can I swap the size?');
    const mails = await countRows(t.ctx.db, 'mail_outbox');
    for (const body of ['', '   \n ', 'y'.repeat(5001), 'a\u0000b', 'lone \ud800 surrogate', 42, null]) {
      const res = await answer(id, body);
      assert.equal(res.statusCode, 400, `${JSON.stringify(body).slice(0, 30)}: ${res.body}`);
      assert.equal(json<ErrorShape>(res).error.field, 'body');
    }
    let res = await staffRequest(t, service.cookie, 'POST', `/api/admin/questions/${id}/answer`, {
      body: 'ok',
      extra: 1,
    });
    assert.equal(res.statusCode, 400);
    assert.equal(await countRows(t.ctx.db, 'mail_outbox'), mails);
    const item = (await list('?state=unanswered&limit=100')).items.find((q) => q.id === id);
    assert.equal(item?.answer, null);
    // Exactly the limit is accepted.
    assert.equal((await answer(id, 'y'.repeat(5000))).statusCode, 200);

    res = await answer('00000000-0000-7000-8000-000000000000', 'Hello');
    assert.equal(res.statusCode, 404, res.body);
    res = await answer('not-a-uuid', 'Hello');
    assert.equal(res.statusCode, 400);
    assert.equal(json<ErrorShape>(res).error.field, 'id');
  });

  it('the list puts waiting questions first, then the newest; state keeps one kind; cursor pages repeat and skip none', async () => {
    const order = await wearable();
    const ids: string[] = [];
    for (const [i, minute] of [10, 20, 30, 40].entries()) {
      clock.set(new Date(`2026-03-02T11:${minute}:00Z`));
      ids.push(await ask(order, `Question number ${i + 1}`));
    }
    // The newest one is answered: it goes behind every waiting question.
    assert.equal((await answer(ids[3] as string, 'Answered.')).statusCode, 200);

    const all = (await list('?limit=100')).items;
    const flags = all.map((q) => q.answer !== null);
    assert.deepEqual(flags, [...flags].sort(), 'every waiting question comes before every answered one');
    const waiting = all.filter((q) => q.answer === null).map((q) => q.createdAt);
    assert.deepEqual(waiting, [...waiting].sort().reverse(), 'newest first among the waiting');
    const mine = all.filter((q) => ids.includes(q.id)).map((q) => q.id);
    assert.deepEqual(mine, [ids[2], ids[1], ids[0], ids[3]]);

    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const page: QuestionList = await list(
        `?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
      paged.push(...page.items.map((q) => q.id));
      cursor = page.nextCursor;
    } while (cursor);
    assert.deepEqual(
      paged,
      all.map((q) => q.id),
    );

    const unanswered = (await list('?state=unanswered&limit=100')).items;
    assert.ok(unanswered.every((q) => q.answer === null));
    assert.ok(!unanswered.some((q) => q.id === ids[3]));
    const answered = (await list('?state=answered&limit=100')).items;
    assert.ok(answered.every((q) => q.answer !== null));
    assert.ok(answered.some((q) => q.id === ids[3]));

    for (const query of ['?state=open', '?cursor=nonsense', '?limit=0']) {
      const res = await staffRequest(t, service.cookie, 'GET', `/api/admin/questions${query}`);
      assert.equal(res.statusCode, 400, query);
    }
  });

  it('anonymous is a 401, a technician a 403 on every question route; the owner may; another order cannot see the question (404)', async () => {
    const order = await wearable();
    const id = await ask(order, 'Who sees this?');
    const routes = [
      ['GET', '/api/admin/questions'],
      ['GET', '/api/admin/questions/summary'],
      ['POST', `/api/admin/questions/${id}/answer`],
    ] as const;
    for (const [method, url] of routes) {
      const payload = method === 'POST' ? { body: 'Hello' } : undefined;
      let res = await staffRequest(t, '', method, url, payload);
      assert.equal(res.statusCode, 401, `${method} ${url}`);
      assert.equal(res.headers['cache-control'], 'no-store');
      res = await staffRequest(t, technician, method, url, payload);
      assert.equal(res.statusCode, 403, `${method} ${url}: ${res.body}`);
      assert.equal(json<ErrorShape>(res).error.code, 'forbidden');
    }
    assert.ok((await list('?limit=100', owner)).items.some((q) => q.id === id));

    const other = await wearable();
    let res = await t.app.inject({
      method: 'GET',
      url: `/api/orders/by-link/${other.token}/questions/${id}`,
    });
    assert.equal(res.statusCode, 404, res.body);
    res = await t.app.inject({ method: 'GET', url: `/api/orders/by-link/${order.token}x/questions/${id}` });
    assert.equal(res.statusCode, 404, res.body);
    res = await t.app.inject({ method: 'GET', url: `/api/orders/by-link/${other.token}/cases` });
    assert.deepEqual(json<{ questions: CustomerQuestion[] }>(res).questions, []);
  });
});
