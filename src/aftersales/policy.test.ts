/**
 * Table-driven cases for every after-sales clause of docs/clauses.md and the readings of the assessment contract.
 * Each test names the clause it proves, so `grep -r AS-DOA-1 src` finds the rule and its proof.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ValidationError } from '../shared/errors.ts';
import {
  type Assessment,
  assessClaim,
  type ClaimInput,
  type ClaimKind,
  defaultPolicySettings,
  InvalidClaimError,
  type PolicySettings,
  type Resolution,
} from './policy.ts';

type Item = ClaimInput['item'];
type Facts = NonNullable<ClaimInput['facts']>;

const SHIPPED = '2026-01-05T00:00:00Z';
const DELIVERED = '2026-01-10T00:00:00Z';

/** `iso` moved by `ms` milliseconds, as an ISO string. */
function at(iso: string, ms = 0): string {
  return new Date(Date.parse(iso) + ms).toISOString();
}

const DAY = 86_400_000;

interface ClaimOptions {
  shippedAt?: string;
  deliveredAt?: string | null;
  item?: Partial<Item>;
  /** Replaces the default facts ({ troubleshootingDone: true }); `null` leaves `facts` out. */
  facts?: Facts | null;
}

/** A claim with sensible defaults: a $500.00 smartphone shipped 5 Jan 2026, delivered 10 Jan 2026. */
function claim(kind: ClaimKind, openedAt: string, o: ClaimOptions = {}): ClaimInput {
  const input: ClaimInput = {
    kind,
    openedAt,
    shippedAt: o.shippedAt ?? SHIPPED,
    deliveredAt: o.deliveredAt === undefined ? DELIVERED : o.deliveredAt,
    item: {
      category: 'smartphone',
      unitPriceCents: 50000,
      clearance: false,
      specialWarranty: false,
      openedByCustomer: false,
      ...o.item,
    },
  };
  if (o.facts !== null) input.facts = o.facts ?? { troubleshootingDone: true };
  return input;
}

function settings(over: Partial<PolicySettings>): PolicySettings {
  return { ...defaultPolicySettings, ...over };
}

interface Expected {
  eligible?: boolean;
  resolutions?: Resolution[];
  deadline?: string | null;
  payer?: 'customer' | 'shop';
  reimbursable?: number;
  partsPayer?: 'customer' | 'shop' | null;
  couponValueCents?: number | null;
  returnParcel?: Assessment['returnParcel'];
  /** Clauses that must be among `reasons`. */
  cites?: string[];
  /** Clauses that must not be among `reasons`. */
  omits?: string[];
  /** [clause, text]: some reason of that clause contains the text. */
  mentions?: Array<[string, string]>;
}

interface Case {
  name: string;
  input: ClaimInput;
  settings?: PolicySettings;
  expect: Expected;
}

function check(a: Assessment, e: Expected): void {
  if (e.eligible !== undefined) assert.equal(a.eligible, e.eligible, 'eligible');
  if (e.resolutions !== undefined) assert.deepEqual(a.resolutions, e.resolutions, 'resolutions');
  if (e.deadline !== undefined) assert.equal(a.deadline, e.deadline, 'deadline');
  if (e.payer !== undefined) assert.equal(a.returnShipping.payer, e.payer, 'returnShipping.payer');
  if (e.reimbursable !== undefined) {
    assert.equal(
      a.returnShipping.reimbursableUpToCents,
      e.reimbursable,
      'returnShipping.reimbursableUpToCents',
    );
  }
  if (e.partsPayer !== undefined) assert.equal(a.partsPayer, e.partsPayer, 'partsPayer');
  if (e.couponValueCents !== undefined)
    assert.equal(a.couponValueCents, e.couponValueCents, 'couponValueCents');
  if (e.returnParcel !== undefined) assert.deepEqual(a.returnParcel, e.returnParcel, 'returnParcel');
  const cited = a.reasons.map((r) => r.clause);
  for (const clause of e.cites ?? [])
    assert.ok(cited.includes(clause), `cites ${clause}; got ${cited.join(', ')}`);
  for (const clause of e.omits ?? []) assert.ok(!cited.includes(clause), `does not cite ${clause}`);
  for (const [clause, text] of e.mentions ?? []) {
    const messages = a.reasons.filter((r) => r.clause === clause).map((r) => r.message);
    assert.ok(
      messages.some((m) => m.includes(text)),
      `a ${clause} reason mentions ${JSON.stringify(text)}; got ${JSON.stringify(messages)}`,
    );
  }
}

function runCases(cases: Case[]): void {
  for (const c of cases) {
    it(c.name, () => check(assessClaim(c.input, c.settings), c.expect));
  }
}

const NO_RETURN = { payer: 'customer', reimbursable: 0, resolutions: [] as Resolution[] } as const;

