/**
 * Issue 11 point 1: one table describing every number of the after-sales policy (SPEC section 1,
 * `PolicySettings`): its clause, what it means in words, its unit, the catalogue's default and the range a
 * setting may take. `policySettingsSchema` is built from these ranges, the back office's settings screen shows
 * them, and `describePolicyChange` words a change with them, so the three can never disagree.
 */
import { formatUsd } from '../shared/money.ts';
import { plural } from '../shared/text.ts';

/** What a number counts. Money is integer cents; days and months are whole calendar units. */
export type PolicyUnit = 'days' | 'months' | 'cents';

export type PolicyFamily = 'general' | 'dead_on_arrival' | 'defective';

export interface PolicyField<K extends string = string> {
  key: K;
  /** The clause of docs/clauses.md the number belongs to (AS-DOA-1). */
  clause: string;
  family: PolicyFamily;
  /** A short name: "Dead-on-arrival window". */
  label: string;
  /** What the number decides, in one sentence a shop owner reads. */
  meaning: string;
  unit: PolicyUnit;
  /** The catalogue's value (SPEC section 1); null only where `nullable`. */
  default: number | null;
  /** Inclusive bounds in the field's unit. */
  min: number;
  max: number;
  /** May be left empty; `emptyMeaning` says what empty means. */
  nullable?: boolean;
  emptyMeaning?: string;
}

/** The reason a version is saved with (issue 11 point 1), trimmed: its length bounds in characters. */
export const POLICY_REASON_MIN = 5;
export const POLICY_REASON_MAX = 500;

/** Up to US$100,000: far above anything the policy prices, low enough to catch a slipped key. */
const MAX_CENTS = 10_000_000;
/** Ten years. */
const MAX_DAYS = 3650;

/** The clause families in the order the catalogue lists them. */
export const policyFamilies: ReadonlyArray<{ id: PolicyFamily; title: string }> = [
  { id: 'general', title: 'General (AS-GEN)' },
  { id: 'dead_on_arrival', title: 'Dead on arrival (AS-DOA)' },
  { id: 'defective', title: 'Defective items (AS-DEF)' },
];

/** Every `PolicySettings` key, in the order the settings screen lists them. */
export const policyFields = [
  {
    key: 'returnShippingFeeCapCents',
    clause: 'AS-GEN-3',
    family: 'general',
    label: 'Return shipping fee cap',
    meaning:
      'Return shipping fees below this amount are accepted and refunded when inspection finds the complaint justified; a fee at or above it is not reimbursed.',
    unit: 'cents',
    default: 1500,
    min: 1,
    max: MAX_CENTS,
  },
  {
    key: 'shopPaysFaultDays',
    clause: 'AS-GEN-4',
    family: 'general',
    label: 'Shop pays for product faults within',
    meaning:
      'When the product itself is at fault, the shop pays repair and shipping for cases opened within this many days after the customer received the order.',
    unit: 'days',
    default: 7,
    min: 0,
    max: MAX_DAYS,
  },
  {
    key: 'couponThresholdCents',
    clause: 'AS-GEN-5',
    family: 'general',
    label: 'Coupon instead of repair below',
    meaning:
      'Items whose unit price paid is below this amount are never sent back for repair: the customer gets a free coupon instead.',
    unit: 'cents',
    default: 10000,
    min: 0,
    max: MAX_CENTS,
  },
  {
    key: 'couponFixedValueCents',
    clause: 'AS-GEN-5',
    family: 'general',
    label: 'Coupon value',
    meaning: 'What the coupon of AS-GEN-5 is worth.',
    unit: 'cents',
    default: null,
    min: 0,
    max: MAX_CENTS,
    nullable: true,
    emptyMeaning: 'the unit price paid, rounded up to whole dollars',
  },
  {
    key: 'warrantyMonths',
    clause: 'AS-GEN-6',
    family: 'general',
    label: 'Warranty length',
    meaning:
      'How long the warranty lasts from shipment; after the defective-item window a defective item is still repaired until it ends.',
    unit: 'months',
    default: 12,
    min: 0,
    max: 120,
  },
  {
    key: 'doaDaysAfterDelivery',
    clause: 'AS-DOA-1',
    family: 'dead_on_arrival',
    label: 'Dead-on-arrival window',
    meaning:
      'A product that does not work on arrival is dead on arrival when reported within this many days after delivery.',
    unit: 'days',
    default: 3,
    min: 0,
    max: MAX_DAYS,
  },
  {
    key: 'doaDaysAfterShipmentUntraceable',
    clause: 'AS-DOA-1',
    family: 'dead_on_arrival',
    label: 'Dead-on-arrival window without a delivery date',
    meaning:
      'When the delivery date cannot be traced, a dead-on-arrival report counts within this many days after shipment.',
    unit: 'days',
    default: 30,
    min: 0,
    max: MAX_DAYS,
  },
  {
    key: 'defectiveDaysAfterShipment',
    clause: 'AS-DEF-2',
    family: 'defective',
    label: 'Defective-item window',
    meaning:
      'A defective item reported within this many days from shipment may be repaired, replaced or refunded.',
    unit: 'days',
    default: 90,
    min: 0,
    max: MAX_DAYS,
  },
  {
    key: 'declaredParcelValueCents',
    clause: 'AS-DEF-5',
    family: 'defective',
    label: 'Declared parcel value',
    meaning: 'The value the customer declares on a parcel sent back to the shop.',
    unit: 'cents',
    default: 3000,
    min: 0,
    max: MAX_CENTS,
  },
] as const satisfies ReadonlyArray<PolicyField>;

