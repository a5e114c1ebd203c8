/**
 * Properties of the after-sales engine over generated claims and settings (fast-check, fixed seed), and the
 * agreement of the hand-written fast paths (claim reader, date parser, date formatter, month arithmetic) with
 * zod and `Date`, which they replace for speed.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { z } from 'zod';
import { catalogueClauseIds } from '../../test/helpers/clauses.ts';
import { addCalendarMonthsUtc, DAY_MS, parseIsoInstant, toIsoString } from '../shared/time.ts';
import { parseClaim } from './claim.schema.ts';
import {
  assessClaim,
  type ClaimInput,
  claimInputSchema,
  defaultPolicySettings,
  InvalidClaimError,
  type PolicySettings,
} from './policy.ts';

const SEED = 42;

const CATALOGUE_CLAUSES: ReadonlySet<string> = new Set(catalogueClauseIds());

const KINDS = ['dead_on_arrival', 'defective', 'incorrect_item', 'change_of_mind'] as const;
const CATEGORIES = ['smartphone', 'tablet', 'wearable', 'accessory', 'other'] as const;
const COMPONENTS = ['screen', 'battery', 'motherboard'] as const;

const FROM = Date.parse('2020-01-01T00:00:00Z');
const TO = Date.parse('2030-12-31T23:59:59.999Z');

/** An instant as ISO 8601: usually `Z`, sometimes with a UTC offset (same instant). */
function isoArb(instant: number): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.constant(new Date(instant).toISOString()) },
    {
      weight: 1,
      arbitrary: fc.integer({ min: -(23 * 60 + 59), max: 23 * 60 + 59 }).map((offset) => {
        const local = new Date(instant + offset * 60_000).toISOString().slice(0, 23);
        const abs = Math.abs(offset);
        const hh = String(Math.floor(abs / 60)).padStart(2, '0');
        const mm = String(abs % 60).padStart(2, '0');
        return `${local}${offset < 0 ? '-' : '+'}${hh}:${mm}`;
      }),
    },
  );
}

/** A delay in ms, biased toward whole days and 1 ms either side of them (where the deadlines are). */
const delayArb: fc.Arbitrary<number> = fc.oneof(
  fc
    .tuple(fc.integer({ min: 0, max: 420 }), fc.constantFrom(-1, 0, 0, 1))
    .map(([days, off]) => Math.max(0, days * DAY_MS + off)),
  fc.integer({ min: 0, max: 10 * DAY_MS }),
  fc.integer({ min: 0, max: 500 * DAY_MS }),
);

const factsArb = fc.record(
  {
    misuse: fc.boolean(),
    physicalDamage: fc.boolean(),
    troubleshootingDone: fc.boolean(),
    onlyLogoOrPackagingDiffers: fc.boolean(),
    componentsToReplace: fc.shuffledSubarray([...COMPONENTS]),
    returnShippingFeeCents: fc.oneof(
      fc.integer({ min: 0, max: 3000 }),
      fc.constantFrom(1499, 1500, 1999, 2000),
    ),
  },
  { requiredKeys: [] },
);

const itemArb = fc.record({
  category: fc.constantFrom(...CATEGORIES),
  unitPriceCents: fc.oneof(
    fc.integer({ min: 0, max: 20_000 }),
    fc.constantFrom(0, 4999, 5000, 9999, 10_000, 19_999, 20_000),
    fc.integer({ min: 0, max: 10_000_000 }),
  ),
  clearance: fc.boolean(),
  specialWarranty: fc.boolean(),
  openedByCustomer: fc.boolean(),
});

interface Generated {
  claim: ClaimInput;
  shipped: number;
  delivered: number | null;
  opened: number;
}