describe('dead on arrival, AS-DOA-1', () => {
  const DOA_DEADLINE = '2026-01-13T00:00:00.000Z';
  const UNTRACEABLE_DEADLINE = '2026-02-04T00:00:00.000Z';
  runCases([
    {
      name: 'DOA claim 2 days after delivery is replaced or refunded, shop pays shipping, AS-DOA-1',
      input: claim('dead_on_arrival', '2026-01-12T09:00:00Z'),
      expect: {
        eligible: true,
        resolutions: ['replacement', 'refund'],
        deadline: DOA_DEADLINE,
        payer: 'shop',
        reimbursable: 1499,
        partsPayer: null,
        couponValueCents: null,
        returnParcel: { rmaRequired: true, declaredValueCents: null },
        cites: ['AS-DOA-1', 'AS-GEN-1', 'AS-GEN-2', 'AS-GEN-3', 'AS-DOA-2'],
        omits: ['AS-DEF-5'],
      },
    },
    {
      name: 'DOA claim opened the instant of delivery is accepted, AS-DOA-1',
      input: claim('dead_on_arrival', DELIVERED),
      expect: { eligible: true, resolutions: ['replacement', 'refund'], deadline: DOA_DEADLINE },
    },
    {
      name: 'DOA claim at exactly delivery + 3 days is accepted, AS-DOA-1',
      input: claim('dead_on_arrival', '2026-01-13T00:00:00Z'),
      expect: { eligible: true, resolutions: ['replacement', 'refund'], deadline: DOA_DEADLINE },
    },
    {
      name: 'DOA claim 1 ms after delivery + 3 days is declined, AS-DOA-1',
      input: claim('dead_on_arrival', '2026-01-13T00:00:00.001Z'),
      expect: {
        eligible: false,
        ...NO_RETURN,
        deadline: DOA_DEADLINE,
        partsPayer: null,
        cites: ['AS-DOA-1'],
      },
    },
    {
      name: 'DOA claim on day 4 after delivery is declined and the reason names the dates, AS-DOA-1',
      input: claim('dead_on_arrival', '2026-01-14T00:00:00Z'),
      expect: {
        eligible: false,
        ...NO_RETURN,
        deadline: DOA_DEADLINE,
        returnParcel: null,
        mentions: [
          ['AS-DOA-1', '10 Jan 2026'],
          ['AS-DOA-1', '13 Jan 2026 00:00 UTC'],
          ['AS-DOA-1', '14 Jan 2026'],
          ['AS-DOA-1', '3 days'],
        ],
        omits: ['AS-GEN-1', 'AS-GEN-2', 'AS-GEN-3', 'AS-DOA-2'],
      },
    },
    {
      name: 'DOA deadline keeps the time of day of delivery, AS-DOA-1',
      input: claim('dead_on_arrival', '2026-01-13T15:45:00Z', { deliveredAt: '2026-01-10T15:45:00Z' }),
      expect: { eligible: true, deadline: '2026-01-13T15:45:00.000Z' },
    },
    {
      name: 'DOA deadline is read in UTC whatever the offset of the input, AS-DOA-1',
      input: claim('dead_on_arrival', '2026-01-13T02:00:00+02:00', {
        deliveredAt: '2026-01-10T02:00:00+02:00',
      }),
      expect: { eligible: true, deadline: '2026-01-13T00:00:00.000Z' },
    },
    {
      name: 'DOA with untraceable delivery: 30 days after shipment is accepted, AS-DOA-1',
      input: claim('dead_on_arrival', '2026-02-04T00:00:00Z', { deliveredAt: null }),
      expect: {
        eligible: true,
        resolutions: ['replacement', 'refund'],
        deadline: UNTRACEABLE_DEADLINE,
        payer: 'shop',
      },
    },
    {
      name: 'DOA with untraceable delivery: 1 ms after shipment + 30 days is declined and the reason names the dates, AS-DOA-1',
      input: claim('dead_on_arrival', '2026-02-04T00:00:00.001Z', { deliveredAt: null }),
      expect: {
        eligible: false,
        ...NO_RETURN,
        deadline: UNTRACEABLE_DEADLINE,
        mentions: [
          ['AS-DOA-1', '5 Jan 2026'],
          ['AS-DOA-1', '4 Feb 2026 00:00 UTC'],
          ['AS-DOA-1', '30 days'],
        ],
      },
    },
    {
      name: 'DOA with untraceable delivery 10 days after shipment is accepted (30-day rule, not 3), AS-DOA-1',
      input: claim('dead_on_arrival', '2026-01-15T00:00:00Z', { deliveredAt: null }),
      expect: { eligible: true, deadline: UNTRACEABLE_DEADLINE },
    },
    {
      name: 'DOA with misuse is declined even within 3 days; the buyer bears the fees, AS-DOA-1 AS-GEN-4',
      input: claim('dead_on_arrival', '2026-01-11T00:00:00Z', {
        facts: { misuse: true, troubleshootingDone: true, componentsToReplace: ['screen'] },
      }),
      expect: {
        eligible: false,
        ...NO_RETURN,
        deadline: DOA_DEADLINE,
        partsPayer: null,
        returnParcel: null,
        cites: ['AS-DOA-1', 'AS-GEN-4'],
      },
    },
    {
      name: 'setting doaDaysAfterDelivery 5: a DOA claim on day 5 is accepted, AS-DOA-1',
      input: claim('dead_on_arrival', '2026-01-15T00:00:00Z'),
      settings: settings({ doaDaysAfterDelivery: 5 }),
      expect: {
        eligible: true,
        deadline: '2026-01-15T00:00:00.000Z',
        mentions: [['AS-DOA-1', '5 days']],
      },
    },
    {
      name: 'default settings: the same DOA claim on day 5 is declined, AS-DOA-1',
      input: claim('dead_on_arrival', '2026-01-15T00:00:00Z'),
      expect: { eligible: false, deadline: DOA_DEADLINE },
    },
    {
      name: 'setting doaDaysAfterDelivery 5: 1 ms after day 5 is declined, AS-DOA-1',
      input: claim('dead_on_arrival', '2026-01-15T00:00:00.001Z'),
      settings: settings({ doaDaysAfterDelivery: 5 }),
      expect: {
        eligible: false,
        deadline: '2026-01-15T00:00:00.000Z',
        mentions: [['AS-DOA-1', '15 Jan 2026 00:00 UTC']],
      },
    },
    {
      name: 'setting doaDaysAfterShipmentUntraceable 10: untraceable DOA on day 11 is declined, AS-DOA-1',
      input: claim('dead_on_arrival', '2026-01-16T00:00:00Z', { deliveredAt: null }),
      settings: settings({ doaDaysAfterShipmentUntraceable: 10 }),
      expect: { eligible: false, deadline: '2026-01-15T00:00:00.000Z' },
    },
    {
      name: 'DOA claim for an item under $100.00 is still replaced or refunded, no coupon, AS-DOA-1 AS-GEN-5',
      input: claim('dead_on_arrival', '2026-01-11T00:00:00Z', { item: { unitPriceCents: 999 } }),
      expect: {
        eligible: true,
        resolutions: ['replacement', 'refund'],
        couponValueCents: null,
        omits: ['AS-GEN-5'],
      },
    },
    {
      name: 'DOA claim with components listed: a dead item is not repaired, so no parts to pay, AS-DOA-1 AS-DEF-3',
      input: claim('dead_on_arrival', '2026-01-11T00:00:00Z', {
        facts: { troubleshootingDone: true, componentsToReplace: ['battery'] },
      }),
      expect: { eligible: true, resolutions: ['replacement', 'refund'], partsPayer: null },
    },
  ]);
});

describe('dead on arrival ignores the warranty exclusions, AS-DOA-1 AS-GEN-6 AS-DEF-1', () => {
  const opened = '2026-01-11T00:00:00Z';
  const rows: Array<[string, ClaimOptions]> = [
    ['an accessory', { item: { category: 'accessory' } }],
    ['a clearance product', { item: { clearance: true } }],
    ['an item under special warranty terms', { item: { specialWarranty: true } }],
    ['a smartphone opened by the customer', { item: { category: 'smartphone', openedByCustomer: true } }],
    ['a tablet opened by the customer', { item: { category: 'tablet', openedByCustomer: true } }],
    ['an item with physical damage', { facts: { physicalDamage: true, troubleshootingDone: true } }],
    [
      'an opened clearance accessory with special warranty terms',
      { item: { category: 'accessory', clearance: true, specialWarranty: true, openedByCustomer: true } },
    ],
  ];
  for (const [what, options] of rows) {
    it(`DOA claim for ${what} is accepted, AS-DOA-1 (AS-GEN-6 and AS-DEF-1 do not apply)`, () => {
      check(assessClaim(claim('dead_on_arrival', opened, options)), {
        eligible: true,
        resolutions: ['replacement', 'refund'],
        payer: 'shop',
        cites: ['AS-DOA-1'],
        omits: ['AS-DEF-1'],
      });
    });
  }
});

describe('dead-on-arrival evidence, AS-DOA-2', () => {
  it('DOA evidence is both package sides, item media and malfunction media, plus an optional postage receipt, AS-DOA-2', () => {
    const a = assessClaim(claim('dead_on_arrival', '2026-01-11T00:00:00Z'));
    assert.deepEqual(sortEvidence(a.evidence), [
      { kind: 'item_media', required: true },
      { kind: 'malfunction_media', required: true },
      { kind: 'package_back', required: true },
      { kind: 'package_front', required: true },
      { kind: 'postage_receipt', required: false },
    ]);
    check(a, { cites: ['AS-DOA-2'] });
  });
  it('a declined DOA claim has the same evidence list (evidence depends on the kind only), AS-DOA-2', () => {
    const ok = assessClaim(claim('dead_on_arrival', '2026-01-11T00:00:00Z'));
    const late = assessClaim(claim('dead_on_arrival', '2026-02-11T00:00:00Z'));
    assert.equal(late.eligible, false);
    assert.deepEqual(sortEvidence(late.evidence), sortEvidence(ok.evidence));
  });
});

