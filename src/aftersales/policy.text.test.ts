/**
 * describePolicy: the customer-facing policy text is written from the same settings the engine enforces, and
 * covers every after-sales clause of the clause catalogue (docs/clauses.md) exactly once.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { catalogueClauseIds } from '../../test/helpers/clauses.ts';
import { ValidationError } from '../shared/errors.ts';
import { defaultPolicySettings, describePolicy, type PolicySection, type PolicySettings } from './policy.ts';

const CATALOGUE_AS_CLAUSES = catalogueClauseIds('AS');

function clauses(sections: PolicySection[]): Array<{ clause: string; text: string }> {
  return sections.flatMap((s) => s.clauses);
}

function textOf(sections: PolicySection[], clause: string): string {
  const found = clauses(sections).filter((c) => c.clause === clause);
  assert.equal(found.length, 1, `${clause} appears once`);
  return (found[0] as { text: string }).text;
}

function withSettings(over: Partial<PolicySettings>): PolicySection[] {
  return describePolicy({ ...defaultPolicySettings, ...over });
}

describe('describePolicy', () => {
  it('the clause catalogue lists the 19 after-sales clauses', () => {
    assert.deepEqual(CATALOGUE_AS_CLAUSES, [
      'AS-GEN-1',
      'AS-GEN-2',
      'AS-GEN-3',
      'AS-GEN-4',
      'AS-GEN-5',
      'AS-GEN-6',
      'AS-DOA-1',
      'AS-DOA-2',
      'AS-DEF-1',
      'AS-DEF-2',
      'AS-DEF-3',
      'AS-DEF-4',
      'AS-DEF-5',
      'AS-DEF-6',
      'AS-INC-1',
      'AS-INC-2',
      'AS-INC-3',
      'AS-INC-4',
      'AS-RET-1',
    ]);
  });

  it('every AS-* clause of the catalogue appears exactly once, and nothing else', () => {
    const listed = clauses(describePolicy()).map((c) => c.clause);
    for (const id of CATALOGUE_AS_CLAUSES) {
      assert.equal(listed.filter((c) => c === id).length, 1, `${id} appears exactly once`);
    }
    assert.deepEqual([...listed].sort(), [...CATALOGUE_AS_CLAUSES].sort());
  });

  it('sections come in order: general, dead on arrival, defective, incorrect item, returns', () => {
    const sections = describePolicy();
    assert.deepEqual(
      sections.map((s) => s.id),
      ['general', 'dead_on_arrival', 'defective', 'incorrect_item', 'returns'],
    );
    for (const s of sections) assert.ok(s.title.length > 0, `${s.id} has a title`);
    for (const c of clauses(sections)) assert.ok(c.text.length > 20, `${c.clause} has a text`);
  });

  const defaults: Array<[string, string[]]> = [
    ['AS-GEN-3', ['$15.00']],
    ['AS-GEN-4', ['7 days']],
    ['AS-GEN-5', ['$100.00', 'rounded up to whole dollars']],
    ['AS-GEN-6', ['12-month', '90-day']],
    ['AS-DOA-1', ['3 days', '30 days']],
    ['AS-DEF-2', ['90 days']],
    ['AS-DEF-4', ['7 days']],
    ['AS-DEF-5', ['$30.00']],
  ];
  for (const [clause, needles] of defaults) {
    it(`with default settings the ${clause} text says ${needles.map((n) => JSON.stringify(n)).join(' and ')}`, () => {
      const text = textOf(describePolicy(), clause);
      for (const n of needles)
        assert.ok(text.includes(n), `${clause}: ${JSON.stringify(text)} includes ${n}`);
    });
  }

  const changes: Array<[string, Partial<PolicySettings>, string, string[], string[]]> = [
    [
      'returnShippingFeeCapCents 2000',
      { returnShippingFeeCapCents: 2000 },
      'AS-GEN-3',
      ['$20.00'],
      ['$15.00'],
    ],
    ['shopPaysFaultDays 10', { shopPaysFaultDays: 10 }, 'AS-GEN-4', ['10 days'], ['7 days']],
    ['shopPaysFaultDays 10 (AS-DEF-4)', { shopPaysFaultDays: 10 }, 'AS-DEF-4', ['10 days'], ['7 days']],
    ['couponThresholdCents 5000', { couponThresholdCents: 5000 }, 'AS-GEN-5', ['$50.00'], ['$100.00']],
    [
      'couponFixedValueCents 2500',
      { couponFixedValueCents: 2500 },
      'AS-GEN-5',
      ['$25.00', '$100.00'],
      ['rounded up'],
    ],
    ['warrantyMonths 24', { warrantyMonths: 24 }, 'AS-GEN-6', ['24-month'], ['12-month']],
    [
      'defectiveDaysAfterShipment 60',
      { defectiveDaysAfterShipment: 60 },
      'AS-DEF-2',
      ['60 days'],
      ['90 days'],
    ],
    [
      'defectiveDaysAfterShipment 60 (AS-GEN-6)',
      { defectiveDaysAfterShipment: 60 },
      'AS-GEN-6',
      ['60-day'],
      ['90-day'],
    ],
    ['doaDaysAfterDelivery 5', { doaDaysAfterDelivery: 5 }, 'AS-DOA-1', ['5 days', '30 days'], ['3 days']],
    ['doaDaysAfterDelivery 1', { doaDaysAfterDelivery: 1 }, 'AS-DOA-1', ['1 day after delivery'], ['3 days']],
    [
      'doaDaysAfterShipmentUntraceable 45',
      { doaDaysAfterShipmentUntraceable: 45 },
      'AS-DOA-1',
      ['45 days', '3 days'],
      ['30 days'],
    ],
    ['declaredParcelValueCents 5000', { declaredParcelValueCents: 5000 }, 'AS-DEF-5', ['$50.00'], ['$30.00']],
  ];
  for (const [what, over, clause, has, hasNot] of changes) {
    it(`setting ${what} changes the ${clause} text`, () => {
      const text = textOf(withSettings(over), clause);
      assert.notEqual(text, textOf(describePolicy(), clause));
      for (const n of has) assert.ok(text.includes(n), `${JSON.stringify(text)} includes ${n}`);
      for (const n of hasNot) assert.ok(!text.includes(n), `${JSON.stringify(text)} does not include ${n}`);
    });
  }

  it('a copy of the default settings gives the default text', () => {
    assert.deepEqual(describePolicy({ ...defaultPolicySettings }), describePolicy());
  });

  const bad: Array<[string, Record<string, unknown>, string]> = [
    ['negative shopPaysFaultDays', { shopPaysFaultDays: -1 }, 'settings.shopPaysFaultDays'],
    [
      'zero returnShippingFeeCapCents',
      { returnShippingFeeCapCents: 0 },
      'settings.returnShippingFeeCapCents',
    ],
    ['fractional couponThresholdCents', { couponThresholdCents: 99.5 }, 'settings.couponThresholdCents'],
    ['string warrantyMonths', { warrantyMonths: '12' }, 'settings.warrantyMonths'],
    ['warrantyMonths 121', { warrantyMonths: 121 }, 'settings.warrantyMonths'],
    ['doaDaysAfterDelivery 3651', { doaDaysAfterDelivery: 3651 }, 'settings.doaDaysAfterDelivery'],
  ];
  for (const [what, over, field] of bad) {
    it(`bad settings (${what}) throw ValidationError on '${field}'`, () => {
      assert.throws(
        () => describePolicy({ ...defaultPolicySettings, ...over } as unknown as PolicySettings),
        (e: unknown) => {
          assert.ok(e instanceof ValidationError, `ValidationError, got ${String(e)}`);
          assert.equal(e.field, field);
          return true;
        },
      );
    });
  }
  it('settings with an unknown key throw ValidationError', () => {
    assert.throws(
      () => describePolicy({ ...defaultPolicySettings, extra: 1 } as unknown as PolicySettings),
      ValidationError,
    );
  });
});
