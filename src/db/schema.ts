// Every table, for drizzle's typed queries and for drizzle-kit's migrations.
export * from '../accounts/customers/schema.ts';
export * from '../accounts/passkeys/schema.ts';
export * from '../accounts/schema.ts';
export * from '../accounts/security-events.schema.ts';
export * from '../aftersales/conversations.schema.ts';
export * from '../aftersales/evidence/evidence.schema.ts';
export * from '../aftersales/numbers/declined-claim.schema.ts';
export * from '../aftersales/remedies/remedy.schema.ts';
export * from '../aftersales/schema.ts';
export * from '../catalog/schema.ts';
export * from '../jobs/schema.ts';
export * from '../messaging/schema.ts';
export * from '../orders/coupons/coupon.schema.ts';
export * from '../orders/payments/test-processor.schema.ts';
export * from '../orders/schema.ts';
export * from '../privacy/staff-access/schema.ts';
export * from '../settings/schema.ts';