function sortEvidence(list: Assessment['evidence']): Assessment['evidence'] {
  return [...list].sort((a, b) => a.kind.localeCompare(b.kind));
}

describe('defective items, AS-DEF-1 and AS-GEN-6 exclusions', () => {
  const inWindow = '2026-02-01T00:00:00Z';
  const afterWindow = '2026-06-01T00:00:00Z';
  const excluded: Array<[string, ClaimOptions, string]> = [
    ['an item under special warranty terms', { item: { specialWarranty: true } }, 'AS-DEF-1'],
    [
      'an item with physical damage',
      { facts: { physicalDamage: true, troubleshootingDone: true } },
      'AS-DEF-1',
    ],
    ['an item used inappropriately', { facts: { misuse: true, troubleshootingDone: true } }, 'AS-DEF-1'],
    ['an accessory', { item: { category: 'accessory' } }, 'AS-GEN-6'],
    ['a clearance product', { item: { clearance: true } }, 'AS-GEN-6'],
    ['a smartphone opened by the customer', { item: { openedByCustomer: true } }, 'AS-GEN-6'],
    ['a tablet opened by the customer', { item: { category: 'tablet', openedByCustomer: true } }, 'AS-GEN-6'],
  ];
  for (const [what, options, clause] of excluded) {
    it(`defective claim for ${what} inside the 90-day window is declined, ${clause}`, () => {
      check(assessClaim(claim('defective', inWindow, options)), {
        eligible: false,
        ...NO_RETURN,
        deadline: '2027-01-05T00:00:00.000Z',
        returnParcel: null,
        couponValueCents: null,
        cites: [clause],
        omits: ['AS-GEN-1', 'AS-GEN-2'],
      });
    });
    it(`defective claim for ${what} after the 90-day window gets no warranty repair either, ${clause}`, () => {
      check(assessClaim(claim('defective', afterWindow, options)), {
        eligible: false,
        ...NO_RETURN,
        cites: [clause],
      });
    });
  }
  const covered: Array<[string, ClaimOptions]> = [
    ['a wearable opened by the customer', { item: { category: 'wearable', openedByCustomer: true } }],
    ['an "other" item opened by the customer', { item: { category: 'other', openedByCustomer: true } }],
    ['an unopened tablet', { item: { category: 'tablet' } }],
  ];
  for (const [what, options] of covered) {
    it(`defective claim for ${what} is accepted (only smartphones and tablets opened are excluded), AS-GEN-6`, () => {
      check(assessClaim(claim('defective', inWindow, options)), {
        eligible: true,
        resolutions: ['repair', 'replacement', 'refund'],
        omits: ['AS-GEN-6'],
      });
    });
  }
  it('misuse on a defective claim: declined, so no repair and no parts payer named, AS-DEF-1 AS-GEN-4', () => {
    check(
      assessClaim(
        claim('defective', inWindow, {
          facts: { misuse: true, troubleshootingDone: true, componentsToReplace: ['screen'] },
        }),
      ),
      { eligible: false, ...NO_RETURN, partsPayer: null, cites: ['AS-DEF-1', 'AS-GEN-6', 'AS-GEN-4'] },
    );
  });
  it('a defective item without exclusions is accepted and the reason says so, AS-DEF-1', () => {
    check(assessClaim(claim('defective', inWindow)), {
      eligible: true,
      mentions: [['AS-DEF-1', 'no special warranty terms']],
    });
  });
});

describe('defective items, windows and warranty, AS-DEF-2 AS-GEN-6', () => {
  const WINDOW_END = '2026-04-05T00:00:00Z';
  const WARRANTY_END = '2027-01-05T00:00:00Z';
  runCases([
    {
      name: 'defective claim inside the 90-day window: repair, replacement or refund, AS-DEF-2',
      input: claim('defective', '2026-02-01T00:00:00Z'),
      expect: {
        eligible: true,
        resolutions: ['repair', 'replacement', 'refund'],
        deadline: '2027-01-05T00:00:00.000Z',
        payer: 'customer',
        reimbursable: 1499,
        partsPayer: null,
        returnParcel: { rmaRequired: true, declaredValueCents: 3000 },
        cites: [
          'AS-DEF-1',
          'AS-DEF-2',
          'AS-DEF-4',
          'AS-DEF-3',
          'AS-GEN-2',
          'AS-GEN-3',
          'AS-DEF-5',
          'AS-DEF-6',
        ],
      },
    },
    {
      name: 'defective claim at exactly shipment + 90 days is inside the window, AS-DEF-2',
      input: claim('defective', WINDOW_END),
      expect: { eligible: true, resolutions: ['repair', 'replacement', 'refund'], reimbursable: 1499 },
    },
    {
      name: 'defective claim 1 ms after shipment + 90 days: repair under warranty only, customer pays shipping, AS-DEF-2 AS-GEN-6',
      input: claim('defective', at(WINDOW_END, 1)),
      expect: {
        eligible: true,
        resolutions: ['repair'],
        payer: 'customer',
        reimbursable: 0,
        returnParcel: { rmaRequired: true, declaredValueCents: 3000 },
        cites: ['AS-GEN-6', 'AS-GEN-2'],
        omits: ['AS-GEN-3'],
        deadline: '2027-01-05T00:00:00.000Z',
      },
    },
    {
      name: 'defective claim at exactly the warranty end (shipment + 12 months) is repaired, AS-GEN-6',
      input: claim('defective', WARRANTY_END),
      expect: { eligible: true, resolutions: ['repair'], deadline: '2027-01-05T00:00:00.000Z' },
    },
    {
      name: 'defective claim 1 ms after the warranty end is declined and the reason names the dates, AS-DEF-2',
      input: claim('defective', at(WARRANTY_END, 1)),
      expect: {
        eligible: false,
        ...NO_RETURN,
        deadline: '2027-01-05T00:00:00.000Z',
        cites: ['AS-DEF-2'],
        mentions: [
          ['AS-DEF-2', '5 Jan 2026'],
          ['AS-DEF-2', '5 Apr 2026 00:00 UTC'],
          ['AS-DEF-2', '5 Jan 2027 00:00 UTC'],
          ['AS-DEF-2', '90 days'],
        ],
      },
    },
    {
      name: 'warranty of an item shipped 29 Feb 2024 ends 28 Feb 2025 at the same time of day (accepted), AS-GEN-6',
      input: claim('defective', '2025-02-28T15:30:00Z', {
        shippedAt: '2024-02-29T15:30:00Z',
        deliveredAt: '2024-03-02T10:00:00Z',
      }),
      expect: { eligible: true, resolutions: ['repair'], deadline: '2025-02-28T15:30:00.000Z' },
    },
    {
      name: 'warranty of an item shipped 29 Feb 2024: 1 ms after 28 Feb 2025 15:30 is declined, AS-DEF-2 AS-GEN-6',
      input: claim('defective', '2025-02-28T15:30:00.001Z', {
        shippedAt: '2024-02-29T15:30:00Z',
        deliveredAt: '2024-03-02T10:00:00Z',
      }),
      expect: { eligible: false, resolutions: [], deadline: '2025-02-28T15:30:00.000Z', cites: ['AS-DEF-2'] },
    },
    {
      name: 'setting warrantyMonths 11: shipped 31 Mar 2025, the warranty ends 28 Feb 2026 (day clamped), AS-GEN-6',
      input: claim('defective', '2026-02-28T08:00:00Z', {
        shippedAt: '2025-03-31T08:00:00Z',
        deliveredAt: '2025-04-02T08:00:00Z',
      }),
      settings: settings({ warrantyMonths: 11 }),
      expect: { eligible: true, resolutions: ['repair'], deadline: '2026-02-28T08:00:00.000Z' },
    },
    {
      name: 'setting defectiveDaysAfterShipment 120: day 100 is still inside the window, AS-DEF-2',
      input: claim('defective', at(SHIPPED, 100 * DAY)),
      settings: settings({ defectiveDaysAfterShipment: 120 }),
      expect: { eligible: true, resolutions: ['repair', 'replacement', 'refund'] },
    },
    {
      name: 'default settings: day 100 is after the window, repair only, AS-DEF-2',
      input: claim('defective', at(SHIPPED, 100 * DAY)),
      expect: { eligible: true, resolutions: ['repair'] },
    },
    {
      name: 'setting warrantyMonths 2: the deadline is the later window end (shipment + 90 days), AS-DEF-2',
      input: claim('defective', WINDOW_END),
      settings: settings({ warrantyMonths: 2 }),
      expect: {
        eligible: true,
        resolutions: ['repair', 'replacement', 'refund'],
        deadline: '2026-04-05T00:00:00.000Z',
      },
    },
    {
      name: 'setting warrantyMonths 2: 1 ms after the window end is declined, AS-DEF-2',
      input: claim('defective', at(WINDOW_END, 1)),
      settings: settings({ warrantyMonths: 2 }),
      expect: { eligible: false, resolutions: [], cites: ['AS-DEF-2'] },
    },
    {
      name: 'setting warrantyMonths 24: a claim 20 months after shipment is repaired, AS-GEN-6',
      input: claim('defective', '2027-09-05T00:00:00Z'),
      settings: settings({ warrantyMonths: 24 }),
      expect: { eligible: true, resolutions: ['repair'], deadline: '2028-01-05T00:00:00.000Z' },
    },
  ]);
});

