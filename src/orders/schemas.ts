/**
 * The orders feature's payloads, one zod schema each: routes validate with them, OpenAPI is generated from
 * them, and services and tests use their inferred types.
 */
import { z } from 'zod';
import { instantSchema } from '../shared/http-schemas.ts';
import { text } from '../shared/text.ts';
import { countryCodes } from './countries.ts';
import { orderStatuses } from './order-status.ts';
import { shippingMethodCodes } from './shipping.ts';

export const MAX_QUANTITY_PER_LINE = 10;

const isoDate = z.iso.datetime({ offset: true });
const cents = z.number().int();

// ---------------------------------------------------------------------------------------------------- cart

export const variantIdParams = z.strictObject({ variantId: z.uuid() });

export const addLineBody = z.strictObject({
  variantId: z.uuid(),
  quantity: z.number().int().min(1).max(MAX_QUANTITY_PER_LINE),
});

export const setLineBody = z.strictObject({
  quantity: z.number().int().min(0).max(MAX_QUANTITY_PER_LINE),
});

export const shippingMethodSchema = z.object({
  code: z.enum(shippingMethodCodes),
  name: z.string(),
  description: z.string(),
  tracked: z.boolean(),
  estimatedDays: z.object({ min: z.number().int(), max: z.number().int() }),
  priceCents: cents,
});

export const cartLineSchema = z.object({
  variantId: z.uuid(),
  productId: z.uuid(),
  productSlug: z.string(),
  productName: z.string(),
  variantName: z.string(),
  sku: z.string(),
  imageUrl: z.string().nullable(),
  unitPriceCents: cents,
  quantity: z.number().int(),
  lineTotalCents: cents,
  /** Units in stock now. */
  stock: z.number().int(),
  /** False when the product is no longer for sale or fewer units are left than the line asks for. */
  available: z.boolean(),
});

export const cartSchema = z.object({
  lines: z.array(cartLineSchema),
  itemCount: z.number().int(),
  subtotalCents: cents,
  currency: z.literal('USD'),
  maxQuantityPerLine: z.number().int(),
  shippingMethods: z.array(shippingMethodSchema),
});
export type CartView = z.infer<typeof cartSchema>;
export type CartLineView = z.infer<typeof cartLineSchema>;

export const cartResponse = z.object({ cart: cartSchema });

export const shippingMethodsResponse = z.object({
  methods: z.array(shippingMethodSchema),
  freePostFromCents: cents.nullable(),
});

// ------------------------------------------------------------------------------------------------ checkout

const line = (max: number) => text().trim().min(1).max(max);

export const shippingAddressSchema = z.strictObject({
  name: line(200),
  line1: line(200),
  line2: line(200).optional(),
  city: line(100),
  postalCode: line(20),
  region: line(100).optional(),
  country: text()
    .trim()
    .toUpperCase()
    .refine((c) => countryCodes.has(c), 'must be an ISO 3166-1 alpha-2 country code, e.g. US'),
  phone: text()
    .trim()
    .regex(/^\+?[0-9 ().-]{5,24}$/, 'must be a phone number')
    .optional(),
});
export type ShippingAddressInput = z.infer<typeof shippingAddressSchema>;

export const paymentInputSchema = z.discriminatedUnion('method', [
  z.strictObject({ method: z.literal('bank_transfer') }),
  /** The token the test processor returned for the card: the shop never sees the card itself (PV-PAY-1). */
  z.strictObject({ method: z.literal('test_card'), token: text().min(16).max(2000) }),
]);
export type PaymentInput = z.infer<typeof paymentInputSchema>;
export const paymentMethods = ['bank_transfer', 'test_card'] as const;
export type PaymentMethod = (typeof paymentMethods)[number];

export const checkoutBody = z.strictObject({
  email: text().trim().toLowerCase().pipe(z.email().max(254)),
  shippingAddress: shippingAddressSchema,
  shippingMethod: z.enum(shippingMethodCodes),
  payment: paymentInputSchema,
});
export type CheckoutInput = z.infer<typeof checkoutBody>;

export const checkoutHeaders = z.looseObject({
  'idempotency-key': text()
    .optional()
    .meta({ description: 'Required: 8 to 100 printable characters, new for each order attempt' }),
});

// -------------------------------------------------------------------------------------------------- orders

export const bankTransferInstructionsSchema = z.object({
  accountName: z.string(),
  bankName: z.string(),
  iban: z.string(),
  bic: z.string(),
  amountCents: cents,
  reference: z.string(),
});

export const orderLineSchema = z.object({
  productName: z.string(),
  variantName: z.string(),
  sku: z.string(),
  unitPriceCents: cents,
  quantity: z.number().int(),
  lineTotalCents: cents,
});

export const timelineEntrySchema = z.object({
  type: z.string(),
  status: z.enum(orderStatuses).nullable(),
  at: isoDate,
});