/** Valid claims: every kind, category and flag; opened >= delivered >= shipped; delivery sometimes untraceable. */
const claimArb: fc.Arbitrary<Generated> = fc
  .record({
    kind: fc.constantFrom(...KINDS),
    shipped: fc.integer({ min: FROM, max: TO }),
    deliveredAfter: fc.option(fc.oneof(fc.integer({ min: 0, max: 10 * DAY_MS }), delayArb), { freq: 5 }),
    openedAfter: delayArb,
    item: itemArb,
    facts: fc.option(factsArb, { nil: undefined }),
  })
  .chain((g) => {
    const delivered = g.deliveredAfter === null ? null : g.shipped + g.deliveredAfter;
    const opened = (delivered ?? g.shipped) + g.openedAfter;
    return fc
      .tuple(isoArb(g.shipped), delivered === null ? fc.constant(null) : isoArb(delivered), isoArb(opened))
      .map(([shippedAt, deliveredAt, openedAt]) => {
        const claim: ClaimInput = { kind: g.kind, openedAt, shippedAt, deliveredAt, item: g.item };
        if (g.facts !== undefined) claim.facts = g.facts;
        return { claim, shipped: g.shipped, delivered, opened };
      });
  });

/** Valid settings around the defaults; half of the time exactly the defaults. */
const settingsArb: fc.Arbitrary<PolicySettings> = fc.oneof(
  fc.constant(defaultPolicySettings),
  fc.record({
    returnShippingFeeCapCents: fc.integer({ min: 1, max: 5000 }),
    shopPaysFaultDays: fc.integer({ min: 0, max: 30 }),
    couponThresholdCents: fc.integer({ min: 0, max: 50_000 }),
    couponFixedValueCents: fc.option(fc.integer({ min: 0, max: 10_000 })),
    warrantyMonths: fc.integer({ min: 0, max: 36 }),
    doaDaysAfterDelivery: fc.integer({ min: 0, max: 14 }),
    doaDaysAfterShipmentUntraceable: fc.integer({ min: 0, max: 60 }),
    defectiveDaysAfterShipment: fc.integer({ min: 0, max: 365 }),
    declaredParcelValueCents: fc.integer({ min: 0, max: 10_000 }),
  }),
);

const caseArb = fc.tuple(claimArb, settingsArb);

function withOpened(claim: ClaimInput, openedMs: number): ClaimInput {
  return { ...claim, openedAt: new Date(openedMs).toISOString() };
}

const RUNS = { seed: SEED, numRuns: 5000 };

/** A deep copy that keeps prototypes (fast-check generates some null-prototype records). */
function deepCopy<T>(value: T): T {
  if (Array.isArray(value)) return value.map(deepCopy) as T;
  if (typeof value !== 'object' || value === null) return value;
  const copy = Object.create(Object.getPrototypeOf(value)) as Record<string, unknown>;
  for (const [k, v] of Object.entries(value)) copy[k] = deepCopy(v);
  return copy as T;
}

