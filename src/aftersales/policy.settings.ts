/**
 * Every number of the after-sales clauses (docs/clauses.md) as a shop setting, with the catalogue's default. The back office edits
 * these; each case records the settings it was judged by.
 */
import { z } from 'zod';
import { ValidationError } from '../shared/errors.ts';
import { issuesOf } from './claim.schema.ts';

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

export const defaultPolicySettings: Readonly<PolicySettings> = Object.freeze({
  returnShippingFeeCapCents: 1500,
  shopPaysFaultDays: 7,
  couponThresholdCents: 10000,
  couponFixedValueCents: null,
  warrantyMonths: 12,
  doaDaysAfterDelivery: 3,
  doaDaysAfterShipmentUntraceable: 30,
  defectiveDaysAfterShipment: 90,
  declaredParcelValueCents: 3000,
});

const days = z.number().int().min(0).max(3650);
const cents = z.number().int().min(0);

export const policySettingsSchema = z.strictObject({
  returnShippingFeeCapCents: cents.min(1),
  shopPaysFaultDays: days,
  couponThresholdCents: cents,
  couponFixedValueCents: cents.nullable(),
  warrantyMonths: z.number().int().min(0).max(120),
  doaDaysAfterDelivery: days,
  doaDaysAfterShipmentUntraceable: days,
  defectiveDaysAfterShipment: days,
  declaredParcelValueCents: cents,
}) satisfies z.ZodType<PolicySettings>;

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