export type PolicyFieldKey = (typeof policyFields)[number]['key'];

export function policyFieldOf(key: string): PolicyField | undefined {
  return (policyFields as ReadonlyArray<PolicyField>).find((f) => f.key === key);
}

/**
 * A value of a field as the shop writes it: 500 cents → "$5.00", 3 days → "3 days", 12 months →
 * "12 months"; null (a nullable field left empty) → its `emptyMeaning`.
 */
export function formatPolicyValue(field: PolicyField, value: number | null): string {
  if (value === null) return field.emptyMeaning ?? 'not set';
  switch (field.unit) {
    case 'cents':
      return formatUsd(value);
    case 'days':
      return plural(value, 'day');
    case 'months':
      return plural(value, 'month');
  }
}

/** "from 0 to 3,650 days", "from $0.01 to $100,000.00": the allowed range in words. */
export function rangeInWords(field: PolicyField): string {
  if (field.unit === 'cents') return `from ${formatUsd(field.min)} to ${formatUsd(field.max)}`;
  return `from ${field.min} to ${formatPolicyValue(field, field.max)}`;
}

/** A set of settings as this module reads it. */
export type PolicyValues = Readonly<{ [K in PolicyFieldKey]?: number | null }>;

export interface PolicyChange {
  key: string;
  clause: string;
  label: string;
  from: number | null;
  to: number | null;
  /** "Dead-on-arrival window: 3 → 5 days". */
  text: string;
}

/**
 * The differences between two sets of settings, in the order of `policyFields`, each in words
 * ("Dead-on-arrival window: 3 → 5 days", "Return shipping fee cap: $15.00 → $20.00"). Equal settings give [].
 * Takes any record of the keys (`PolicySettings` is one), so the module needs no import of the settings.
 */
export function describePolicyChange(before: PolicyValues, after: PolicyValues): PolicyChange[] {
  const changes: PolicyChange[] = [];
  for (const field of policyFields) {
    const from = before[field.key] ?? null;
    const to = after[field.key] ?? null;
    if (from === to) continue;
    changes.push({
      key: field.key,
      clause: field.clause,
      label: field.label,
      from,
      to,
      text: `${field.label}: ${changeInWords(field, from, to)}`,
    });
  }
  return changes;
}

/** Days and months share their unit after the second number ("3 → 5 days"); money and empties stand alone. */
function changeInWords(field: PolicyField, from: number | null, to: number | null): string {
  if (field.unit !== 'cents' && from !== null && to !== null) {
    return `${from} → ${formatPolicyValue(field, to)}`;
  }
  return `${formatPolicyValue(field, from)} → ${formatPolicyValue(field, to)}`;
}
