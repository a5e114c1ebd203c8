/**
 * The orders feature's payloads, one zod schema each: routes validate with them, OpenAPI is generated from
 * them, and services and tests use their inferred types.
 */
import { z } from 'zod';
import { instantSchema } from '../shared/http-schemas.ts';
import { searchText, text } from '../shared/text.ts';
import { wholeNumber } from '../shared/whole-number.ts';
import { countryCodes } from './countries.ts';
import { orderStatuses } from './order-status.ts';
import { paymentStatuses, refundStatuses } from './payments/payment-lifecycle.ts';
import { checkPostcode } from './postcodes.ts';
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

export const shippingAddressSchema = z
  .strictObject({
    name: line(200),
    line1: line(200),
    line2: line(200).optional(),
    city: line(100),
    /** Checked and normalised per country below (postcodes.ts); empty where the country has none. */
    postalCode: text().trim().max(20).default('').meta({
      description:
        'Checked for the country (95014 or 95014-1234 in the US, SW1A 1AA in GB, 10117 in DE…) and stored as its post writes it; may be left out where the country has no postal codes',
    }),
    region: line(100).optional(),
    country: text()
      .trim()
      .toUpperCase()
      .refine((c) => countryCodes.has(c), 'must be an ISO 3166-1 alpha-2 country code, e.g. US'),
    phone: text()
      .trim()
      .regex(/^\+?[0-9 ().-]{5,24}$/, 'must be a phone number')
      .optional(),
  })
  .superRefine(
    (address, ctx) => {
      // The country's own rule: its shape and an example. Checked alongside the other fields' mistakes, so
      // a refused form lists them all at once.
      const checked = checkPostcode(address.country, address.postalCode);
      if (!checked.ok) ctx.addIssue({ code: 'custom', path: ['postalCode'], message: checked.message });
    },
    {
      // Only an address object whose country and postcode read as text: a missing or malformed address has
      // its own issue already (and the fuzz test sends those).
      when: ({ value, issues }) =>
        typeof value === 'object' &&
        value !== null &&
        !issues.some(
          (i) => i.path?.[0] === 'country' || i.path?.[0] === 'postalCode' || i.path?.length === 0,
        ),
    },
  )
  // The code as the country's post writes it ("sw1a1aa" → "SW1A 1AA").
  .transform((address) => {
    const checked = checkPostcode(address.country, address.postalCode);
    return checked.ok ? { ...address, postalCode: checked.postcode } : address;
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
  /** A coupon or voucher code (AC-XXXX-XXXX-XXXX; case, spaces and hyphens do not matter). Empty means none. */
  couponCode: text().trim().max(40).optional(),
  /** Signed in only: also keep the shipping address in the account's address book (a guest's is a 400). */
  saveAddress: z.boolean().optional(),
});
export type CheckoutInput = z.infer<typeof checkoutBody>;

/** The Idempotency-Key header of every route that takes one (checkout, refunds). */
export const checkoutHeaders = z.looseObject({
  'idempotency-key': text().optional().meta({
    description: 'Required: 8 to 100 printable characters, new for each attempt (reused only to retry it)',
  }),
});

// -------------------------------------------------------------------------------------------------- orders