describe('defective repairs and parts, AS-DEF-3 AS-GEN-4', () => {
  const late = '2026-02-01T00:00:00Z'; // inside AS-DEF-2, after AS-GEN-4's 7 days
  const early = '2026-01-12T00:00:00Z'; // 2 days after delivery
  runCases([
    {
      name: 'repair with no component to replace is free (partsPayer null), AS-DEF-3',
      input: claim('defective', late),
      expect: { eligible: true, partsPayer: null, mentions: [['AS-DEF-3', 'free']] },
    },
    {
      name: 'repair needing screen and battery after 7 days: customer pays the parts after a quote, AS-DEF-3',
      input: claim('defective', late, {
        facts: { troubleshootingDone: true, componentsToReplace: ['screen', 'battery'] },
      }),
      expect: {
        eligible: true,
        resolutions: ['repair', 'replacement', 'refund'],
        partsPayer: 'customer',
        mentions: [
          ['AS-DEF-3', 'screen and battery'],
          ['AS-DEF-3', 'quote'],
        ],
      },
    },
    {
      name: 'repair needing the motherboard within 7 days of receipt: the shop pays the parts, AS-GEN-4 AS-DEF-3',
      input: claim('defective', early, {
        facts: { troubleshootingDone: true, componentsToReplace: ['motherboard'] },
      }),
      expect: { eligible: true, partsPayer: 'shop', payer: 'shop', mentions: [['AS-GEN-4', 'motherboard']] },
    },
    {
      name: 'warranty repair after the 90-day window with a component: customer pays the parts, AS-DEF-3 AS-GEN-6',
      input: claim('defective', '2026-06-01T00:00:00Z', {
        facts: { troubleshootingDone: true, componentsToReplace: ['battery'] },
      }),
      expect: { eligible: true, resolutions: ['repair'], partsPayer: 'customer', payer: 'customer' },
    },
    {
      name: 'an empty components list means a free repair (partsPayer null), AS-DEF-3',
      input: claim('defective', early, { facts: { troubleshootingDone: true, componentsToReplace: [] } }),
      expect: { eligible: true, partsPayer: null },
    },
  ]);

  it('repair within 7 days of a late delivery (after the 90-day window): the shop pays the parts, AS-GEN-4 AS-DEF-3', () => {
    // Shipped 5 Jan, delivered 100 days later (15 Apr), opened the next day: past AS-DEF-2's window, so the only
    // resolution is a warranty repair (customer pays shipping both ways), but the case is opened within 7 days
    // after the customer received the order.
    const input = claim('defective', '2026-04-16T00:00:00Z', {
      deliveredAt: '2026-04-15T00:00:00Z',
      facts: { troubleshootingDone: true, componentsToReplace: ['screen'] },
    });
    const a = assessClaim(input);
    assert.deepEqual(a.resolutions, ['repair']);
    assert.equal(a.returnShipping.payer, 'customer');
    assert.equal(a.partsPayer, 'shop');
  });
});

describe('return shipping of defective items, AS-DEF-4 AS-DEF-5 AS-DEF-6', () => {
  runCases([
    {
      name: 'defective claim 8 days after receipt: customer ships it back, reimbursable under AS-GEN-3, AS-DEF-4',
      input: claim('defective', '2026-01-18T00:00:00Z'),
      expect: {
        eligible: true,
        payer: 'customer',
        reimbursable: 1499,
        cites: ['AS-DEF-4'],
        mentions: [['AS-DEF-4', '8 days after you received the order on 10 Jan 2026']],
      },
    },
    {
      name: 'defective return parcel: RMA required and $30.00 declared, AS-DEF-5',
      input: claim('defective', '2026-02-01T00:00:00Z'),
      expect: {
        returnParcel: { rmaRequired: true, declaredValueCents: 3000 },
        mentions: [['AS-DEF-5', '$30.00']],
      },
    },
    {
      name: 'setting declaredParcelValueCents 5000: $50.00 is declared, AS-DEF-5',
      input: claim('defective', '2026-02-01T00:00:00Z'),
      settings: settings({ declaredParcelValueCents: 5000 }),
      expect: {
        returnParcel: { rmaRequired: true, declaredValueCents: 5000 },
        mentions: [['AS-DEF-5', '$50.00']],
      },
    },
  ]);
  it('defective evidence: both package sides, optional shipment slip, item and defect media, optional postage receipt, AS-DEF-6', () => {
    const a = assessClaim(claim('defective', '2026-02-01T00:00:00Z'));
    assert.deepEqual(sortEvidence(a.evidence), [
      { kind: 'defect_media', required: true },
      { kind: 'item_media', required: true },
      { kind: 'package_back', required: true },
      { kind: 'package_front', required: true },
      { kind: 'postage_receipt', required: false },
      { kind: 'shipment_slip', required: false },
    ]);
    check(a, { cites: ['AS-DEF-6'] });
  });
  it('a declined defective claim has the same evidence list, AS-DEF-6', () => {
    const ok = assessClaim(claim('defective', '2026-02-01T00:00:00Z'));
    const declined = assessClaim(claim('defective', '2026-02-01T00:00:00Z', { item: { clearance: true } }));
    assert.equal(declined.eligible, false);
    assert.deepEqual(sortEvidence(declined.evidence), sortEvidence(ok.evidence));
  });
});

