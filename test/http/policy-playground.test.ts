/**
 * The policy playground over HTTP (issue 11 point 3): staff send a hypothetical claim and get, for the live
 * policy version or any one or two others, exactly what `assessClaim` answers under that version's settings,
 * with the reasons in words and as reply text. Nothing is stored; bad input is a 4xx naming the field.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { assessmentWords, explanationText } from '../../src/aftersales/assessment-words.ts';
import type { ClaimInput } from '../../src/aftersales/claim.schema.ts';
import type {
  PlaygroundAssessResponse,
  PlaygroundFromOrder,
} from '../../src/aftersales/playground/schemas.ts';
import { assessClaim, defaultPolicySettings, type PolicySettings } from '../../src/aftersales/policy.ts';
import { fixedClock } from '../../src/shared/clock.ts';
import { json, signedInMember, startTestApp, type TestApp } from '../helpers/app.ts';
import { deliveredOrder, staffRequest } from '../helpers/cases-fixtures.ts';
import type { ErrorShape } from '../helpers/orders-fixtures.ts';

const SHIPPED = '2026-01-10T10:00:00.000Z';
const DELIVERED = '2026-01-12T10:00:00.000Z';
const phone = {
  category: 'smartphone',
  unitPriceCents: 49_900,
  clearance: false,
  specialWarranty: false,
  openedByCustomer: false,
} as const;

function claimOf(
  kind: ClaimInput['kind'],
  openedAt: string,
  extra: Partial<Omit<ClaimInput, 'kind' | 'openedAt'>> = {},
): ClaimInput {
  return { kind, openedAt, shippedAt: SHIPPED, deliveredAt: DELIVERED, item: phone, ...extra };
}

/** One claim per kind and path, with the clause that must decide it. */
const table: Array<{ name: string; claim: ClaimInput; eligible: boolean; clause: string }> = [
  {
    name: 'dead on arrival, reported 2 days after delivery (AS-DOA-1)',
    claim: claimOf('dead_on_arrival', '2026-01-14T10:00:00Z', { facts: { troubleshootingDone: true } }),
    eligible: true,
    clause: 'AS-DOA-1',
  },
  {
    name: 'dead on arrival, reported 8 days after delivery (AS-DOA-1)',
    claim: claimOf('dead_on_arrival', '2026-01-20T10:00:00Z'),
    eligible: false,
    clause: 'AS-DOA-1',
  },
  {
    name: 'dead on arrival, delivery untraceable, 22 days after shipment (AS-DOA-1)',
    claim: claimOf('dead_on_arrival', '2026-02-01T10:00:00Z', { deliveredAt: null }),
    eligible: true,
    clause: 'AS-DOA-1',
  },
  {
    name: 'defective in the 90 days, a screen to replace within 7 days of receipt (AS-DEF-2, AS-GEN-4)',
    claim: claimOf('defective', '2026-01-15T10:00:00Z', {
      facts: { troubleshootingDone: true, componentsToReplace: ['screen'] },
    }),
    eligible: true,
    clause: 'AS-GEN-4',
  },
  {
    name: 'defective after the 90 days, still under warranty: repair only (AS-GEN-6)',
    claim: claimOf('defective', '2026-06-01T10:00:00Z', { facts: { troubleshootingDone: true } }),
    eligible: true,
    clause: 'AS-GEN-6',
  },
  {
    name: 'defective clearance item: excluded from the warranty (AS-GEN-6)',
    claim: claimOf('defective', '2026-01-20T10:00:00Z', { item: { ...phone, clearance: true } }),
    eligible: false,
    clause: 'AS-GEN-6',
  },
  {
    name: 'defective wearable under $100: a coupon instead of a repair (AS-GEN-5)',
    claim: claimOf('defective', '2026-01-20T10:00:00Z', {
      item: { ...phone, category: 'wearable', unitPriceCents: 4_999 },
      facts: { troubleshootingDone: true },
    }),
    eligible: true,
    clause: 'AS-GEN-5',
  },
  {
    name: 'incorrect item with physical damage: keep it with a voucher (AS-INC-2)',
    claim: claimOf('incorrect_item', '2026-01-14T10:00:00Z', {
      facts: { physicalDamage: true, troubleshootingDone: true },
    }),
    eligible: true,
    clause: 'AS-INC-2',
  },
  {
    name: 'incorrect item where only the logo differs (AS-INC-4)',
    claim: claimOf('incorrect_item', '2026-01-14T10:00:00Z', { facts: { onlyLogoOrPackagingDiffers: true } }),
    eligible: false,
    clause: 'AS-INC-4',
  },
  {
    name: 'change of mind (AS-RET-1)',
    claim: claimOf('change_of_mind', '2026-01-14T10:00:00Z'),
    eligible: false,
    clause: 'AS-RET-1',
  },
  {
    name: 'dead on arrival with a return fee at the cap: nothing reimbursed (AS-GEN-3)',
    claim: claimOf('dead_on_arrival', '2026-01-13T10:00:00Z', { facts: { returnShippingFeeCents: 1_500 } }),
    eligible: true,
    clause: 'AS-GEN-3',
  },
];