export const bankTransferInstructionsSchema = z.object({
  accountName: z.string(),
  bankName: z.string(),
  /** ABA routing number (nine digits): the shop is paid in US dollars. */
  routingNumber: z.string(),
  accountNumber: z.string(),
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

/** An address as stored on an order or in an address book (already checked and normalised). */
export const storedAddressSchema = z.object({
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
    /** Taken off the goods by a coupon; subtotal − discount + shipping = total. */
    discountCents: cents,
    /** The coupon spent on the order, or null. */
    couponCode: z.string().nullable(),
    shippingCents: cents,
    totalCents: cents,
    currency: z.literal('USD'),
  }),
  shippingMethod: z.object({ code: z.string(), name: z.string() }),
  shippingAddress: storedAddressSchema,
  /** The address as written on the parcel in its country's order, the country named last (shared/format.ts). */
  shippingAddressLines: z.array(z.string()),
  payment: z.object({
    /** 'bank_transfer' or 'test_card' (older rows may name other methods): a code, never shown as is. */
    method: z.string(),
    /** What screens show for the method: "Bank transfer", "Card". */
    methodLabel: z.string(),
    status: z.enum(paymentStatuses),
    /** What screens show for the status: "Awaiting your transfer", "Paid", "Refunded"… */
    statusLabel: z.string(),
    /** Bank transfer: where to send the money, while the order awaits it. */
    instructions: bankTransferInstructionsSchema.nullable(),
    /** Money given back, oldest first, each with the sentence that says how ("Refunded $… to your card."). */
    refunds: z.array(
      z.object({
        amountCents: cents,
        status: z.enum(refundStatuses),
        statusLabel: z.string(),
        sentence: z.string(),
        requestedAt: isoDate,
        refundedAt: isoDate.nullable(),
      }),
    ),
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
  q: searchText().trim().min(1).max(254).optional(),
  from: instantSchema.optional(),
  to: instantSchema.optional(),
  cursor: text().max(200).optional(),
  limit: wholeNumber({ min: 1, max: 100 }).default(25),
});

export const orderIdParams = z.strictObject({ id: z.uuid() });

/**
 * PV-STF-1: whether the customer's personal data is shown ('full') or masked ('masked': initials, the email's
 * domain, the country; no phone, no street).
 */
export const personalDataSchema = z.enum(['full', 'masked']);

/** The member of staff handling a record, or null. */
export const assigneeSchema = z.object({ id: z.uuid(), name: z.string() }).nullable();

/** Give an order to an active member of staff, or take it off everyone (null). */
export const assignOrderBody = z.strictObject({ staffId: z.uuid().nullable() });

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
  assignee: assigneeSchema,
  personalData: personalDataSchema,
});

export const adminOrderListResponse = z.object({
  items: z.array(adminOrderSummarySchema),
  nextCursor: z.string().nullable(),
});

export const adminOrderDetailSchema = orderViewSchema.extend({
  id: z.uuid(),
  assignee: assigneeSchema,
  personalData: personalDataSchema,
  /** The moves of the assignment this member may make (PV-STF-1): take it, give it back, assign anyone. */
  assignment: z.object({
    mayTake: z.boolean(),
    mayRelease: z.boolean(),
    mayAssignOthers: z.boolean(),
  }),
  allowedNext: z.array(z.enum(orderStatuses)),
  timeline: z.array(
    timelineEntrySchema.extend({
      fromStatus: z.enum(orderStatuses).nullable(),
      actor: z.object({ type: z.string(), id: z.string().nullable(), name: z.string().nullable() }),
      data: z.record(z.string(), z.unknown()).nullable(),
    }),
  ),
  refunds: z.array(
    z.object({
      id: z.uuid(),
      paymentId: z.uuid(),
      method: z.string(),
      status: z.enum(refundStatuses),
      statusLabel: z.string(),
      /** What happened or what staff must do, in words: "Transfer $… back to the customer, then…". */
      sentence: z.string(),
      amountCents: cents,
      currency: z.string(),
      reason: z.string(),
      /** The processor's refund id, or the reference of the transfer staff made. */
      processorReference: z.string().nullable(),
      /** Why the processor refused it, when it did. */
      failureMessage: z.string().nullable(),
      requestedBy: z.string().nullable(),
      createdAt: isoDate,
      updatedAt: isoDate,
      succeededAt: isoDate.nullable(),
      canRetry: z.boolean(),
      awaitsTransferReference: z.boolean(),
    }),
  ),
  payments: z.array(
    z.object({
      id: z.uuid(),
      provider: z.string(),
      methodLabel: z.string(),
      status: z.enum(paymentStatuses),
      statusLabel: z.string(),
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

export const refundParams = z.strictObject({ id: z.uuid(), refundId: z.uuid() });

/** The reference of the bank transfer staff made to give the money back (as their bank shows it). */
export const refundTransferBody = z.strictObject({
  reference: z
    .string()
    .trim()
    .min(1, 'enter the reference of the transfer you made')
    .max(100)
    .regex(/^[\p{L}\p{N} ./:_-]+$/u, 'may hold letters, digits, spaces and . / : _ - only'),
});

export const emptyBody = z.strictObject({}).nullish();