const storedAddressSchema = z.object({
  name: z.string(),
  line1: z.string(),
  line2: z.string().optional(),
  city: z.string(),
  postalCode: z.string(),
  region: z.string().optional(),
  country: z.string(),
  phone: z.string().optional(),
});

export const orderViewSchema = z.object({
  reference: z.string(),
  status: z.enum(orderStatuses),
  email: z.string(),
  placedAt: isoDate,
  lines: z.array(orderLineSchema),
  totals: z.object({
    subtotalCents: cents,
    shippingCents: cents,
    totalCents: cents,
    currency: z.literal('USD'),
  }),
  shippingMethod: z.object({ code: z.string(), name: z.string() }),
  shippingAddress: storedAddressSchema,
  payment: z.object({
    /** 'bank_transfer' or 'test_card' (older rows may name other methods). */
    method: z.string(),
    status: z.enum(['pending', 'authorized', 'captured', 'failed', 'voided']),
    /** Bank transfer: where to send the money, while the order awaits it. */
    instructions: bankTransferInstructionsSchema.nullable(),
  }),
  /** SH-ORD-1 */
  tracking: z.object({ carrier: z.string(), trackingNumber: z.string().nullable() }).nullable(),
  paidAt: isoDate.nullable(),
  shippedAt: isoDate.nullable(),
  deliveredAt: isoDate.nullable(),
  deliveryUntraceable: z.boolean(),
  completedAt: isoDate.nullable(),
  cancelledAt: isoDate.nullable(),
  timeline: z.array(timelineEntrySchema),
});
export type OrderView = z.infer<typeof orderViewSchema>;

export const orderResponse = z.object({ order: orderViewSchema });

export const checkoutResponse = z.object({
  order: orderViewSchema,
  /** The capability to view this order later (GET /api/orders/by-link/{accessToken}). */
  accessToken: z.string(),
  /** The page the confirmation email links to. */
  orderUrl: z.string(),
});
export type CheckoutResponse = z.infer<typeof checkoutResponse>;

export const lookupBody = z.strictObject({
  reference: text().trim().toUpperCase().min(1).max(40),
  email: text().trim().toLowerCase().min(3).max(254),
});

export const linkParams = z.strictObject({ token: text().min(1).max(200) });

// ------------------------------------------------------------------------------------------- back office

export const adminListQuery = z.strictObject({
  status: z.enum(orderStatuses).optional(),
  q: text().trim().min(1).max(254).optional(),
  from: instantSchema.optional(),
  to: instantSchema.optional(),
  cursor: text().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});

export const orderIdParams = z.strictObject({ id: z.uuid() });

export const adminOrderSummarySchema = z.object({
  id: z.uuid(),
  reference: z.string(),
  email: z.string(),
  customerName: z.string(),
  status: z.enum(orderStatuses),
  totalCents: cents,
  currency: z.literal('USD'),
  paymentMethod: z.string(),
  shippingMethod: z.string(),
  placedAt: isoDate,
});

export const adminOrderListResponse = z.object({
  items: z.array(adminOrderSummarySchema),
  nextCursor: z.string().nullable(),
});

export const adminOrderDetailSchema = orderViewSchema.extend({
  id: z.uuid(),
  allowedNext: z.array(z.enum(orderStatuses)),
  timeline: z.array(
    timelineEntrySchema.extend({
      fromStatus: z.enum(orderStatuses).nullable(),
      actor: z.object({ type: z.string(), id: z.string().nullable(), name: z.string().nullable() }),
      data: z.record(z.string(), z.unknown()).nullable(),
    }),
  ),
  payments: z.array(
    z.object({
      id: z.uuid(),
      provider: z.string(),
      status: z.enum(['pending', 'authorized', 'captured', 'failed', 'voided']),
      amountCents: cents,
      currency: z.string(),
      processorReference: z.string().nullable(),
      createdAt: isoDate,
      updatedAt: isoDate,
    }),
  ),
  emails: z.array(
    z.object({
      id: z.uuid(),
      template: z.string(),
      toAddress: z.string(),
      subject: z.string(),
      status: z.enum(['pending', 'sent', 'failed']),
      createdAt: isoDate,
      sentAt: isoDate.nullable(),
    }),
  ),
});
export type AdminOrderDetail = z.infer<typeof adminOrderDetailSchema>;

export const adminOrderResponse = z.object({ order: adminOrderDetailSchema });

const pastOrNow = instantSchema;

export const shipBody = z.strictObject({
  carrier: text().trim().min(1).max(100),
  /** Required for tracked methods; ordinary post may travel untracked. */
  trackingNumber: text().trim().min(1).max(100).optional(),
  shippedAt: pastOrNow.optional(),
});

export const deliverBody = z.union([
  z.strictObject({ deliveredAt: pastOrNow.optional() }),
  z.strictObject({ untraceable: z.literal(true) }),
]);

export const cancelBody = z.strictObject({ reason: text({ multiline: true }).trim().min(1).max(500) });

export const emptyBody = z.strictObject({}).nullish();