describe('assessClaim properties', () => {
  it('past every deadline nothing is eligible (opening 1 ms after `deadline`), AS-DOA-1 AS-DEF-2 AS-GEN-6', () => {
    fc.assert(
      fc.property(caseArb, ([g, s]) => {
        const a = assessClaim(g.claim, s);
        const limited = g.claim.kind === 'dead_on_arrival' || g.claim.kind === 'defective';
        assert.equal(
          a.deadline === null,
          !limited,
          'deadline is null exactly for incorrect item and change of mind',
        );
        if (a.deadline === null) return;
        const deadline = Date.parse(a.deadline);
        assert.equal(toIsoString(deadline), a.deadline);
        const late = Math.max(deadline + 1, g.delivered ?? g.shipped);
        const b = assessClaim(withOpened(g.claim, late), s);
        assert.equal(b.eligible, false);
        assert.equal(b.deadline, a.deadline, 'the deadline does not depend on openedAt');
      }),
      RUNS,
    );
  });

  it('reasons are written for the customer: the clause ID is in its own field, never in the words', () => {
    fc.assert(
      fc.property(caseArb, ([g, s]) => {
        for (const r of assessClaim(g.claim, s).reasons) {
          assert.doesNotMatch(r.message, /\b(?:AS|PV|SH)-[A-Z]+-\d+\b/, r.clause);
        }
      }),
      RUNS,
    );
  });

  it('ineligible ⇒ no resolutions; eligible ⇒ at least one, no duplicates', () => {
    fc.assert(
      fc.property(caseArb, ([g, s]) => {
        const a = assessClaim(g.claim, s);
        if (!a.eligible) assert.deepEqual(a.resolutions, []);
        else {
          assert.ok(a.resolutions.length > 0);
          assert.equal(new Set(a.resolutions).size, a.resolutions.length);
        }
      }),
      RUNS,
    );
  });

  it('coupon is offered exactly when a defective claim is eligible and the price is under the threshold, AS-GEN-5', () => {
    fc.assert(
      fc.property(caseArb, ([g, s]) => {
        const a = assessClaim(g.claim, s);
        const expected =
          g.claim.kind === 'defective' && a.eligible && g.claim.item.unitPriceCents < s.couponThresholdCents;
        assert.equal(a.resolutions.includes('coupon'), expected);
        assert.equal(a.resolutions.includes('coupon') && a.resolutions.includes('repair'), false);
      }),
      RUNS,
    );
  });

  it('opening later never turns a declined claim into an eligible one', () => {
    fc.assert(
      fc.property(caseArb, delayArb, ([g, s], later) => {
        const a = assessClaim(g.claim, s);
        if (a.eligible) return;
        const b = assessClaim(withOpened(g.claim, g.opened + later), s);
        assert.equal(b.eligible, false);
      }),
      RUNS,
    );
  });

  it('every cited clause is in the clause catalogue (docs/clauses.md) and is an after-sales clause', () => {
    assert.ok(
      CATALOGUE_CLAUSES.size >= 19 + 16 + 6,
      `read ${CATALOGUE_CLAUSES.size} clause IDs from docs/clauses.md`,
    );
    fc.assert(
      fc.property(caseArb, ([g, s]) => {
        const a = assessClaim(g.claim, s);
        assert.ok(a.reasons.length > 0, 'at least one clause decided');
        for (const r of a.reasons) {
          assert.ok(CATALOGUE_CLAUSES.has(r.clause), `${r.clause} is in docs/clauses.md`);
          assert.match(r.clause, /^AS-/);
          assert.ok(r.message.length > 0);
        }
      }),
      RUNS,
    );
  });

  it('same input gives a deep-equal answer, the input is not mutated, and answers share no state', () => {
    fc.assert(
      fc.property(caseArb, ([g, s]) => {
        const before = deepCopy(g.claim);
        const settingsBefore = deepCopy(s);
        const a = assessClaim(g.claim, s);
        const b = assessClaim(g.claim, s);
        assert.deepEqual(a, b);
        assert.deepEqual(g.claim, before);
        assert.deepEqual(s, settingsBefore);
        // Scribbling on one answer must not leak into the next (nor into an earlier one): what an answer
        // owns it may change; what answers share (fixed reasons, evidence lists) is frozen and refuses.
        const answer = deepCopy(b);
        a.resolutions.push('refund');
        for (const r of a.reasons) {
          if (Object.isFrozen(r)) assert.throws(() => Object.assign(r, { message: 'changed' }), TypeError);
          else Object.assign(r, { message: 'changed' });
        }
        assert.ok(Object.isFrozen(a.evidence));
        for (const e of a.evidence)
          assert.throws(() => Object.assign(e, { required: !e.required }), TypeError);
        a.returnShipping.reimbursableUpToCents = -1;
        assert.deepEqual(assessClaim(g.claim, s), answer);
        assert.deepEqual(b, answer);
      }),
      { seed: SEED, numRuns: 1000 },
    );
  });

  it('troubleshoot comes first exactly when eligible and troubleshootingDone is not true, AS-GEN-1', () => {
    fc.assert(
      fc.property(caseArb, ([g, s]) => {
        const a = assessClaim(g.claim, s);
        const expected = a.eligible && g.claim.facts?.troubleshootingDone !== true;
        assert.equal(a.resolutions[0] === 'troubleshoot', expected);
        assert.ok(!a.resolutions.slice(1).includes('troubleshoot'), 'troubleshoot only ever first');
      }),
      RUNS,
    );
  });

  it('reimbursableUpToCents is below the cap, never negative, and 0 when ineligible, AS-GEN-3', () => {
    fc.assert(
      fc.property(caseArb, ([g, s]) => {
        const a = assessClaim(g.claim, s);
        const r = a.returnShipping.reimbursableUpToCents;
        assert.ok(r >= 0 && r < s.returnShippingFeeCapCents, `${r} < ${s.returnShippingFeeCapCents}`);
        if (!a.eligible) {
          assert.equal(r, 0);
          assert.equal(a.returnParcel, null);
        }
        const fee = g.claim.facts?.returnShippingFeeCents;
        if (r > 0) assert.equal(r, fee ?? s.returnShippingFeeCapCents - 1);
      }),
      RUNS,
    );
  });

  it('AS-DEF-3 AS-GEN-4: partsPayer is null whenever no component is listed or no repair is offered', () => {
    fc.assert(
      fc.property(caseArb, ([g, s]) => {
        const a = assessClaim(g.claim, s);
        if (!g.claim.facts?.componentsToReplace?.length) assert.equal(a.partsPayer, null);
        if (!a.resolutions.includes('repair')) assert.equal(a.partsPayer, null);
      }),
      RUNS,
    );
  });

  it('evidence depends on the kind only, AS-DOA-2 AS-DEF-6 AS-INC-3', () => {
    const reference = new Map(
      KINDS.map((kind) => {
        const c = (fc.sample(claimArb, { seed: SEED, numRuns: 1 })[0] as Generated).claim;
        return [kind, assessClaim({ ...c, kind }).evidence] as const;
      }),
    );
    fc.assert(
      fc.property(caseArb, ([g, s]) => {
        assert.deepEqual(assessClaim(g.claim, s).evidence, reference.get(g.claim.kind));
      }),
      { seed: SEED, numRuns: 500 },
    );
  });
});

