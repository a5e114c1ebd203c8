/**
 * No decision on the evidence before it is in, unless staff write why (issue 10 points 2–3): authorising a
 * return (AS-GEN-2) or resolving without one (AS-GEN-5, AS-INC-2) while a required kind of the assessment's
 * evidence list (AS-DOA-2, AS-DEF-6, AS-INC-3) has no file is a 409 naming the kinds and `overrideReason`; with
 * the reason the move is made and the timeline keeps it beside the engine's answer with the missing kinds.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { AdminCaseDetail } from '../../src/aftersales/cases/schemas.ts';
import { fixedClock } from '../../src/shared/clock.ts';
import { json, signedInMember, startTestApp, type TestApp } from '../helpers/app.ts';
import { deliveredOrder, openCase, staffMove, staffRequest } from '../helpers/cases-fixtures.ts';
import { sendMissingEvidence } from '../helpers/evidence-fixtures.ts';
import { countRows, type ErrorShape, type ProductOptions } from '../helpers/orders-fixtures.ts';

type Refusal = ErrorShape & { error: { clause?: string; missingEvidence?: string[] } };

const phone: ProductOptions = { category: 'smartphone', priceCents: 49_900 };
const because = 'The customer showed the dead phone on a video call; the photos follow.';

describe('decisions wait for the required evidence unless staff write why (issue 10 points 2–3)', () => {
  const clock = fixedClock('2026-03-02T09:00:00Z');
  let t: TestApp;
  let owner = '';
  let cs = '';
  let tech = '';

  before(async () => {
    t = await startTestApp({ clock, env: { STAFF_IDLE_MINUTES: '720' } });
    owner = await t.staffCookie();
    cs = (await signedInMember(t, 'cs@aftercare.test', 'Casey Service', 'customer_service')).cookie;
    tech = (await signedInMember(t, 'tech@aftercare.test', 'Tess Technician', 'technician')).cookie;
  });
  after(() => t.close());

  /** A delivered order of `product` with a claim of `kind` waiting for its evidence; the case's id. */
  const waitingCase = async (kind: string, facts: object, product: ProductOptions = phone) => {
    const o = await deliveredOrder(t, owner, [product]);
    const c = await openCase(t, owner, o, o.lineIds[0] as string, kind, facts);
    await staffMove(t, cs, c.id, { action: 'request_evidence' });
    return c.id;
  };
  const act = (cookie: string, id: string, body: object) =>
    staffRequest(t, cookie, 'POST', `/api/admin/cases/${id}/actions`, body);
  const detail = async (id: string) =>
    json<{ case: AdminCaseDetail }>(await staffRequest(t, owner, 'GET', `/api/admin/cases/${id}`)).case;
  const writes = async () => ({
    events: await countRows(t.ctx.db, 'after_sales_case_events'),
    mails: await countRows(t.ctx.db, 'mail_outbox'),
  });

  it('AS-DOA-2, AS-GEN-2: authorising a return without the photos is a 409 naming the missing kinds and overrideReason; nothing is written', async () => {
    const id = await waitingCase('dead_on_arrival', { openedByCustomer: true, troubleshootingDone: true });
    const d = await detail(id);
    assert.deepEqual(d.missingEvidence, ['package_front', 'package_back', 'item_media', 'malfunction_media']);
    const before = await writes();
    const res = await act(cs, id, { action: 'authorise_return' });
    assert.equal(res.statusCode, 409, res.body);
    assert.match(String(res.headers['content-type']), /application\/json/);
    const err = json<Refusal>(res).error;
    assert.equal(err.code, 'conflict');
    assert.equal(err.field, 'overrideReason');
    assert.equal(err.clause, 'AS-DOA-2');
    assert.deepEqual(err.missingEvidence, [
      'package_front',
      'package_back',
      'item_media',
      'malfunction_media',
    ]);
    assert.match(err.message, /^Still missing: photo of the front of the parcel/);
    assert.equal((await detail(id)).state, 'awaiting_evidence');
    assert.deepEqual(await writes(), before, 'no timeline row, no email');
  });

  it('AS-DOA-2: a reason shorter than CASE_OVERRIDE_REASON_MIN_CHARS visible characters (zero-width and bidirectional ones do not count) is a 400 naming overrideReason; nothing is written', async () => {
    const id = await waitingCase('dead_on_arrival', { openedByCustomer: true, troubleshootingDone: true });
    const before = await writes();
    for (const overrideReason of ['seen it', `ok${'\u200B'.repeat(20)}`, '\u202E\u00AD'.repeat(10)]) {
      const res = await act(cs, id, { action: 'authorise_return', overrideReason });
      assert.equal(res.statusCode, 400, res.body);
      assert.equal(json<ErrorShape>(res).error.field, 'overrideReason');
    }
    assert.equal((await detail(id)).state, 'awaiting_evidence');
    assert.deepEqual(await writes(), before);
  });

  it('AS-DOA-2: with a written reason the return is authorised; the timeline keeps the reason, the engine’s answer and what was missing', async () => {
    const id = await waitingCase('dead_on_arrival', { openedByCustomer: true, troubleshootingDone: true });
    const res = await act(cs, id, { action: 'authorise_return', overrideReason: because });
    assert.equal(res.statusCode, 200, res.body);
    // PV-STF-1: customer service acted on an unassigned case, seen masked: the reason exists, its text does not.
    assert.equal(json<{ case: AdminCaseDetail }>(res).case.timeline.at(-1)?.overrideReason, '');
    const d = await detail(id);
    assert.equal(d.state, 'return_authorised');
    const last = d.timeline.at(-1);
    assert.equal(last?.action, 'authorise_return');
    assert.equal(last?.overrideReason, because);
    assert.equal(last?.details?.overridden, true);
    assert.equal(last?.details?.overriddenClause, 'AS-DOA-2');
    assert.deepEqual(last?.details?.missingEvidence, {
      clause: 'AS-DOA-2',
      kinds: ['package_front', 'package_back', 'item_media', 'malfunction_media'],
    });
    assert.equal(
      last?.assessment?.eligible,
      true,
      'the engine’s answer of this step is kept beside the reason',
    );
    assert.deepEqual(last?.assessment, d.assessment);
  });

  it('AS-DOA-2: only the kinds still without a file are named; once all are in, no reason is asked and none is kept', async () => {
    const id = await waitingCase('dead_on_arrival', { openedByCustomer: true, troubleshootingDone: true });
    // Evidence is sent kind by kind: after the first files only the rest is missing.
    assert.deepEqual(await sendMissingEvidence(t, id, 2), ['package_front', 'package_back']);
    assert.deepEqual((await detail(id)).missingEvidence, ['item_media', 'malfunction_media']);
    let res = await act(cs, id, { action: 'authorise_return' });
    assert.equal(res.statusCode, 409, res.body);
    assert.deepEqual(json<Refusal>(res).error.missingEvidence, ['item_media', 'malfunction_media']);
    assert.deepEqual(await sendMissingEvidence(t, id), ['item_media', 'malfunction_media']);
    const d0 = await detail(id);
    assert.deepEqual(d0.missingEvidence, []);
    res = await act(cs, id, { action: 'authorise_return' });
    assert.equal(res.statusCode, 200, res.body);
    const last = json<{ case: AdminCaseDetail }>(res).case.timeline.at(-1);
    assert.equal(last?.overrideReason, null);
    assert.equal(last?.details?.missingEvidence, undefined);
    assert.equal(last?.details?.overridden, undefined);
  });

  it('AS-DEF-6, AS-GEN-5: a coupon without a return waits for the defect photos too; the optional slips never block', async () => {
    const id = await waitingCase(
      'defective',
      { openedByCustomer: false, troubleshootingDone: true },
      { category: 'other', priceCents: 4_900 },
    );
    let res = await act(cs, id, { action: 'resolve_without_return', resolution: 'coupon' });
    assert.equal(res.statusCode, 409, res.body);
    const err = json<Refusal>(res).error;
    assert.equal(err.clause, 'AS-DEF-6');
    assert.deepEqual(err.missingEvidence, ['package_front', 'package_back', 'item_media', 'defect_media']);
    await sendMissingEvidence(t, id);
    res = await act(cs, id, { action: 'resolve_without_return', resolution: 'coupon' });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(json<{ case: AdminCaseDetail }>(res).case.state, 'resolved');
  });

  it('AS-INC-3, AS-INC-2: keeping an incorrect item with a voucher before its photo is in needs the reason, which covers it', async () => {
    const id = await waitingCase('incorrect_item', { openedByCustomer: true });
    const voucher = { action: 'resolve_without_return', resolution: 'keep_with_voucher', valueCents: 1_000 };
    let res = await act(cs, id, voucher);
    assert.equal(res.statusCode, 409, res.body);
    assert.deepEqual(json<Refusal>(res).error.missingEvidence, ['item_media']);
    assert.equal(json<Refusal>(res).error.clause, 'AS-INC-3');
    res = await act(cs, id, { ...voucher, overrideReason: because });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(json<{ case: AdminCaseDetail }>(res).case.timeline.at(-1)?.overrideReason, '', 'masked');
    const last = (await detail(id)).timeline.at(-1);
    assert.deepEqual(last?.details?.missingEvidence, { clause: 'AS-INC-3', kinds: ['item_media'] });
    assert.equal(last?.overrideReason, because);
  });

  it('declining needs no evidence: a claim refused is refused without photos', async () => {
    const id = await waitingCase('dead_on_arrival', { openedByCustomer: true, troubleshootingDone: true });
    const res = await act(cs, id, {
      action: 'decline',
      overrideReason: 'The customer confirmed on the phone that it works after all.',
    });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(
      json<{ case: AdminCaseDetail }>(res).case.timeline.at(-1)?.details?.missingEvidence,
      undefined,
    );
  });

  it('roles as before: no session is a 401, a technician a 403 even with a reason, an unknown case a 404', async () => {
    const id = await waitingCase('dead_on_arrival', { openedByCustomer: true, troubleshootingDone: true });
    let res = await act('', id, { action: 'authorise_return', overrideReason: because });
    assert.equal(res.statusCode, 401);
    res = await act(tech, id, { action: 'authorise_return', overrideReason: because });
    assert.equal(res.statusCode, 403, 'the role is checked before the evidence');
    res = await act(cs, '0190a0b0-0000-7000-8000-000000000000', { action: 'authorise_return' });
    assert.equal(res.statusCode, 404);
    res = await staffRequest(t, '', 'GET', `/api/admin/cases/${id}`);
    assert.equal(res.statusCode, 401, 'the missing kinds are staff’s to see');
    assert.equal((await detail(id)).state, 'awaiting_evidence');
  });
});