describe('troubleshooting first, AS-GEN-1', () => {
  const rows: Array<[string, ClaimKind, string, Facts | null, Resolution[]]> = [
    [
      'DOA with no facts',
      'dead_on_arrival',
      '2026-01-11T00:00:00Z',
      null,
      ['troubleshoot', 'replacement', 'refund'],
    ],
    [
      'DOA with troubleshootingDone false',
      'dead_on_arrival',
      '2026-01-11T00:00:00Z',
      { troubleshootingDone: false },
      ['troubleshoot', 'replacement', 'refund'],
    ],
    [
      'DOA with troubleshootingDone true',
      'dead_on_arrival',
      '2026-01-11T00:00:00Z',
      { troubleshootingDone: true },
      ['replacement', 'refund'],
    ],
    [
      'defective with empty facts',
      'defective',
      '2026-02-01T00:00:00Z',
      {},
      ['troubleshoot', 'repair', 'replacement', 'refund'],
    ],
    ['defective after the window', 'defective', '2026-06-01T00:00:00Z', {}, ['troubleshoot', 'repair']],
    [
      'incorrect item with no facts',
      'incorrect_item',
      '2026-01-11T00:00:00Z',
      null,
      ['troubleshoot', 'replacement', 'keep_with_voucher'],
    ],
    [
      'incorrect item with troubleshootingDone true',
      'incorrect_item',
      '2026-01-11T00:00:00Z',
      { troubleshootingDone: true },
      ['replacement', 'keep_with_voucher'],
    ],
    ['DOA declined for lateness', 'dead_on_arrival', '2026-02-01T00:00:00Z', {}, []],
    ['change of mind', 'change_of_mind', '2026-01-11T00:00:00Z', {}, []],
  ];
  for (const [what, kind, opened, facts, expected] of rows) {
    const first = expected[0] === 'troubleshoot' ? 'troubleshoot comes first' : 'no troubleshoot step';
    it(`${what}: ${first}, AS-GEN-1`, () => {
      const a = assessClaim(claim(kind, opened, { facts }));
      assert.deepEqual(a.resolutions, expected);
      if (a.eligible) check(a, { cites: ['AS-GEN-1'] });
      else check(a, { omits: ['AS-GEN-1'] });
    });
  }
  it('troubleshootingDone true: AS-GEN-1 reason says the issue persists, AS-GEN-1', () => {
    check(assessClaim(claim('defective', '2026-02-01T00:00:00Z')), { mentions: [['AS-GEN-1', 'persists']] });
  });
});

describe('return authorisation, AS-GEN-2', () => {
  runCases([
    {
      name: 'an incorrect item sent back for replacement needs an RMA number, AS-GEN-2',
      input: claim('incorrect_item', '2026-01-11T00:00:00Z'),
      expect: {
        returnParcel: { rmaRequired: true, declaredValueCents: null },
        mentions: [['AS-GEN-2', 'RMA']],
      },
    },
    {
      name: 'an incorrect item that is kept (physical damage) needs no RMA, AS-GEN-2',
      input: claim('incorrect_item', '2026-01-11T00:00:00Z', {
        facts: { physicalDamage: true, troubleshootingDone: true },
      }),
      expect: { returnParcel: null, omits: ['AS-GEN-2'] },
    },
    {
      name: 'a coupon-only warranty claim sends nothing back, so no RMA, AS-GEN-2 AS-GEN-5',
      input: claim('defective', '2026-06-01T00:00:00Z', { item: { unitPriceCents: 5000 } }),
      expect: { resolutions: ['coupon'], returnParcel: null, omits: ['AS-GEN-2'] },
    },
    {
      name: 'a declined claim needs no RMA, AS-GEN-2',
      input: claim('change_of_mind', '2026-01-11T00:00:00Z'),
      expect: { returnParcel: null, omits: ['AS-GEN-2'] },
    },
  ]);
});

describe('return shipping fee, AS-GEN-3', () => {
  const opened = '2026-02-01T00:00:00Z';
  const withFee = (fee: number | undefined): ClaimInput =>
    claim('defective', opened, {
      facts:
        fee === undefined
          ? { troubleshootingDone: true }
          : { troubleshootingDone: true, returnShippingFeeCents: fee },
    });
  runCases([
    {
      name: 'fee $14.99 is reimbursable (below the $15.00 cap), AS-GEN-3',
      input: withFee(1499),
      expect: {
        reimbursable: 1499,
        mentions: [
          ['AS-GEN-3', '$14.99'],
          ['AS-GEN-3', '$15.00'],
        ],
      },
    },
    {
      name: 'fee $15.00 is not reimbursed (at the cap), AS-GEN-3',
      input: withFee(1500),
      expect: { eligible: true, reimbursable: 0, mentions: [['AS-GEN-3', 'not reimbursed']] },
    },
    {
      name: 'fee $40.00 is not reimbursed (above the cap), AS-GEN-3',
      input: withFee(4000),
      expect: { reimbursable: 0 },
    },
    {
      name: 'fee $0.00 reimburses nothing, AS-GEN-3',
      input: withFee(0),
      expect: { reimbursable: 0 },
    },
    {
      name: 'no fee declared: up to the cap minus one cent (1499), AS-GEN-3',
      input: withFee(undefined),
      expect: { reimbursable: 1499, mentions: [['AS-GEN-3', 'less than $15.00']] },
    },
    {
      name: 'setting returnShippingFeeCapCents 2000: no fee declared gives 1999, AS-GEN-3',
      input: withFee(undefined),
      settings: settings({ returnShippingFeeCapCents: 2000 }),
      expect: { reimbursable: 1999, mentions: [['AS-GEN-3', '$20.00']] },
    },
    {
      name: 'setting returnShippingFeeCapCents 2000: fee $19.99 is reimbursable, AS-GEN-3',
      input: withFee(1999),
      settings: settings({ returnShippingFeeCapCents: 2000 }),
      expect: { reimbursable: 1999 },
    },
    {
      name: 'setting returnShippingFeeCapCents 1000: fee $14.99 is not reimbursed, AS-GEN-3',
      input: withFee(1499),
      settings: settings({ returnShippingFeeCapCents: 1000 }),
      expect: { reimbursable: 0 },
    },
    {
      name: 'DOA claim with a $9.50 fee: 950 reimbursable, AS-GEN-3',
      input: claim('dead_on_arrival', '2026-01-11T00:00:00Z', {
        facts: { troubleshootingDone: true, returnShippingFeeCents: 950 },
      }),
      expect: { reimbursable: 950, payer: 'shop' },
    },
    {
      name: 'incorrect item with no fee declared: 1499 reimbursable, AS-GEN-3 AS-INC-1',
      input: claim('incorrect_item', '2026-03-01T00:00:00Z'),
      expect: { reimbursable: 1499, payer: 'shop' },
    },
    {
      name: 'ineligible claim with a fee below the cap reimburses nothing, AS-GEN-3',
      input: claim('defective', opened, {
        item: { clearance: true },
        facts: { troubleshootingDone: true, returnShippingFeeCents: 800 },
      }),
      expect: { eligible: false, reimbursable: 0 },
    },
    {
      name: 'after the AS-DEF-2 window a fee below the cap is not reimbursed, AS-GEN-3 AS-GEN-6',
      input: claim('defective', '2026-06-01T00:00:00Z', {
        facts: { troubleshootingDone: true, returnShippingFeeCents: 800 },
      }),
      expect: { eligible: true, reimbursable: 0, omits: ['AS-GEN-3'] },
    },
    {
      name: 'nothing sent back (incorrect item kept) reimburses nothing, AS-GEN-3',
      input: claim('incorrect_item', '2026-01-11T00:00:00Z', {
        facts: { physicalDamage: true, troubleshootingDone: true, returnShippingFeeCents: 800 },
      }),
      expect: { eligible: true, reimbursable: 0 },
    },
  ]);
});