// ---------------------------------------------------------------------------------------------------------
// The fast claim reader agrees with zod.

/** Values that are wrong somewhere, right elsewhere. */
const oddValueArb: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    undefined,
    null,
    true,
    false,
    0,
    -0,
    -1,
    1.5,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    2 ** 53,
    2 ** 53 - 1,
    '',
    'x',
    'screen',
    'smartphone',
    'defective',
    '2026-01-10T00:00:00Z',
    '2026-02-30T00:00:00Z',
    '2026-01-10',
    '2026-01-10T00:00:00',
    [],
    {},
    ['screen', 'screen'],
    ['battery', 'screen', 'motherboard'],
    ['screen', 'battery', 'motherboard', 'screen'],
    ['keyboard'],
    [undefined],
  ),
  fc.integer({ min: -5, max: 20_000 }),
  fc.double(),
  fc.string(),
  fc.boolean(),
  fc.integer({ min: FROM, max: TO }).map((t) => new Date(t).toISOString()),
  fc.anything({ maxDepth: 1 }),
);

const TOP_KEYS = ['kind', 'openedAt', 'shippedAt', 'deliveredAt', 'item', 'facts'];
const ITEM_KEYS = ['category', 'unitPriceCents', 'clearance', 'specialWarranty', 'openedByCustomer'];
const FACT_KEYS = [
  'misuse',
  'physicalDamage',
  'troubleshootingDone',
  'onlyLogoOrPackagingDiffers',
  'componentsToReplace',
  'returnShippingFeeCents',
];

