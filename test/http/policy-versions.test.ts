/**
 * The policy settings as numbered versions (issue 11 points 1-2): the owner saves a version with a reason
 * after previewing the differences; an open case keeps the version it was opened under (AS-DOA-1 decisions
 * included); versions are read, compared and restored; the storefront policy page shows the live version or,
 * with `?version=N`, an earlier one, in the words of `describePolicy`; each case page links to its version.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { casePagePath } from '../../src/aftersales/cases/case-link.ts';
import type { AdminCaseDetail } from '../../src/aftersales/cases/schemas.ts';
import { defaultPolicySettings, type PolicySettings } from '../../src/aftersales/policy.settings.ts';
import { describePolicy } from '../../src/aftersales/policy.text.ts';
import { fixedClock } from '../../src/shared/clock.ts';
import { json, signedInMember, startTestApp, type TestApp } from '../helpers/app.ts';
import { deliveredOrder, openCase, staffMove, staffRequest } from '../helpers/cases-fixtures.ts';
import { countRows, type ErrorShape } from '../helpers/orders-fixtures.ts';

interface VersionList {
  current: number;
  items: Array<{
    version: number;
    settings: PolicySettings;
    reason: string | null;
    createdBy: string | null;
    createdByName: string | null;
    openCases: number;
  }>;
}
interface Change {
  key: string;
  clause: string;
  text: string;
}

/** The paragraphs of the policy page, as text (React escapes &, <, >, " and '). */
function policyParagraphs(html: string): string[] {
  const decode = (s: string) =>
    s
      .replaceAll('&#x27;', "'")
      .replaceAll('&quot;', '"')
      .replaceAll('&lt;', '<')
      .replaceAll('&gt;', '>')
      .replaceAll('&amp;', '&');
  return [...html.matchAll(/<li class="[^"]*"><p class="text-gray-900">([^<]*)<\/p><\/li>/g)].map((m) =>
    decode(m[1] as string),
  );
}

const wordsOf = (settings: PolicySettings) =>
  describePolicy(settings).flatMap((s) => s.clauses.map((c) => c.text));