describe('who pays after inspection, AS-GEN-4', () => {
  const parts: Facts = { troubleshootingDone: true, componentsToReplace: ['screen'] };
  runCases([
    {
      name: 'defective claim exactly 7 days after receipt: shop pays shipping and parts, AS-GEN-4',
      input: claim('defective', '2026-01-17T00:00:00Z', { facts: parts }),
      expect: {
        eligible: true,
        payer: 'shop',
        partsPayer: 'shop',
        mentions: [['AS-GEN-4', '7 days after you received the order on 10 Jan 2026']],
      },
    },
    {
      name: 'defective claim 7 days and 1 ms after receipt: customer pays shipping and parts, AS-GEN-4 AS-DEF-4',
      input: claim('defective', '2026-01-17T00:00:00.001Z', { facts: parts }),
      expect: {
        eligible: true,
        payer: 'customer',
        partsPayer: 'customer',
        cites: ['AS-DEF-4'],
        mentions: [['AS-DEF-4', 'more than 7 days']],
      },
    },
    {
      name: 'defective claim 8 days after receipt: customer pays shipping and parts, AS-GEN-4',
      input: claim('defective', '2026-01-18T00:00:00Z', { facts: parts }),
      expect: { eligible: true, payer: 'customer', partsPayer: 'customer' },
    },
    {
      name: 'untraceable delivery: received is shippedAt, so 7 days after shipment the shop pays, AS-GEN-4',
      input: claim('defective', '2026-01-12T00:00:00Z', { deliveredAt: null, facts: parts }),
      expect: {
        eligible: true,
        payer: 'shop',
        partsPayer: 'shop',
        mentions: [['AS-GEN-4', 'received the order on 5 Jan 2026']],
      },
    },
    {
      name: 'untraceable delivery: 1 ms after shipment + 7 days the customer pays, AS-GEN-4',
      input: claim('defective', '2026-01-12T00:00:00.001Z', { deliveredAt: null, facts: parts }),
      expect: { eligible: true, payer: 'customer', partsPayer: 'customer' },
    },
    {
      name: 'setting shopPaysFaultDays 14: 10 days after receipt the shop pays, AS-GEN-4',
      input: claim('defective', '2026-01-20T00:00:00Z', { facts: parts }),
      settings: settings({ shopPaysFaultDays: 14 }),
      expect: { eligible: true, payer: 'shop', partsPayer: 'shop', mentions: [['AS-GEN-4', '14 days']] },
    },
    {
      name: 'DOA claims: the shop pays the shipping, AS-GEN-4 AS-DOA-1',
      input: claim('dead_on_arrival', '2026-01-13T00:00:00Z'),
      expect: { payer: 'shop' },
    },
    {
      name: 'AS-DEF-3 AS-GEN-4: an incorrect item with misuse and components listed names no parts payer: no repair is offered',
      input: claim('incorrect_item', '2026-01-11T00:00:00Z', {
        facts: { misuse: true, troubleshootingDone: true, componentsToReplace: ['battery'] },
      }),
      expect: { eligible: true, resolutions: ['replacement', 'keep_with_voucher'], partsPayer: null },
    },
  ]);
});

describe('coupon instead of repair, AS-GEN-5', () => {
  const inWindow = '2026-02-01T00:00:00Z';
  runCases([
    {
      name: 'defective item at $99.99 gets a $100.00 coupon instead of repair, AS-GEN-5',
      input: claim('defective', inWindow, { item: { unitPriceCents: 9999 } }),
      expect: {
        eligible: true,
        resolutions: ['coupon', 'replacement', 'refund'],
        couponValueCents: 10000,
        reimbursable: 1499,
        mentions: [
          ['AS-GEN-5', '$99.99'],
          ['AS-GEN-5', '$100.00'],
        ],
      },
    },
    {
      name: 'defective item at $100.00 is repaired, no coupon, AS-GEN-5',
      input: claim('defective', inWindow, { item: { unitPriceCents: 10000 } }),
      expect: {
        eligible: true,
        resolutions: ['repair', 'replacement', 'refund'],
        couponValueCents: null,
        omits: ['AS-GEN-5'],
      },
    },
    {
      name: 'coupon value is the price rounded up to whole dollars: $49.01 gives $50.00, AS-GEN-5',
      input: claim('defective', inWindow, { item: { unitPriceCents: 4901 } }),
      expect: { couponValueCents: 5000, mentions: [['AS-GEN-5', '$50.00']] },
    },
    {
      name: 'coupon for a whole-dollar price keeps the price: $50.00 gives $50.00, AS-GEN-5',
      input: claim('defective', inWindow, { item: { unitPriceCents: 5000 } }),
      expect: { couponValueCents: 5000 },
    },
    {
      name: 'coupon replaces repair only: after the window the only resolution is the coupon, AS-GEN-5 AS-GEN-6',
      input: claim('defective', '2026-06-01T00:00:00Z', { item: { unitPriceCents: 2500 } }),
      expect: {
        eligible: true,
        resolutions: ['coupon'],
        couponValueCents: 2500,
        payer: 'customer',
        reimbursable: 0,
      },
    },
    {
      name: 'coupon means no parts to pay even when components are listed, AS-GEN-5 AS-DEF-3',
      input: claim('defective', inWindow, {
        item: { unitPriceCents: 5000 },
        facts: { troubleshootingDone: true, componentsToReplace: ['screen'] },
      }),
      expect: { resolutions: ['coupon', 'replacement', 'refund'], partsPayer: null },
    },
    {
      name: 'coupon within 7 days of receipt with components listed: still no parts to pay, AS-GEN-5',
      input: claim('defective', '2026-01-12T00:00:00Z', {
        item: { unitPriceCents: 5000 },
        facts: { troubleshootingDone: true, componentsToReplace: ['screen'] },
      }),
      expect: { resolutions: ['coupon', 'replacement', 'refund'], partsPayer: null, payer: 'shop' },
    },
    {
      name: 'troubleshooting not done: troubleshoot, then coupon, AS-GEN-5 AS-GEN-1',
      input: claim('defective', inWindow, { item: { unitPriceCents: 5000 }, facts: null }),
      expect: { resolutions: ['troubleshoot', 'coupon', 'replacement', 'refund'] },
    },
    {
      name: 'setting couponThresholdCents 5000: $99.99 is repaired, AS-GEN-5',
      input: claim('defective', inWindow, { item: { unitPriceCents: 9999 } }),
      settings: settings({ couponThresholdCents: 5000 }),
      expect: { resolutions: ['repair', 'replacement', 'refund'], couponValueCents: null },
    },
    {
      name: 'setting couponThresholdCents 5000: $49.99 gets a coupon, AS-GEN-5',
      input: claim('defective', inWindow, { item: { unitPriceCents: 4999 } }),
      settings: settings({ couponThresholdCents: 5000 }),
      expect: { resolutions: ['coupon', 'replacement', 'refund'], couponValueCents: 5000 },
    },
    {
      name: 'setting couponThresholdCents 20000: $150.00 gets a coupon, AS-GEN-5',
      input: claim('defective', inWindow, { item: { unitPriceCents: 15000 } }),
      settings: settings({ couponThresholdCents: 20000 }),
      expect: { resolutions: ['coupon', 'replacement', 'refund'], couponValueCents: 15000 },
    },
    {
      name: 'setting couponFixedValueCents 2500: every coupon is worth $25.00, AS-GEN-5',
      input: claim('defective', inWindow, { item: { unitPriceCents: 9999 } }),
      settings: settings({ couponFixedValueCents: 2500 }),
      expect: { couponValueCents: 2500, mentions: [['AS-GEN-5', '$25.00']] },
    },
    {
      name: 'a free item ($0.00) gets a $0.00 coupon, AS-GEN-5',
      input: claim('defective', inWindow, { item: { unitPriceCents: 0 } }),
      expect: { resolutions: ['coupon', 'replacement', 'refund'], couponValueCents: 0 },
    },
  ]);
});