type Where = 'top' | 'item' | 'facts';
type Mutation =
  | { op: 'set'; where: Where; key: string; value: unknown }
  | { op: 'delete'; where: Where; key: string }
  | { op: 'extra'; where: Where; key: string; value: unknown }
  | { op: 'nullProto'; where: Where }
  | { op: 'replace'; value: unknown };

const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({
    op: fc.constant('set' as const),
    where: fc.constant('top' as const),
    key: fc.constantFrom(...TOP_KEYS),
    value: oddValueArb,
  }),
  fc.record({
    op: fc.constant('set' as const),
    where: fc.constant('item' as const),
    key: fc.constantFrom(...ITEM_KEYS),
    value: oddValueArb,
  }),
  fc.record({
    op: fc.constant('set' as const),
    where: fc.constant('facts' as const),
    key: fc.constantFrom(...FACT_KEYS),
    value: oddValueArb,
  }),
  fc.record({
    op: fc.constant('delete' as const),
    where: fc.constantFrom<Where>('top', 'item', 'facts'),
    key: fc.constantFrom(...TOP_KEYS, ...ITEM_KEYS, ...FACT_KEYS),
  }),
  fc.record({
    op: fc.constant('extra' as const),
    where: fc.constantFrom<Where>('top', 'item', 'facts'),
    key: fc.constantFrom('extra', 'colour', 'toString', 'constructor', 'Kind', 'item', 'misuse'),
    value: oddValueArb,
  }),
  fc.record({ op: fc.constant('nullProto' as const), where: fc.constantFrom<Where>('top', 'item', 'facts') }),
  fc.record({ op: fc.constant('replace' as const), value: oddValueArb }),
);

type Obj = Record<string, unknown>;

function applyMutation(claim: ClaimInput, m: Mutation): unknown {
  if (m.op === 'replace') return m.value;
  const top: Obj = { ...claim, item: { ...claim.item } };
  if (claim.facts) {
    top.facts = { ...claim.facts, componentsToReplace: claim.facts.componentsToReplace?.slice() };
    if (claim.facts.componentsToReplace === undefined) delete (top.facts as Obj).componentsToReplace;
  }
  const container = (): Obj => {
    if (m.where === 'top') return top;
    const key = m.where;
    const current = top[key];
    if (typeof current === 'object' && current !== null) return current as Obj;
    const created: Obj = {};
    top[key] = created;
    return created;
  };
  switch (m.op) {
    case 'set':
      container()[m.key] = m.value;
      break;
    case 'delete':
      delete container()[m.key];
      break;
    case 'extra':
      container()[m.key] = m.value;
      break;
    case 'nullProto': {
      const target = container();
      const copy = Object.assign(Object.create(null) as Obj, target);
      if (m.where === 'top') return copy;
      top[m.where] = copy;
      break;
    }
  }
  return top;
}