describe('policy settings as versions (issue 11 points 1-2)', () => {
  const clock = fixedClock('2026-03-02T09:00:00Z');
  let t: TestApp;
  let owner = '';
  let cs = '';
  const req = (cookie: string, method: 'GET' | 'POST', url: string, payload?: unknown) =>
    staffRequest(t, cookie, method, url, payload);
  const versionRows = () => countRows(t.ctx.db, 'policy_versions');
  const list = async () => json<VersionList>(await req(cs, 'GET', '/api/admin/policy/versions'));
  const longerDoa = { ...defaultPolicySettings, doaDaysAfterDelivery: 5 };

  before(async () => {
    t = await startTestApp({ clock, env: { STAFF_IDLE_MINUTES: '720' } });
    owner = await t.staffCookie();
    cs = (await signedInMember(t, 'cs@aftercare.test', 'Casey', 'customer_service')).cookie;
  });
  after(() => t.close());

  it('every staff member reads the versions; without a session it is a 401; only the owner saves (403), and nothing is saved', async () => {
    const first = await list();
    assert.equal(first.current, 1);
    assert.deepEqual(first.items[0]?.settings, defaultPolicySettings);
    assert.equal(first.items[0]?.reason, null);
    const before = await versionRows();
    for (const [method, url, payload] of [
      ['GET', '/api/admin/policy/versions', undefined],
      ['GET', '/api/admin/policy/versions/1', undefined],
      ['GET', '/api/admin/policy/versions/compare?from=1&to=1', undefined],
      ['POST', '/api/admin/policy/versions/preview', { settings: longerDoa }],
      ['POST', '/api/admin/policy/versions', { settings: longerDoa, reason: 'Five days for DOA' }],
    ] as const) {
      assert.equal((await req('', method, url, payload)).statusCode, 401, `${method} ${url}`);
    }
    const res = await req(cs, 'POST', '/api/admin/policy/versions', {
      settings: longerDoa,
      reason: 'Five days for DOA',
    });
    assert.equal(res.statusCode, 403);
    assert.equal(json<ErrorShape>(res).error.code, 'forbidden');
    assert.equal((await req(cs, 'GET', '/api/admin/policy/versions/1')).statusCode, 200);
    assert.equal(await versionRows(), before);
  });

  it('bad input is a 400 naming settings.<field> or reason, and nothing is saved: out of range, non-integer days or cents, a missing or short reason', async () => {
    const before = await versionRows();
    const cases: Array<[unknown, string]> = [
      [
        { settings: { ...longerDoa, doaDaysAfterDelivery: 3651 }, reason: 'Too long' },
        'settings.doaDaysAfterDelivery',
      ],
      [
        { settings: { ...longerDoa, doaDaysAfterDelivery: 2.5 }, reason: 'Half days' },
        'settings.doaDaysAfterDelivery',
      ],
      [
        { settings: { ...longerDoa, returnShippingFeeCapCents: 1500.5 }, reason: 'Half cents' },
        'settings.returnShippingFeeCapCents',
      ],
      [
        { settings: { ...longerDoa, returnShippingFeeCapCents: 0 }, reason: 'No cap at all' },
        'settings.returnShippingFeeCapCents',
      ],
      [{ settings: { ...longerDoa, warrantyMonths: '12' }, reason: 'A string' }, 'settings.warrantyMonths'],
      [{ settings: longerDoa }, 'reason'],
      [{ settings: longerDoa, reason: '   ok   ' }, 'reason'],
      [{ settings: longerDoa, reason: 'x'.repeat(501) }, 'reason'],
    ];
    for (const [payload, field] of cases) {
      const res = await req(owner, 'POST', '/api/admin/policy/versions', payload);
      assert.equal(res.statusCode, 400, `${field}: ${res.body}`);
      assert.equal(json<ErrorShape>(res).error.field, field);
    }
    const preview = await req(owner, 'POST', '/api/admin/policy/versions/preview', {
      settings: { ...longerDoa, defectiveDaysAfterShipment: -1 },
    });
    assert.equal(preview.statusCode, 400);
    assert.equal(json<ErrorShape>(preview).error.field, 'settings.defectiveDaysAfterShipment');
    assert.equal(await versionRows(), before);
  });

  it('a version that does not exist: 404 naming it; a version that is not a number: 400 naming it', async () => {
    let res = await req(cs, 'GET', '/api/admin/policy/versions/99');
    assert.equal(res.statusCode, 404);
    assert.equal(json<ErrorShape>(res).error.field, 'version');
    res = await req(cs, 'GET', '/api/admin/policy/versions/abc');
    assert.equal(res.statusCode, 400);
    assert.equal(json<ErrorShape>(res).error.field, 'version');
    res = await req(cs, 'GET', '/api/admin/policy/versions/compare?from=1&to=99');
    assert.equal(res.statusCode, 404);
    assert.equal(json<ErrorShape>(res).error.field, 'to');
    res = await req(cs, 'GET', '/api/admin/policy/versions/compare?from=1.5&to=1');
    assert.equal(res.statusCode, 400);
    assert.equal(json<ErrorShape>(res).error.field, 'from');
  });

  it('a case opened under version 1 keeps its decisions after version 2 is saved (AS-DOA-1: 3 days, not 5); the preview names the change and the open case', async () => {
    const order = await deliveredOrder(t, owner);
    const opened = await openCase(t, owner, order, order.lineIds[0] as string);
    assert.match(opened.assessment.reasons[0]?.message ?? '', /within the 3 days/);

    const previewRes = await req(owner, 'POST', '/api/admin/policy/versions/preview', {
      settings: longerDoa,
    });
    assert.equal(previewRes.statusCode, 200, previewRes.body);
    const preview = json<{ current: number; changes: Change[]; openCasesKeepingTheirVersion: number }>(
      previewRes,
    );
    assert.equal(preview.current, 1);
    assert.deepEqual(
      preview.changes.map((c) => [c.clause, c.text]),
      [['AS-DOA-1', 'Dead-on-arrival window: 3 → 5 days']],
    );
    assert.equal(preview.openCasesKeepingTheirVersion, 1);
    assert.equal(await versionRows(), 1, 'a preview saves nothing');

    const saved = await req(owner, 'POST', '/api/admin/policy/versions', {
      settings: longerDoa,
      reason: '  Five days to report a dead-on-arrival item  ',
    });
    assert.equal(saved.statusCode, 201, saved.body);
    const v2 = json<{ policy: { version: number; reason: string; createdBy: string } }>(saved).policy;
    assert.equal(v2.version, 2);
    assert.equal(v2.reason, 'Five days to report a dead-on-arrival item');

    const versions = await list();
    assert.equal(versions.current, 2);
    assert.deepEqual(
      versions.items.map((v) => [v.version, v.openCases]),
      [
        [2, 0],
        [1, 1],
      ],
      'the open case stays with version 1',
    );
    assert.ok(versions.items[0]?.createdByName, 'who saved version 2, by name');
    assert.equal(versions.items[1]?.createdByName, null);

    // The case is judged again at a staff decision, still by version 1.
    await staffMove(t, cs, opened.id, { action: 'start_troubleshooting' });
    const detail = json<{ case: AdminCaseDetail }>(
      await req(cs, 'GET', `/api/admin/cases/${opened.id}`),
    ).case;
    assert.equal(detail.policyVersion, 1);
    assert.match(detail.assessment.reasons[0]?.message ?? '', /within the 3 days/);
    assert.deepEqual(detail.assessment.resolutions, opened.assessment.resolutions);

    // A new claim follows version 2.
    const later = await deliveredOrder(t, owner);
    const fresh = await openCase(t, owner, later, later.lineIds[0] as string);
    assert.match(fresh.assessment.reasons[0]?.message ?? '', /within the 5 days/);

    // Both case pages link to the version that judged the case.
    const page = await t.app.inject({ url: casePagePath(order.token, opened.reference) });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /href="\/policies\/after-sales\?version=1"/);
  });

  it('any two versions compare in words, either way; one version reads by number', async () => {
    let res = await req(cs, 'GET', '/api/admin/policy/versions/compare?from=2&to=1');
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(
      json<{ changes: Change[] }>(res).changes.map((c) => c.text),
      ['Dead-on-arrival window: 5 → 3 days'],
    );
    res = await req(cs, 'GET', '/api/admin/policy/versions/compare?from=1&to=1');
    assert.deepEqual(json<{ changes: Change[] }>(res).changes, []);
    res = await req(cs, 'GET', '/api/admin/policy/versions/2');
    assert.equal(res.statusCode, 200);
    assert.deepEqual(json<{ policy: { settings: PolicySettings } }>(res).policy.settings, longerDoa);
  });

  it('the storefront policy page shows the live version with its number and date; ?version=1 is describePolicy of version 1 with a link to the current one', async () => {
    let res = await t.app.inject({ url: '/policies/after-sales' });
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /Version <!-- -->2<!-- -->, in effect since <!-- -->2 Mar 2026/);
    assert.deepEqual(policyParagraphs(res.body), wordsOf(longerDoa));
    assert.doesNotMatch(res.body, /not the current policy/);

    res = await t.app.inject({ url: '/policies/after-sales?version=1' });
    assert.equal(res.statusCode, 200);
    assert.deepEqual(policyParagraphs(res.body), wordsOf(defaultPolicySettings));
    assert.match(res.body, /This is not the current policy/);
    assert.match(res.body, /href="\/policies\/after-sales"[^>]*>Read the current policy/);

    for (const bad of ['99', 'abc', '0', '1.5', '-1', '']) {
      res = await t.app.inject({ url: `/policies/after-sales?version=${bad}` });
      assert.equal(res.statusCode, 404, `version=${bad}`);
    }
  });

  it('rolling back is saving version 1 as a new version 3 with a reason', async () => {
    const res = await req(owner, 'POST', '/api/admin/policy/versions', {
      settings: (await list()).items.find((v) => v.version === 1)?.settings,
      reason: 'Restore version 1: back to three days',
    });
    assert.equal(res.statusCode, 201, res.body);
    const versions = await list();
    assert.equal(versions.current, 3);
    assert.deepEqual(versions.items[0]?.settings, defaultPolicySettings);
    const page = await t.app.inject({ url: '/policies/after-sales' });
    assert.deepEqual(policyParagraphs(page.body), wordsOf(defaultPolicySettings));
  });
});