describe('incorrect items, AS-INC-1 AS-INC-2 AS-INC-3 AS-INC-4', () => {
  runCases([
    {
      name: 'incorrect item: replacement or keep with a voucher, shop pays shipping, no deadline, AS-INC-1 AS-INC-2',
      input: claim('incorrect_item', '2026-01-11T00:00:00Z'),
      expect: {
        eligible: true,
        resolutions: ['replacement', 'keep_with_voucher'],
        deadline: null,
        payer: 'shop',
        reimbursable: 1499,
        partsPayer: null,
        couponValueCents: null,
        returnParcel: { rmaRequired: true, declaredValueCents: null },
        cites: ['AS-INC-1', 'AS-INC-2', 'AS-INC-3', 'AS-GEN-2'],
        omits: ['AS-DEF-5'],
      },
    },
    {
      name: 'incorrect item reported 3 years later is still accepted (no limit), deadline null, AS-INC-1',
      input: claim('incorrect_item', '2029-01-11T00:00:00Z'),
      expect: { eligible: true, deadline: null, resolutions: ['replacement', 'keep_with_voucher'] },
    },
    {
      name: 'incorrect item with untraceable delivery is accepted, AS-INC-1',
      input: claim('incorrect_item', '2026-01-11T00:00:00Z', { deliveredAt: null }),
      expect: { eligible: true, deadline: null, payer: 'shop' },
    },
    {
      name: 'incorrect item with physical damage cannot come back as delivered: keep with a voucher only, AS-INC-1 AS-INC-2',
      input: claim('incorrect_item', '2026-01-11T00:00:00Z', {
        facts: { physicalDamage: true, troubleshootingDone: true },
      }),
      expect: {
        eligible: true,
        resolutions: ['keep_with_voucher'],
        deadline: null,
        reimbursable: 0,
        payer: 'shop',
        returnParcel: null,
        cites: ['AS-INC-1', 'AS-INC-2'],
      },
    },
    {
      name: 'incorrect item with physical damage, troubleshooting not done: troubleshoot then keep with a voucher, AS-INC-2',
      input: claim('incorrect_item', '2026-01-11T00:00:00Z', { facts: { physicalDamage: true } }),
      expect: { resolutions: ['troubleshoot', 'keep_with_voucher'] },
    },
    {
      name: 'incorrect item for a cheap accessory on clearance is still replaced (no coupon), AS-INC-1 AS-GEN-5',
      input: claim('incorrect_item', '2026-01-11T00:00:00Z', {
        item: { category: 'accessory', clearance: true, unitPriceCents: 500 },
      }),
      expect: { eligible: true, resolutions: ['replacement', 'keep_with_voucher'], couponValueCents: null },
    },
    {
      name: 'only logo or packaging differs: declined as batch variance, deadline null, AS-INC-4',
      input: claim('incorrect_item', '2026-01-11T00:00:00Z', {
        facts: { onlyLogoOrPackagingDiffers: true, troubleshootingDone: true },
      }),
      expect: {
        eligible: false,
        ...NO_RETURN,
        deadline: null,
        returnParcel: null,
        cites: ['AS-INC-4'],
        omits: ['AS-INC-1', 'AS-INC-2'],
        mentions: [['AS-INC-4', 'logo or packaging']],
      },
    },
    {
      name: 'only logo or packaging differs, with physical damage: still declined, AS-INC-4',
      input: claim('incorrect_item', '2026-01-11T00:00:00Z', {
        facts: { onlyLogoOrPackagingDiffers: true, physicalDamage: true },
      }),
      expect: { eligible: false, resolutions: [], cites: ['AS-INC-4'] },
    },
  ]);
  it('incorrect-item evidence: item media, optional malfunction media, optional postage receipt, AS-INC-3', () => {
    const a = assessClaim(claim('incorrect_item', '2026-01-11T00:00:00Z'));
    assert.deepEqual(sortEvidence(a.evidence), [
      { kind: 'item_media', required: true },
      { kind: 'malfunction_media', required: false },
      { kind: 'postage_receipt', required: false },
    ]);
    check(a, { cites: ['AS-INC-3'] });
  });
});

describe('change of mind, AS-RET-1', () => {
  const rows: Array<[string, ClaimInput]> = [
    ['the day after delivery', claim('change_of_mind', '2026-01-11T00:00:00Z')],
    [
      'the instant of delivery, troubleshooting not done',
      claim('change_of_mind', DELIVERED, { facts: null }),
    ],
    ['with untraceable delivery', claim('change_of_mind', '2026-01-06T00:00:00Z', { deliveredAt: null })],
    ['for a cheap item', claim('change_of_mind', '2026-01-11T00:00:00Z', { item: { unitPriceCents: 100 } })],
  ];
  for (const [when, input] of rows) {
    it(`change-of-mind return ${when} is declined with no deadline and no evidence, AS-RET-1`, () => {
      const a = assessClaim(input);
      check(a, {
        eligible: false,
        ...NO_RETURN,
        deadline: null,
        partsPayer: null,
        couponValueCents: null,
        returnParcel: null,
        cites: ['AS-RET-1'],
      });
      assert.deepEqual(a.evidence, []);
      assert.deepEqual(
        a.reasons.map((r) => r.clause),
        ['AS-RET-1'],
      );
    });
  }
});

