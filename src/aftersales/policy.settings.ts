/**
 * Every number of the after-sales clauses (docs/clauses.md) as a shop setting, with the catalogue's default.
 * Defaults and ranges come from the field table (policy-fields.ts). The owner saves them as numbered versions
 * (policy-versions.service.ts); each case records the version it was judged by.
 */
import { z } from 'zod';
import { ValidationError } from '../shared/errors.ts';
import { issuesOf } from './claim.schema.ts';
import {
  POLICY_REASON_MAX,
  POLICY_REASON_MIN,
  type PolicyField,
  policyFields,
  rangeInWords,
} from './policy-fields.ts';

export interface PolicySettings {
  /** AS-GEN-3: return shipping fees are accepted only below this amount. */
  returnShippingFeeCapCents: number;
  /** AS-GEN-4: the shop bears repair and shipping fees for faults reported within this many days of receipt. */
  shopPaysFaultDays: number;
  /** AS-GEN-5: items whose unit price is below this get a coupon instead of being sent back for repair. */
  couponThresholdCents: number;
  /** AS-GEN-5: fixed coupon value; null means the unit price paid, rounded up to whole dollars. */
  couponFixedValueCents: number | null;
  /** AS-GEN-6: warranty length in calendar months from shipment. */
  warrantyMonths: number;
  /** AS-DOA-1: days after delivery to report a dead-on-arrival item. */
  doaDaysAfterDelivery: number;
  /** AS-DOA-1: days after shipment when the delivery date is not traceable. */
  doaDaysAfterShipmentUntraceable: number;
  /** AS-DEF-2: days after shipment to report a defective item for repair, replacement or refund. */
  defectiveDaysAfterShipment: number;
  /** AS-DEF-5: value to declare on a returned parcel. */
  declaredParcelValueCents: number;
}

/** The catalogue's values (SPEC section 1), taken from the field table so there is one source. */
export const defaultPolicySettings: Readonly<PolicySettings> = Object.freeze(
  Object.fromEntries(policyFields.map((f) => [f.key, f.default])) as unknown as PolicySettings,
);

/** One field's check, with the range of `policyFields`: a whole number of its unit within min..max. */
function fieldSchema(field: PolicyField) {
  const range = rangeInWords(field);
  const n = z
    .number({ error: `Enter a whole number of ${field.unit}` })
    .int({ error: `Enter a whole number of ${field.unit}` })
    .min(field.min, { error: `Enter a value ${range}` })
    .max(field.max, { error: `Enter a value ${range}` });
  return field.nullable ? n.nullable() : n;
}

export const policySettingsSchema = z.strictObject(
  Object.fromEntries(policyFields.map((f) => [f.key, fieldSchema(f)])) as unknown as {
    [K in keyof PolicySettings]: null extends PolicySettings[K] ? z.ZodNullable<z.ZodNumber> : z.ZodNumber;
  },
) satisfies z.ZodType<PolicySettings>;

/** Validates settings (for instance from the back office); the field is prefixed with `settings.`. */
export function parsePolicySettings(raw: unknown): PolicySettings {
  const result = policySettingsSchema.safeParse(raw);
  if (!result.success) {
    throw new ValidationError(
      issuesOf(result.error).map((i) => ({ field: `settings.${i.field}`, message: i.message })),
    );
  }
  return result.data;
}

/** Why a version was saved (issue 11 point 1): trimmed, 5 to 500 characters. */
export const policyReasonSchema = z
  .string({ error: 'Say why the policy changes' })
  .trim()
  .min(POLICY_REASON_MIN, {
    error: `Say why the policy changes, in at least ${POLICY_REASON_MIN} characters`,
  })
  .max(POLICY_REASON_MAX, { error: `Use at most ${POLICY_REASON_MAX} characters` });

/** Checks the reason of a new version; a ValidationError names `reason`. */
export function parsePolicyReason(raw: unknown): string {
  const result = policyReasonSchema.safeParse(raw);
  if (!result.success) {
    throw new ValidationError([
      { field: 'reason', message: result.error.issues[0]?.message ?? 'Invalid reason' },
    ]);
  }
  return result.data;
}
