/**
 * PV-STF-1: the owner reads the audit log of staff reads of personal data: newest first in cursor pages,
 * filtered by member, outcome, record type, one record (who read this order, case or customer), customer
 * (email, id or order reference) and days. No one else reads
 * it: a member who asks is refused, and the refusal is itself a row.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { afterSalesEvidence } from '../../src/aftersales/evidence/evidence.schema.ts';
import { recordStaffAccess } from '../../src/privacy/staff-access/record-access.ts';
import type { AuditEntryView } from '../../src/privacy/staff-access/schemas.ts';
import { fixedClock } from '../../src/shared/clock.ts';
import { uuidv7 } from '../../src/shared/ids.ts';
import { errorOf } from '../helpers/accounts-fixtures.ts';
import { signedInMember, startTestApp, type TestApp } from '../helpers/app.ts';
import { type DeliveredOrder, deliveredOrder, openCase, staffRequest } from '../helpers/cases-fixtures.ts';
import { auditRowsOf, insertCustomer, insertOrder } from '../helpers/staff-access-fixtures.ts';

type Page = { items: AuditEntryView[]; nextCursor: string | null };

describe('audit log browser (PV-STF-1)', () => {
  const clock = fixedClock('2026-03-11T09:00:00Z');
  let t: TestApp;
  let owner: string;
  let support: { id: string; cookie: string };
  let tech: { id: string; cookie: string };
  let ada: string;
  let bob: string;

  before(async () => {
    t = await startTestApp({ clock });
    owner = await t.staffCookie();
    support = await signedInMember(t, 'sam@aftercare.test', 'Sam Support', 'customer_service');
    tech = await signedInMember(t, 'tess@aftercare.test', 'Tess Technician', 'technician');
    ada = await insertCustomer(t.ctx.db, { email: 'ada@example.com', name: 'Ada Lovelace' });
    bob = await insertCustomer(t.ctx.db, { email: 'bob@example.com', name: 'Bob Builder' });
    await insertOrder(t.ctx.db, { reference: 'AC-26-00201', customerId: ada, email: 'ada@example.com' });
    const sam = { id: support.id, name: 'Sam Support', role: 'customer_service' as const };
    const tess = { id: tech.id, name: 'Tess Technician', role: 'technician' as const };
    // Thirty reads spread over three days (8, 9 and 10 March), Sam on Ada's cases, Tess on Bob's orders.
    for (let i = 0; i < 30; i++) {
      const at = new Date(Date.parse('2026-03-08T08:00:00Z') + i * 2 * 3_600_000);
      const [who, type, customerId] =
        i % 3 === 0 ? [tess, 'order' as const, bob] : [sam, 'case' as const, ada];
      await recordStaffAccess(t.ctx.db, who, at, [
        {
          outcome: i === 29 ? 'refused' : 'read',
          recordType: type,
          recordId: `${type === 'order' ? 'AC' : 'RMA'}-26-${String(i).padStart(5, '0')}`,
          customerId,
          fields: i === 29 ? [] : ['name', 'email'],
          purpose: who === tess ? 'Checking totals' : null,
        },
      ]);
    }
  });
  after(() => t.close());

  const get = (query: string, cookie = owner) =>
    t.app.inject({ method: 'GET', url: `/api/admin/audit-log${query}`, headers: cookie ? { cookie } : {} });
  const page = (res: LightMyRequestResponse) => {
    assert.equal(res.statusCode, 200, res.body);
    return res.json() as Page;
  };

  it('PV-STF-1: anonymous is a 401; customer service and technicians get a 403 and the refusal is recorded as an audit_log row', async () => {
    assert.equal((await get('', '')).statusCode, 401);
    for (const member of [support, tech]) {
      const before = (await auditRowsOf(t.ctx.db, member.id)).length;
      const res = await get('?outcome=nonsense', member.cookie);
      assert.equal(res.statusCode, 403, res.body);
      assert.equal((res.json() as { error: { clause: string } }).error.clause, 'PV-STF-1');
      const members = await t.app.inject({
        method: 'GET',
        url: '/api/admin/audit-log/members',
        headers: { cookie: member.cookie },
      });
      assert.equal(members.statusCode, 403);
      const rows = (await auditRowsOf(t.ctx.db, member.id)).slice(before);
      assert.deepEqual(
        rows.map((r) => [r.outcome, r.recordType, r.customerId]),
        [
          ['refused', 'audit_log', null],
          ['refused', 'audit_log', null],
        ],
      );
    }
  });

  it('PV-STF-1: newest first, each row with time, member name and role, outcome, record, fields and purpose; no-store', async () => {
    const res = await get('?limit=3');
    assert.match(String(res.headers['cache-control']), /no-store/);
    const { items } = page(res);
    assert.equal(items[0]?.recordType, 'audit_log', 'the refusals of 11 March come first');
    const reads = page(await get('?recordType=case&limit=1')).items;
    assert.deepEqual(
      reads.map((r) => [r.at, r.member.name, r.member.role, r.outcome, r.recordType, r.recordId, r.fields]),
      [
        [
          '2026-03-10T18:00:00.000Z',
          'Sam Support',
          'customer_service',
          'refused',
          'case',
          'RMA-26-00029',
          [],
        ],
      ],
    );
    assert.ok(items.every((r, i) => i === 0 || (items[i - 1] as AuditEntryView).at >= r.at));
    const tess = page(await get(`?member=${tech.id}&recordType=order&limit=1`)).items[0];
    assert.equal(tess?.purpose, 'Checking totals');
  });

  it('PV-STF-1: keyset pages walk every row once, newest first, whatever the page size', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const p = page(await get(`?recordType=case&limit=7${cursor ? `&cursor=${cursor}` : ''}`));
      seen.push(...p.items.map((r) => r.recordId as string));
      cursor = p.nextCursor;
    } while (cursor);
    assert.equal(seen.length, 20);
    assert.equal(new Set(seen).size, 20);
    assert.deepEqual(seen, [...seen].sort().reverse());
    const bad = await get('?cursor=not-a-cursor');
    assert.equal(bad.statusCode, 400);
    assert.equal(errorOf(bad).field, 'cursor');
  });

  it('PV-STF-1: filters by member, outcome, record type, customer (email, id or order reference) and days, together', async () => {
    assert.equal(page(await get(`?member=${tech.id}&recordType=order`)).items.length, 10);
    assert.equal(page(await get('?outcome=refused&recordType=case')).items.length, 1);
    for (const customer of ['ada@example.com', ' ADA@Example.com', ada, 'ac-26-00201']) {
      const items = page(await get(`?customer=${encodeURIComponent(customer)}&limit=100`)).items;
      assert.equal(items.length, 20, customer);
      assert.ok(items.every((r) => r.customerId === ada));
    }
    assert.equal(page(await get(`?customer=${bob}&limit=100`)).items.length, 10);
    // 8 March holds reads 0-7 (08:00 to 22:00); 9 and 10 March the rest.
    assert.equal(page(await get('?from=2026-03-08&to=2026-03-08&limit=100')).items.length, 8);
    const ninth = page(await get(`?from=2026-03-09&to=2026-03-09&member=${tech.id}&limit=100`)).items;
    assert.ok(ninth.every((r) => r.at.startsWith('2026-03-09') && r.member.id === tech.id));
    assert.equal(ninth.length, 4);
  });

  it('PV-STF-1: a bad filter is a 400 naming it; an unknown customer is a 404 on customer', async () => {
    for (const [query, field] of [
      ['?member=sam', 'member'],
      ['?outcome=deleted', 'outcome'],
      ['?recordType=diary', 'recordType'],
      ['?from=2026-02-30', 'from'],
      ['?from=2026-03-10&to=2026-03-09', 'to'],
      ['?limit=1000', 'limit'],
      ['?surprise=1', ''],
    ] as const) {
      const res = await get(query);
      assert.equal(res.statusCode, 400, `${query}: ${res.body}`);
      if (field) assert.equal(errorOf(res).field, field, query);
    }
    const unknown = await get('?customer=nobody%40example.com');
    assert.equal(unknown.statusCode, 404);
    assert.equal(errorOf(unknown).field, 'customer');
  });

  it('PV-STF-1: the member filter lists every member with role and whether active', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/admin/audit-log/members',
      headers: { cookie: owner },
    });
    assert.equal(res.statusCode, 200);
    const names = (res.json() as { items: Array<{ name: string; role: string; active: boolean }> }).items;
    assert.ok(names.some((m) => m.name === 'Tess Technician' && m.role === 'technician' && m.active));
  });
});

describe('who read this record: the audit log filtered on one order, case or customer (PV-STF-1)', () => {
  const clock = fixedClock('2026-03-11T09:00:00Z');
  let t: TestApp;
  let owner: string;
  let guest: DeliveredOrder;
  let guestCase: { id: string; reference: string };
  let ada: string;
  let adaOrder: string;
  const sam = {
    id: '0190f000-0000-7000-8000-0000000000aa',
    name: 'Sam Support',
    role: 'customer_service' as const,
  };

  before(async () => {
    t = await startTestApp({ clock });
    owner = await t.staffCookie();
    // A guest's order and a case on it, through the shop's own routes: no customer id anywhere in their rows.
    guest = await deliveredOrder(t, owner, [{}], 'delivered', 'grace@example.com');
    guestCase = await openCase(t, owner, guest, guest.lineIds[0] as string);
    for (const url of [`/api/admin/orders/${guest.id}`, `/api/admin/cases/${guestCase.id}`]) {
      const res = await staffRequest(t, owner, 'GET', url);
      assert.equal(res.statusCode, 200, res.body);
    }
    ada = await insertCustomer(t.ctx.db, { email: 'ada@example.com', name: 'Ada Lovelace' });
    adaOrder = await insertOrder(t.ctx.db, {
      reference: 'AC-26-00777',
      customerId: ada,
      email: 'ada@example.com',
    });
    await recordStaffAccess(t.ctx.db, sam, clock.now(), [
      { outcome: 'refused', recordType: 'order', recordId: guest.id, customerId: null, fields: ['name'] },
      {
        outcome: 'read',
        recordType: 'evidence',
        recordId: guestCase.id,
        customerId: null,
        fields: ['evidence'],
      },
      { outcome: 'read', recordType: 'order', recordId: adaOrder, customerId: ada, fields: ['name'] },
    ]);
  });
  after(() => t.close());

  const get = (query: string) =>
    t.app.inject({ method: 'GET', url: `/api/admin/audit-log${query}`, headers: { cookie: owner } });
  const page = async (query: string) => {
    const res = await get(query);
    assert.equal(res.statusCode, 200, `${query}: ${res.body}`);
    return res.json() as Page & { note: string | null };
  };

  it('PV-STF-1: a guest order’s reads are found by its reference (as /admin/orders shows it) or its id, and only its own rows', async () => {
    for (const query of [
      `?record=${guest.reference}`,
      `?record=${guest.reference.toLowerCase()}&recordType=order`,
      `?record=${guest.id}`,
    ]) {
      const { items, note } = await page(`${query}&limit=100`);
      assert.equal(note, null);
      assert.ok(items.length >= 2, query);
      assert.ok(
        items.every((r) => r.recordType === 'order' && r.recordId === guest.id),
        query,
      );
      assert.ok(
        items.every((r) => r.recordReference === guest.reference),
        'each row names the order as /admin/orders shows it',
      );
      assert.ok(
        items.some((r) => r.member.id === sam.id && r.outcome === 'refused'),
        query,
      );
      assert.ok(
        items.some((r) => r.member.role === 'owner' && r.outcome === 'read'),
        query,
      );
    }
  });

  it('PV-STF-1: a case’s reads are found by its case number, with its evidence files; the evidence type narrows to those', async () => {
    const { items } = await page(`?record=${guestCase.reference}&recordType=case&limit=100`);
    assert.ok(items.every((r) => r.recordId === guestCase.id && r.recordReference === guestCase.reference));
    assert.deepEqual([...new Set(items.map((r) => r.recordType))].sort(), ['case', 'evidence']);
    const evidence = (await page(`?record=${guestCase.reference}&recordType=evidence`)).items;
    assert.deepEqual(
      evidence.map((r) => [r.recordType, r.member.id]),
      [['evidence', sam.id]],
    );
  });

  it('PV-STF-1: a customer’s email finds every row about their data, a guest’s (their orders and cases) as an account’s', async () => {
    const grace = (await page('?record=Grace%40Example.com&recordType=customer&limit=100')).items;
    assert.ok(grace.some((r) => r.recordId === guest.id));
    assert.ok(grace.some((r) => r.recordId === guestCase.id));
    assert.ok(grace.every((r) => r.recordId === guest.id || r.recordId === guestCase.id));
    const adas = (await page('?record=ada%40example.com&limit=100')).items;
    assert.deepEqual(
      adas.map((r) => [r.recordId, r.customerId]),
      [[adaOrder, ada]],
    );
  });

  it('PV-STF-1: a reference of no record is an empty page with a note saying so (never echoing an email), not an error', async () => {
    const order = await page('?record=AC-26-99999');
    assert.deepEqual(order.items, []);
    assert.match(order.note ?? '', /No order has the reference AC-26-99999/);
    const kase = await page('?record=rma-26-99999&recordType=case');
    assert.match(kase.note ?? '', /No case has the number RMA-26-99999/);
    const nobody = await page('?record=nobody%40example.com');
    assert.deepEqual(nobody.items, []);
    assert.ok(nobody.note && !nobody.note.includes('nobody'), nobody.note ?? '');
  });

  it('PV-STF-1: an evidence file’s own id (as in its gallery and download addresses) finds its case’s evidence reads', async () => {
    const fileId = uuidv7(clock.now().getTime());
    await t.ctx.db.insert(afterSalesEvidence).values({
      id: fileId,
      caseId: guestCase.id,
      kind: 'item_media',
      mediaType: 'image/jpeg',
      bytes: 100,
      storageKey: `test/${fileId}`,
      thumbnailKey: `test/${fileId}.thumb`,
      uploadedBy: 'customer',
      createdAt: clock.now(),
    });
    for (const query of [`?record=${fileId}`, `?record=${fileId}&recordType=evidence`]) {
      const { items, note } = await page(query);
      assert.equal(note, null, query);
      assert.deepEqual(
        items.map((r) => [r.recordType, r.recordId, r.member.id]),
        [['evidence', guestCase.id, sam.id]],
        query,
      );
    }
  });

  it('PV-STF-1: an id of no record, or of a record of another type than the one chosen, is an empty page with a note', async () => {
    const stranger = '0190f000-0000-7000-8000-00000000dead';
    for (const [query, words] of [
      [`?record=${stranger}`, `No record has the id ${stranger}`],
      [`?record=${guest.id}&recordType=case`, `No case has the id ${guest.id}`],
      [`?record=${guestCase.id}&recordType=order`, `No order has the id ${guestCase.id}`],
      [`?record=${adaOrder}&recordType=customer`, `No customer account has the id ${adaOrder}`],
    ] as const) {
      const { items, note } = await page(query);
      assert.deepEqual(items, [], query);
      assert.match(note ?? '', new RegExp(words), query);
    }
    // An id that exists but nobody read (as the type chosen) is just an empty page.
    const unread = await page(`?record=${ada}&recordType=customer`);
    assert.equal(unread.note, null);
  });

  it('PV-STF-1: a guest order’s reference as the customer is a 404 on customer that points to the Record filter', async () => {
    const res = await get(`?customer=${guest.reference}`);
    assert.equal(res.statusCode, 404, res.body);
    assert.equal(errorOf(res).field, 'customer');
    assert.match(errorOf(res).message, /Record filter/);
    assert.ok(!errorOf(res).message.includes(guest.reference), 'what was typed is not repeated');
  });

  it('PV-STF-1: a reference that fits no record, or not the record type chosen, is a 400 naming record', async () => {
    for (const query of [
      '?record=hello',
      '?record=AC-26',
      '?record=ada%40',
      `?record=${guest.reference}&recordType=case`,
      `?record=${guestCase.reference}&recordType=order`,
      '?record=ada%40example.com&recordType=order',
      `?record=${guest.reference}&recordType=mail`,
      `?record=${'x'.repeat(300)}`,
    ]) {
      const res = await get(query);
      assert.equal(res.statusCode, 400, `${query}: ${res.body}`);
      assert.equal(errorOf(res).field, 'record', query);
    }
    const type = await get('?record=AC-26-00001&recordType=diary');
    assert.equal(type.statusCode, 400);
    assert.equal(errorOf(type).field, 'recordType');
  });

  it('PV-STF-1: a large log is read in pages of at most 100 rows, in a stable order even for rows of one instant', async () => {
    const bulk = { id: '0190f000-0000-7000-8000-0000000000bb', name: 'Bulk Reader', role: 'owner' as const };
    // 250 rows written at the same instant: the id breaks the tie, so no page repeats or skips one.
    await recordStaffAccess(
      t.ctx.db,
      bulk,
      clock.now(),
      Array.from({ length: 250 }, (_, i) => ({
        outcome: 'read' as const,
        recordType: 'order' as const,
        recordId: `bulk-${i}`,
        customerId: null,
        fields: ['name'],
      })),
    );
    const sizes: number[] = [];
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const p: Page = await page(`?member=${bulk.id}&limit=100${cursor ? `&cursor=${cursor}` : ''}`);
      sizes.push(p.items.length);
      seen.push(...p.items.map((r) => r.id));
      cursor = p.nextCursor;
    } while (cursor);
    assert.deepEqual(sizes, [100, 100, 50]);
    assert.equal(new Set(seen).size, 250);
    assert.deepEqual(seen, [...seen].sort().reverse(), 'newest first, then by id');
    assert.equal((await page(`?member=${bulk.id}`)).items.length, 25, 'the default page is 25 rows');
    const tooMany = await get('?limit=101');
    assert.equal(tooMany.statusCode, 400);
    assert.equal(errorOf(tooMany).field, 'limit');
  });
});