describe('bad input throws InvalidClaimError naming the field', () => {
  const valid = claim('defective', '2026-02-01T00:00:00Z', {
    facts: { troubleshootingDone: true, componentsToReplace: ['screen'], returnShippingFeeCents: 900 },
  });
  /** A deep copy of the valid claim with `change` applied. */
  function mutate(
    change: (
      c: Record<string, unknown> & { item: Record<string, unknown>; facts: Record<string, unknown> },
    ) => void,
  ): unknown {
    const copy = structuredClone(valid) as unknown as Record<string, unknown> & {
      item: Record<string, unknown>;
      facts: Record<string, unknown>;
    };
    change(copy);
    return copy;
  }
  const rows: Array<[string, unknown, string]> = [
    [
      'openedAt before shippedAt (untraceable delivery)',
      mutate((c) => {
        c.deliveredAt = null;
        c.openedAt = '2026-01-04T23:59:59.999Z';
      }),
      'openedAt',
    ],
    [
      'openedAt before shippedAt',
      mutate((c) => {
        c.openedAt = '2026-01-01T00:00:00Z';
      }),
      'openedAt',
    ],
    [
      'deliveredAt before shippedAt',
      mutate((c) => {
        c.deliveredAt = '2026-01-04T00:00:00Z';
      }),
      'deliveredAt',
    ],
    [
      'openedAt before deliveredAt',
      mutate((c) => {
        c.openedAt = '2026-01-09T23:59:59Z';
      }),
      'openedAt',
    ],
    [
      'negative unitPriceCents',
      mutate((c) => {
        c.item.unitPriceCents = -1;
      }),
      'item.unitPriceCents',
    ],
    [
      'fractional unitPriceCents',
      mutate((c) => {
        c.item.unitPriceCents = 1999.5;
      }),
      'item.unitPriceCents',
    ],
    [
      'NaN unitPriceCents',
      mutate((c) => {
        c.item.unitPriceCents = Number.NaN;
      }),
      'item.unitPriceCents',
    ],
    [
      'string unitPriceCents',
      mutate((c) => {
        c.item.unitPriceCents = '1999';
      }),
      'item.unitPriceCents',
    ],
    [
      'negative returnShippingFeeCents',
      mutate((c) => {
        c.facts.returnShippingFeeCents = -500;
      }),
      'facts.returnShippingFeeCents',
    ],
    [
      'fractional returnShippingFeeCents',
      mutate((c) => {
        c.facts.returnShippingFeeCents = 14.99;
      }),
      'facts.returnShippingFeeCents',
    ],
    [
      'unknown kind',
      mutate((c) => {
        c.kind = 'warranty';
      }),
      'kind',
    ],
    [
      'unknown category',
      mutate((c) => {
        c.item.category = 'laptop';
      }),
      'item.category',
    ],
    [
      'month 13',
      mutate((c) => {
        c.openedAt = '2026-13-01T00:00:00Z';
      }),
      'openedAt',
    ],
    [
      '30 February',
      mutate((c) => {
        c.openedAt = '2026-02-30T00:00:00Z';
      }),
      'openedAt',
    ],
    [
      '29 February in a non-leap year',
      mutate((c) => {
        c.openedAt = '2026-02-29T00:00:00Z';
      }),
      'openedAt',
    ],
    [
      'date without time',
      mutate((c) => {
        c.openedAt = '2026-01-10';
      }),
      'openedAt',
    ],
    [
      'date-time without zone',
      mutate((c) => {
        c.shippedAt = '2026-01-05T00:00:00';
      }),
      'shippedAt',
    ],
    [
      'date-time without seconds',
      mutate((c) => {
        c.deliveredAt = '2026-01-10T00:00Z';
      }),
      'deliveredAt',
    ],
    [
      'hour 24',
      mutate((c) => {
        c.deliveredAt = '2026-01-10T24:00:00Z';
      }),
      'deliveredAt',
    ],
    [
      'a number as date',
      mutate((c) => {
        c.openedAt = 1767225600000;
      }),
      'openedAt',
    ],
    [
      'missing shippedAt',
      mutate((c) => {
        delete c.shippedAt;
      }),
      'shippedAt',
    ],
    [
      'missing deliveredAt (null is required for untraceable)',
      mutate((c) => {
        delete c.deliveredAt;
      }),
      'deliveredAt',
    ],
    [
      'unknown field in item',
      mutate((c) => {
        c.item.colour = 'black';
      }),
      'item.colour',
    ],
    [
      'unknown field in facts',
      mutate((c) => {
        c.facts.urgent = true;
      }),
      'facts.urgent',
    ],
    [
      'duplicate component',
      mutate((c) => {
        c.facts.componentsToReplace = ['screen', 'battery', 'screen'];
      }),
      'facts.componentsToReplace',
    ],
    [
      'unknown component',
      mutate((c) => {
        c.facts.componentsToReplace = ['keyboard'];
      }),
      'facts.componentsToReplace.0',
    ],
    [
      'non-boolean flag',
      mutate((c) => {
        c.item.clearance = 'yes';
      }),
      'item.clearance',
    ],
    [
      'non-boolean fact',
      mutate((c) => {
        c.facts.misuse = 1;
      }),
      'facts.misuse',
    ],
    [
      'missing item',
      mutate((c) => {
        delete (c as Record<string, unknown>).item;
      }),
      'item',
    ],
  ];
  for (const [what, input, field] of rows) {
    it(`${what} throws InvalidClaimError on '${field}'`, () => {
      assert.throws(
        () => assessClaim(input as ClaimInput),
        (e: unknown) => {
          assert.ok(e instanceof InvalidClaimError, `InvalidClaimError, got ${String(e)}`);
          assert.equal(e.field, field);
          assert.equal(e.code, 'validation_failed');
          return true;
        },
      );
    });
  }
  it('an unknown top-level field throws InvalidClaimError naming the key', () => {
    assert.throws(
      () => assessClaim({ ...valid, priority: 'high' } as ClaimInput),
      (e: unknown) => {
        assert.ok(e instanceof InvalidClaimError);
        assert.equal(e.field, 'priority');
        assert.match(e.message, /priority/);
        return true;
      },
    );
  });
  it('null, an array or a string as claim throws InvalidClaimError', () => {
    for (const bad of [null, [], 'claim', 42, undefined]) {
      assert.throws(() => assessClaim(bad as unknown as ClaimInput), InvalidClaimError);
    }
  });
  it('the valid claim these cases start from is accepted', () => {
    assert.equal(assessClaim(valid).eligible, true);
  });
});

describe('bad settings throw ValidationError naming the setting', () => {
  const input = claim('defective', '2026-02-01T00:00:00Z');
  const rows: Array<[string, Record<string, unknown>, string]> = [
    ['negative doaDaysAfterDelivery', { doaDaysAfterDelivery: -1 }, 'settings.doaDaysAfterDelivery'],
    ['fractional doaDaysAfterDelivery', { doaDaysAfterDelivery: 2.5 }, 'settings.doaDaysAfterDelivery'],
    [
      'zero returnShippingFeeCapCents',
      { returnShippingFeeCapCents: 0 },
      'settings.returnShippingFeeCapCents',
    ],
    ['string couponThresholdCents', { couponThresholdCents: '10000' }, 'settings.couponThresholdCents'],
    ['negative couponFixedValueCents', { couponFixedValueCents: -100 }, 'settings.couponFixedValueCents'],
    ['fractional warrantyMonths', { warrantyMonths: 12.5 }, 'settings.warrantyMonths'],
    [
      'NaN defectiveDaysAfterShipment',
      { defectiveDaysAfterShipment: Number.NaN },
      'settings.defectiveDaysAfterShipment',
    ],
    ['missing shopPaysFaultDays', { shopPaysFaultDays: undefined }, 'settings.shopPaysFaultDays'],
  ];
  for (const [what, over, field] of rows) {
    it(`${what} throws on '${field}'`, () => {
      const bad = { ...defaultPolicySettings, ...over } as unknown as PolicySettings;
      assert.throws(
        () => assessClaim(input, bad),
        (e: unknown) => {
          assert.ok(e instanceof ValidationError, `ValidationError, got ${String(e)}`);
          assert.equal(e.field, field);
          return true;
        },
      );
    });
  }
  it('an unknown setting throws', () => {
    const bad = { ...defaultPolicySettings, refundDays: 14 } as unknown as PolicySettings;
    assert.throws(() => assessClaim(input, bad), ValidationError);
  });
  it('a copy of the default settings gives the same answer as the defaults', () => {
    assert.deepEqual(assessClaim(input, { ...defaultPolicySettings }), assessClaim(input));
  });
});
