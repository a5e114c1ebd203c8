/**
 * The field table of the policy settings (issue 11 point 1): one row per `PolicySettings` key with its clause,
 * default and range; `parsePolicySettings` refuses exactly what the table's range refuses; a change is worded
 * as the shop writes numbers.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { catalogueClauseIds } from '../../test/helpers/clauses.ts';
import { ValidationError } from '../shared/errors.ts';
import { defaultPolicySettings, type PolicySettings, parsePolicySettings } from './policy.settings.ts';
import {
  describePolicyChange,
  formatPolicyValue,
  type PolicyFieldKey,
  policyFieldOf,
  policyFields,
  rangeInWords,
} from './policy-fields.ts';

// A compile-time check: the table's keys are exactly the keys of PolicySettings.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const keysMatch: Same<PolicyFieldKey, keyof PolicySettings> = true;

function fieldOf(key: string) {
  const field = policyFieldOf(key);
  assert.ok(field, key);
  return field;
}

function refusedField(settings: unknown): string | undefined {
  try {
    parsePolicySettings(settings);
  } catch (error) {
    assert.ok(error instanceof ValidationError);
    return error.field;
  }
  return undefined;
}

describe('policy fields (issue 11 point 1)', () => {
  it('lists every PolicySettings key once, each with a clause of the catalogue', () => {
    assert.equal(keysMatch, true);
    const keys = policyFields.map((f) => f.key);
    assert.deepEqual([...keys].sort(), Object.keys(defaultPolicySettings).sort());
    assert.equal(new Set(keys).size, keys.length);
    const catalogue = catalogueClauseIds('AS');
    for (const field of policyFields) assert.ok(catalogue.includes(field.clause), field.clause);
  });

  it('the defaults are the SPEC values: AS-GEN-3 $15, AS-GEN-4 7 days, AS-GEN-5 $100 and price paid, AS-GEN-6 12 months, AS-DOA-1 3/30 days, AS-DEF-2 90 days, AS-DEF-5 $30', () => {
    assert.deepEqual(
      { ...defaultPolicySettings },
      {
        returnShippingFeeCapCents: 1500,
        shopPaysFaultDays: 7,
        couponThresholdCents: 10000,
        couponFixedValueCents: null,
        warrantyMonths: 12,
        doaDaysAfterDelivery: 3,
        doaDaysAfterShipmentUntraceable: 30,
        defectiveDaysAfterShipment: 90,
        declaredParcelValueCents: 3000,
      },
    );
    for (const field of policyFields) {
      if (field.default === null) continue;
      assert.ok(field.min <= field.default && field.default <= field.max, `${field.key} default in range`);
    }
  });

  it('parsePolicySettings takes each range from the table: its bounds pass, one past them fails naming settings.<field>', () => {
    for (const field of policyFields) {
      for (const ok of [field.min, field.max]) {
        assert.equal(
          refusedField({ ...defaultPolicySettings, [field.key]: ok }),
          undefined,
          `${field.key}=${ok}`,
        );
      }
      for (const bad of [field.min - 1, field.max + 1, field.min + 0.5]) {
        assert.equal(
          refusedField({ ...defaultPolicySettings, [field.key]: bad }),
          `settings.${field.key}`,
          `${field.key}=${bad}`,
        );
      }
    }
    assert.equal(refusedField({ ...defaultPolicySettings, couponFixedValueCents: null }), undefined);
    assert.equal(refusedField({ ...defaultPolicySettings, warrantyMonths: null }), 'settings.warrantyMonths');
    assert.equal(
      refusedField({ ...defaultPolicySettings, doaDaysAfterDelivery: '5' }),
      'settings.doaDaysAfterDelivery',
    );
  });

  it('the message of a refused value gives the range in words', () => {
    try {
      parsePolicySettings({ ...defaultPolicySettings, doaDaysAfterDelivery: 9999 });
      assert.fail('accepted');
    } catch (error) {
      assert.ok(error instanceof ValidationError);
      assert.match(error.message, /from 0 to 3650 days/);
    }
    assert.equal(rangeInWords(fieldOf('returnShippingFeeCapCents')), 'from $0.01 to $100,000.00');
  });

  it('formats values as the shop writes them', () => {
    assert.equal(formatPolicyValue(fieldOf('doaDaysAfterDelivery'), 1), '1 day');
    assert.equal(formatPolicyValue(fieldOf('warrantyMonths'), 24), '24 months');
    assert.equal(formatPolicyValue(fieldOf('declaredParcelValueCents'), 123456), '$1,234.56');
    assert.equal(
      formatPolicyValue(fieldOf('couponFixedValueCents'), null),
      'the unit price paid, rounded up to whole dollars',
    );
  });
});

describe('describePolicyChange (issue 11 point 1)', () => {
  it('equal settings have no differences', () => {
    assert.deepEqual(describePolicyChange(defaultPolicySettings, { ...defaultPolicySettings }), []);
  });

  it('words each difference in the order of the table: AS-DOA-1 days, AS-GEN-3 money, AS-GEN-5 empty coupon', () => {
    const changes = describePolicyChange(defaultPolicySettings, {
      ...defaultPolicySettings,
      doaDaysAfterDelivery: 5,
      returnShippingFeeCapCents: 2000,
      couponFixedValueCents: 500,
    });
    assert.deepEqual(
      changes.map((c) => c.text),
      [
        'Return shipping fee cap: $15.00 → $20.00',
        'Coupon value: the unit price paid, rounded up to whole dollars → $5.00',
        'Dead-on-arrival window: 3 → 5 days',
      ],
    );
    assert.deepEqual(
      changes.map((c) => c.clause),
      ['AS-GEN-3', 'AS-GEN-5', 'AS-DOA-1'],
    );
    assert.deepEqual(changes[2], {
      key: 'doaDaysAfterDelivery',
      clause: 'AS-DOA-1',
      label: 'Dead-on-arrival window',
      from: 3,
      to: 5,
      text: 'Dead-on-arrival window: 3 → 5 days',
    });
  });

  it('a change back reads the other way, and a single day is singular', () => {
    const [change] = describePolicyChange(
      { ...defaultPolicySettings, doaDaysAfterDelivery: 5 },
      { ...defaultPolicySettings, doaDaysAfterDelivery: 1 },
    );
    assert.equal(change?.text, 'Dead-on-arrival window: 5 → 1 day');
  });
});