describe('parseClaim (fast path) agrees with claimInputSchema (zod)', () => {
  it('for valid claims both accept, and the instants read are Date.parse of the strings', () => {
    fc.assert(
      fc.property(claimArb, (g) => {
        assert.equal(claimInputSchema.safeParse(g.claim).success, true);
        const parsed = parseClaim(g.claim);
        assert.equal(parsed.opened, g.opened);
        assert.equal(parsed.shipped, g.shipped);
        assert.equal(parsed.delivered, g.delivered);
        assert.equal(parsed.claim, g.claim, 'a well-formed claim is returned unchanged');
        // Every fact present, absent ones at their neutral value, whichever path read the claim.
        const facts = g.claim.facts ?? {};
        const expected = {
          misuse: facts.misuse ?? false,
          physicalDamage: facts.physicalDamage ?? false,
          troubleshootingDone: facts.troubleshootingDone ?? false,
          onlyLogoOrPackagingDiffers: facts.onlyLogoOrPackagingDiffers ?? false,
          componentsToReplace: facts.componentsToReplace ?? [],
          returnShippingFeeCents: facts.returnShippingFeeCents ?? null,
        };
        assert.deepEqual(parsed.facts, expected);
        // Absent facts spelled out as undefined: the fast path leaves such a claim to zod.
        const spelledOut = Object.fromEntries(Object.keys(expected).map((k) => [k, (facts as Obj)[k]]));
        assert.deepEqual(parseClaim({ ...g.claim, facts: spelledOut }).facts, expected);
      }),
      { seed: SEED, numRuns: 1000 },
    );
  });

  it('for near-valid claims with one field mutated: parseClaim throws InvalidClaimError exactly when zod fails', () => {
    fc.assert(
      fc.property(claimArb, mutationArb, (g, m) => {
        const input = applyMutation(g.claim, m);
        const zod = claimInputSchema.safeParse(input);
        let threw: unknown = null;
        let parsed: ReturnType<typeof parseClaim> | null = null;
        try {
          parsed = parseClaim(input);
        } catch (e) {
          threw = e;
        }
        if (threw !== null) {
          assert.ok(threw instanceof InvalidClaimError, `InvalidClaimError, got ${String(threw)}`);
          assert.equal(zod.success, false, 'parseClaim refused a claim zod accepts');
          const first = zod.error?.issues[0];
          // An unknown key is named itself rather than its parent object.
          const expected =
            first?.code === 'unrecognized_keys'
              ? [...first.path, first.keys[0]].join('.')
              : first?.path.join('.');
          assert.equal(threw.field, expected);
        } else {
          assert.equal(zod.success, true, `parseClaim accepted a claim zod refuses: ${zod.error?.message}`);
          assert.ok(parsed);
          const c = parsed.claim;
          assert.equal(parsed.opened, Date.parse(c.openedAt));
          assert.equal(parsed.shipped, Date.parse(c.shippedAt));
          assert.equal(parsed.delivered, c.deliveredAt === null ? null : Date.parse(c.deliveredAt));
          // And the engine answers it.
          assessClaim(input as ClaimInput);
        }
      }),
      { seed: SEED, numRuns: 20_000 },
    );
  });
});

// ---------------------------------------------------------------------------------------------------------
// Time helpers against zod and Date.

const zodInstant = z.iso.datetime({ offset: true });

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

const dateStringArb: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc
      .record({
        year: fc.oneof(
          fc.integer({ min: 0, max: 9999 }).map((y) => pad(y, 4)),
          fc.constantFrom('2024', '2026', '1900', '2000', '2100', '0000', '0004', '0100', '0400'),
          fc.constantFrom('202', '02026', '+02026', '-0001', '20a6'),
        ),
        month: fc.oneof(
          fc.integer({ min: 0, max: 13 }).map((m) => pad(m, 2)),
          fc.constantFrom('02', '04', '1', '1a'),
        ),
        day: fc.oneof(
          fc.integer({ min: 0, max: 32 }).map((d) => pad(d, 2)),
          fc.constantFrom('28', '29', '30', '31', '9'),
        ),
        sep: fc.constantFrom('T', 'T', 'T', 'T', 't', ' '),
        hour: fc.oneof(
          fc.integer({ min: 0, max: 24 }).map((h) => pad(h, 2)),
          fc.constant('7'),
        ),
        minute: fc.integer({ min: 0, max: 60 }).map((m) => pad(m, 2)),
        second: fc.oneof(
          fc.integer({ min: 0, max: 60 }).map((s) => `:${pad(s, 2)}`),
          fc.constant(''),
        ),
        fraction: fc.oneof(
          fc.constant(''),
          fc.stringMatching(/^\.\d{1,9}$/),
          fc.constantFrom('.', '.1a', ',5'),
        ),
        zone: fc.oneof(
          fc.constant('Z'),
          fc
            .tuple(
              fc.constantFrom('+', '-'),
              fc.integer({ min: 0, max: 24 }),
              fc.integer({ min: 0, max: 60 }),
            )
            .map(([sign, h, m]) => `${sign}${pad(h, 2)}:${pad(m, 2)}`),
          fc.constantFrom('', 'z', '+0200', '+02', 'UTC', 'Z ', '+02:00Z', '+2:00', '−02:00'),
        ),
      })
      .map(
        (p) => `${p.year}-${p.month}-${p.day}${p.sep}${p.hour}:${p.minute}${p.second}${p.fraction}${p.zone}`,
      ),
  },
  {
    // A valid string with one character replaced.
    weight: 2,
    arbitrary: fc
      .tuple(
        fc.integer({ min: 0, max: Date.parse('9999-12-31T23:59:59.999Z') }),
        fc.nat(),
        fc.constantFrom('0', '9', '-', ':', 'T', 'Z', '.', '+', ' ', 'x'),
      )
      .map(([t, at, ch]) => {
        const s = new Date(t).toISOString();
        const i = at % s.length;
        return s.slice(0, i) + ch + s.slice(i + 1);
      }),
  },
  { weight: 1, arbitrary: fc.string({ maxLength: 40 }) },
);