/** The engine's answer as it travels in JSON. */
const wire = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

describe('policy playground over HTTP (issue 11 point 3)', () => {
  const clock = fixedClock('2026-03-02T09:00:00Z');
  let t: TestApp;
  let owner = '';
  let technician = '';

  const assess = (cookie: string, body: unknown) =>
    staffRequest(t, cookie, 'POST', '/api/admin/policy/assess', body);

  /** Every row of every table of the shop (jobs live in their own schema). */
  async function rowCounts(): Promise<Record<string, number>> {
    const tables = (await t.ctx.db.execute(
      sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
    )) as unknown as { rows: Array<{ table_name: string }> };
    const counts: Record<string, number> = {};
    for (const { table_name } of tables.rows) {
      const r = (await t.ctx.db.execute(
        sql.raw(`select count(*)::int as n from "${table_name}"`),
      )) as unknown as {
        rows: Array<{ n: number }>;
      };
      counts[table_name] = r.rows[0]?.n ?? 0;
    }
    return counts;
  }

  before(async () => {
    t = await startTestApp({ clock });
    owner = await t.staffCookie();
    technician = (await signedInMember(t, 'tech@aftercare.test', 'Tess Technician', 'technician')).cookie;
  });
  after(() => t.close());

  it('answers exactly what assessClaim answers under the live version, for every kind and path, with the reasons in words and as reply text', async () => {
    for (const row of table) {
      const res = await assess(technician, { claim: row.claim });
      assert.equal(res.statusCode, 200, `${row.name}: ${res.body}`);
      assert.equal(res.headers['cache-control'], 'no-store');
      const body = json<PlaygroundAssessResponse>(res);
      assert.equal(body.liveVersion, 1);
      assert.equal(body.answers.length, 1, row.name);
      const answer = body.answers[0] as PlaygroundAssessResponse['answers'][number];
      const expected = assessClaim(row.claim, defaultPolicySettings);
      assert.deepEqual(answer.assessment, wire(expected), row.name);
      assert.equal(answer.version, 1);
      assert.equal(answer.live, true);
      assert.equal(answer.assessment.eligible, row.eligible, row.name);
      assert.ok(
        answer.assessment.reasons.some((r) => r.clause === row.clause),
        `${row.name}: ${row.clause} among ${answer.assessment.reasons.map((r) => r.clause)}`,
      );
      assert.deepEqual(answer.words, wire(assessmentWords(expected)), row.name);
      assert.equal(answer.explanation, explanationText(assessmentWords(expected)), row.name);
      for (const reason of expected.reasons) assert.ok(answer.explanation.includes(`- ${reason.message}\n`));
      assert.doesNotMatch(answer.explanation, /AS-[A-Z]+-\d/, 'a reply to a customer carries no clause IDs');
    }
  });

  it('puts two policy versions side by side: a longer dead-on-arrival window (AS-DOA-1) in version 2 covers what version 1 does not', async () => {
    const v2: PolicySettings = { ...defaultPolicySettings, doaDaysAfterDelivery: 7 };
    const saved = await staffRequest(t, owner, 'POST', '/api/admin/policy/versions', {
      settings: v2,
      reason: 'A longer dead-on-arrival window for the holidays.',
    });
    assert.equal(saved.statusCode, 201, saved.body);
    const claim = claimOf('dead_on_arrival', '2026-01-17T10:00:00Z', {
      facts: { troubleshootingDone: true },
    });

    const res = await assess(technician, { claim, versions: [1, 2] });
    assert.equal(res.statusCode, 200, res.body);
    const body = json<PlaygroundAssessResponse>(res);
    assert.equal(body.liveVersion, 2);
    assert.deepEqual(
      body.answers.map((a) => [a.version, a.live, a.assessment.eligible]),
      [
        [1, false, false],
        [2, true, true],
      ],
    );
    assert.deepEqual(body.answers[0]?.assessment, wire(assessClaim(claim, defaultPolicySettings)));
    assert.deepEqual(body.answers[1]?.assessment, wire(assessClaim(claim, v2)));
    assert.match(body.answers[1]?.explanation ?? '', /within the 7 days allowed for dead-on-arrival claims/);

    // Without versions: the live one, now version 2.
    const live = json<PlaygroundAssessResponse>(await assess(technician, { claim }));
    assert.deepEqual(
      live.answers.map((a) => a.version),
      [2],
    );
  });

  it('refuses bad input with a 4xx naming the field, and stores nothing either way', async () => {
    const before = await rowCounts();
    const good = table[0]?.claim as ClaimInput;
    const cases: Array<[unknown, number, string]> = [
      [{ claim: { ...good, deliveredAt: '2026-01-09T10:00:00Z' } }, 400, 'claim.deliveredAt'],
      [{ claim: { ...good, openedAt: '2026-01-11T10:00:00Z' } }, 400, 'claim.openedAt'],
      [{ claim: { ...good, kind: 'lost_in_post' } }, 400, 'claim.kind'],
      [{ claim: { ...good, item: { ...phone, unitPriceCents: -1 } } }, 400, 'claim.item.unitPriceCents'],
      [{ claim: { ...good, item: { ...phone, colour: 'red' } } }, 400, 'claim.item.colour'],
      [
        { claim: { ...good, facts: { componentsToReplace: ['screen', 'screen'] } } },
        400,
        'claim.facts.componentsToReplace',
      ],
      [{ claim: good, versions: [] }, 400, 'versions'],
      [{ claim: good, versions: [1, 1] }, 400, 'versions'],
      [{ claim: good, versions: [1, 2, 3] }, 400, 'versions'],
      [{ claim: good, versions: [1.5] }, 400, 'versions.0'],
      [{ claim: good, versions: [1, 99] }, 404, 'versions.1'],
      [{ ...good }, 400, 'claim'],
    ];
    for (const [body, status, field] of cases) {
      const res = await assess(owner, body);
      assert.equal(res.statusCode, status, `${field}: ${res.body}`);
      assert.equal(json<ErrorShape>(res).error.field, field, res.body);
    }
    // A good claim stores nothing either.
    assert.equal((await assess(owner, { claim: good, versions: [1, 2] })).statusCode, 200);
    assert.deepEqual(await rowCounts(), before);
  });

  it('answers 401 without a staff session and 403 to a post from another site', async () => {
    const claim = table[0]?.claim;
    let res = await assess('', { claim });
    assert.equal(res.statusCode, 401);
    assert.equal(res.headers['cache-control'], 'no-store');
    res = await staffRequest(t, '', 'GET', '/api/admin/policy/assess/from-order?reference=AC-26-00001');
    assert.equal(res.statusCode, 401);
    // A shopper's cart cookie is no staff session.
    res = await staffRequest(t, 'ac_cart=whatever', 'POST', '/api/admin/policy/assess', { claim });
    assert.equal(res.statusCode, 401);
    res = await t.app.inject({
      method: 'POST',
      url: '/api/admin/policy/assess',
      headers: { cookie: owner, origin: 'https://evil.test' },
      payload: { claim },
    });
    assert.equal(res.statusCode, 403);
  });

  it('starts from a real order: each line as the customer’s claim would be built, the same answer as the customer’s page', async () => {
    const order = await deliveredOrder(t, owner, [
      { category: 'wearable', priceCents: 8_900, clearance: true },
      { category: 'tablet', priceCents: 32_000, specialWarranty: true },
    ]);
    const res = await staffRequest(
      t,
      technician,
      'GET',
      `/api/admin/policy/assess/from-order?reference=${order.reference.toLowerCase()}&kind=defective`,
    );
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.headers['cache-control'], 'no-store');
    const from = json<PlaygroundFromOrder>(res);
    assert.equal(from.order.reference, order.reference);
    assert.equal(from.order.deliveredAt, clock.now().toISOString());
    assert.deepEqual(from.lines.map((l) => l.orderLineId).sort(), [...order.lineIds].sort());
    assert.deepEqual(
      from.lines
        .map((l) => [l.claim.kind, l.claim.item])
        .sort((x, y) =>
          (x[1] as { category: string }).category.localeCompare((y[1] as { category: string }).category),
        ),
      [
        [
          'defective',
          {
            category: 'tablet',
            unitPriceCents: 32_000,
            clearance: false,
            specialWarranty: true,
            openedByCustomer: false,
          },
        ],
        [
          'defective',
          {
            category: 'wearable',
            unitPriceCents: 8_900,
            clearance: true,
            specialWarranty: false,
            openedByCustomer: false,
          },
        ],
      ],
    );
    assert.doesNotMatch(res.body, /@/, 'no email in the answer');
    assert.deepEqual(
      from.lines.map((l) => [l.claim.shippedAt, l.claim.openedAt]),
      from.lines.map(() => [from.order.shippedAt, clock.now().toISOString()]),
    );

    // The customer's own check of the same line and answers gives the same assessment.
    const line = from.lines.find(
      (l) => l.claim.item.category === 'wearable',
    ) as PlaygroundFromOrder['lines'][number];
    const customer = await t.app.inject({
      method: 'POST',
      url: `/api/orders/by-link/${order.token}/claims/assess`,
      payload: {
        lines: [{ orderLineId: line.orderLineId, kind: 'defective', facts: { openedByCustomer: false } }],
      },
    });
    assert.equal(customer.statusCode, 200, customer.body);
    const played = json<PlaygroundAssessResponse>(await assess(technician, { claim: line.claim }));
    assert.deepEqual(
      played.answers[0]?.assessment,
      json<{ lines: Array<{ assessment: unknown }> }>(customer).lines[0]?.assessment,
    );

    const unknown = await staffRequest(
      t,
      owner,
      'GET',
      '/api/admin/policy/assess/from-order?reference=AC-99-99999',
    );
    assert.equal(unknown.statusCode, 404);
    assert.equal(json<ErrorShape>(unknown).error.field, 'reference');
    const placed = await deliveredOrder(t, owner, [{}], 'placed');
    const notShipped = await staffRequest(
      t,
      owner,
      'GET',
      `/api/admin/policy/assess/from-order?reference=${placed.reference}`,
    );
    assert.equal(notShipped.statusCode, 409, notShipped.body);
    assert.equal(json<ErrorShape>(notShipped).error.field, 'reference');
    assert.match(json<ErrorShape>(notShipped).error.message, /has not shipped yet/);
  });
});