describe('time helpers agree with zod and Date', () => {
  it('parseIsoInstant(s) is NaN exactly when z.iso.datetime({ offset: true }) rejects s, else Date.parse(s)', () => {
    fc.assert(
      fc.property(dateStringArb, (s) => {
        const ours = parseIsoInstant(s);
        const accepted = zodInstant.safeParse(s).success;
        assert.equal(
          Number.isNaN(ours),
          !accepted,
          `${JSON.stringify(s)}: zod ${accepted ? 'accepts' : 'rejects'}`,
        );
        if (accepted) assert.equal(ours, Date.parse(s), JSON.stringify(s));
      }),
      { seed: SEED, numRuns: 20_000 },
    );
  });

  it('toIsoString(ms) === new Date(ms).toISOString() for years 0..9999', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.integer({
            min: Date.parse('0000-01-01T00:00:00Z'),
            max: Date.parse('9999-12-31T23:59:59.999Z'),
          }),
          fc.integer({ min: FROM, max: TO }),
          fc.integer({ min: -DAY_MS, max: DAY_MS }),
        ),
        (t) => {
          assert.equal(toIsoString(t), new Date(t).toISOString());
        },
      ),
      { seed: SEED, numRuns: 20_000 },
    );
  });

  it('addCalendarMonthsUtc matches Date.setUTCMonth with the day clamped to the month end', () => {
    const reference = (t: number, months: number): number => {
      const day = new Date(t).getUTCDate();
      const d = new Date(t);
      d.setUTCDate(1);
      d.setUTCMonth(d.getUTCMonth() + months);
      const last = new Date(d.getTime());
      last.setUTCMonth(last.getUTCMonth() + 1, 0);
      d.setUTCDate(Math.min(day, last.getUTCDate()));
      return d.getTime();
    };
    const monthEnds = fc
      .tuple(
        fc.integer({ min: 1, max: 9000 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 0, max: DAY_MS - 1 }),
      )
      .map(([y, m, tod]) => {
        const d = new Date(0);
        d.setUTCFullYear(y, m, 0); // the last day of month m
        return d.getTime() + tod;
      });
    fc.assert(
      fc.property(
        fc.oneof(
          fc.integer({
            min: Date.parse('0100-01-01T00:00:00Z'),
            max: Date.parse('9000-12-31T23:59:59.999Z'),
          }),
          fc.integer({ min: FROM, max: TO }),
          monthEnds,
        ),
        fc.oneof(fc.integer({ min: 0, max: 36 }), fc.integer({ min: -1200, max: 1200 })),
        (t, months) => {
          assert.equal(addCalendarMonthsUtc(t, months), reference(t, months));
        },
      ),
      { seed: SEED, numRuns: 20_000 },
    );
  });
});
