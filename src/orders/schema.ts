import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgEnum,
  pgSequence,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { customers } from '../accounts/customers/schema.ts';
import { staffUsers } from '../accounts/schema.ts';
import { productCategory, products, productVariants } from '../catalog/schema.ts';
import { paymentStatuses, refundStatuses } from './payments/payment-lifecycle.ts';

export const orderStatus = pgEnum('order_status', [
  'placed',
  'paid',
  'shipped',
  'delivered',
  'completed',
  'cancelled',
]);
export const paymentStatus = pgEnum('payment_status', paymentStatuses);
export const refundStatus = pgEnum('refund_status', refundStatuses);

export interface ShippingAddress {
  name: string;
  line1: string;
  line2?: string | undefined;
  city: string;
  postalCode: string;
  region?: string | undefined;
  country: string;
  phone?: string | undefined;
}

/** A server-side cart, found by the SHA-256 of the token in the customer's HttpOnly cookie. */
export const carts = pgTable(
  'carts',
  {
    id: uuid().primaryKey(),
    tokenHash: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** Set when the cart became an order; a checked-out cart is never reused. */
    checkedOutAt: timestamp({ withTimezone: true }),
  },
  (t) => [uniqueIndex('carts_token_hash_key').on(t.tokenHash), index('carts_updated_idx').on(t.updatedAt)],
);

export const cartLines = pgTable(
  'cart_lines',
  {
    cartId: uuid()
      .notNull()
      .references(() => carts.id, { onDelete: 'cascade' }),
    variantId: uuid()
      .notNull()
      .references(() => productVariants.id, { onDelete: 'cascade' }),
    quantity: integer().notNull(),
    addedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.cartId, t.variantId] }),
    check('cart_lines_quantity_check', sql`${t.quantity} > 0`),
  ],
);

export const orders = pgTable(
  'orders',
  {
    id: uuid().primaryKey(),
    /** Customer-facing: AC-26-00123. */
    reference: text().notNull(),
    email: text().notNull(),
    /** The customer account the order belongs to: set at checkout when signed in, or when the account's
     * email is verified and equals the order's (a guest's earlier orders join it). Null for guests. */
    customerId: uuid().references(() => customers.id, { onDelete: 'set null' }),
    status: orderStatus().notNull(),
    currency: text().notNull().default('USD'),
    subtotalCents: integer().notNull(),
    shippingCents: integer().notNull(),
    /** Taken off the goods by a coupon (coupons/coupon.rules.ts): subtotal − discount + shipping = total. */
    discountCents: integer().notNull().default(0),
    /** The coupon spent on this order, as printed on it (AC-XXXX-XXXX-XXXX), or null. */
    couponCode: text(),
    totalCents: integer().notNull(),
    shippingMethod: text().notNull(),
    shippingAddress: jsonb().$type<ShippingAddress>().notNull(),
    /** 'bank_transfer', 'test_card', or 'replacement' (a free replacement: no payment). */
    paymentMethod: text().notNull(),
    /** A replacement order (zero-priced, from an after-sales case): the order whose item it replaces. */
    replacesOrderId: uuid(),
    placedAt: timestamp({ withTimezone: true }).notNull(),
    paidAt: timestamp({ withTimezone: true }),
    /** SH-ORD-1: shipment date, carrier and tracking number. */
    shippedAt: timestamp({ withTimezone: true }),
    carrier: text(),
    trackingNumber: text(),
    /** SH-ORD-1: delivery date, or deliveryUntraceable when the carrier cannot tell. */
    deliveredAt: timestamp({ withTimezone: true }),
    deliveryUntraceable: boolean().notNull().default(false),
    completedAt: timestamp({ withTimezone: true }),
    cancelledAt: timestamp({ withTimezone: true }),
    /** PV-STF-1: the member of staff handling the order, or null (unassigned); like a case's `assignedTo`. */
    assignedTo: uuid().references(() => staffUsers.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('orders_reference_key').on(t.reference),
    index('orders_status_idx').on(t.status, t.placedAt),
    index('orders_placed_idx').on(t.placedAt, t.id),
    index('orders_email_idx').on(t.email),
    index('orders_customer_idx').on(t.customerId, t.placedAt),
    index('orders_assignee_idx').on(t.assignedTo, t.placedAt),
    // Sales of a date range (the owner's after-sales numbers), read from the index alone: keep the condition
    // in step with PAID_ORDER in src/aftersales/numbers/after-sales-numbers.service.ts.
    index('orders_sales_idx')
      .on(t.placedAt, t.totalCents, t.id)
      .where(
        sql`${t.status} in ('paid', 'shipped', 'delivered', 'completed') and ${t.paymentMethod} <> 'replacement'`,
      ),
  ],
);

/** What was bought, frozen at checkout: later catalog edits never change an order or its after-sales terms. */
export const orderLines = pgTable(
  'order_lines',
  {
    id: uuid().primaryKey(),
    orderId: uuid()
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    productId: uuid()
      .notNull()
      .references(() => products.id),
    variantId: uuid()
      .notNull()
      .references(() => productVariants.id),
    productName: text().notNull(),
    variantName: text().notNull(),
    sku: text().notNull(),
    category: productCategory().notNull(),
    unitPriceCents: integer().notNull(),
    quantity: integer().notNull(),
    clearance: boolean().notNull(),
    specialWarranty: boolean().notNull(),
    /**
     * The order's `placedAt`, copied when the line is written (the order's instant never changes): the owner's
     * after-sales numbers read a range's sales from `order_lines_sold_idx` without reading every line.
     */
    orderedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    index('order_lines_order_idx').on(t.orderId),
    // The lines sold in a date range (the owner's after-sales numbers), read from the index alone (drizzle
    // writes no INCLUDE: the columns the numbers read are trailing keys).
    index('order_lines_sold_idx').on(
      t.orderedAt,
      t.orderId,
      t.productId,
      t.quantity,
      t.unitPriceCents,
      t.category,
    ),
    check('order_lines_quantity_check', sql`${t.quantity} > 0`),
  ],
);

/** The order's timeline: every change, who made it and when. */
export const orderEvents = pgTable(
  'order_events',
  {
    id: uuid().primaryKey(),
    orderId: uuid()
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    type: text().notNull(),
    fromStatus: orderStatus(),
    toStatus: orderStatus(),
    /** 'customer', 'staff', 'system' or 'payment_processor' */
    actorType: text().notNull(),
    actorId: uuid(),
    actorName: text(),
    data: jsonb().$type<Record<string, unknown>>(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('order_events_order_idx').on(t.orderId, t.createdAt)],
);

/** PV-PAY-1: only the processor's reference is stored, never card data. */
export const payments = pgTable(
  'payments',
  {
    id: uuid().primaryKey(),
    orderId: uuid()
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    provider: text().notNull(),
    status: paymentStatus().notNull(),
    amountCents: integer().notNull(),
    currency: text().notNull().default('USD'),
    processorReference: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('payments_order_idx').on(t.orderId),
    uniqueIndex('payments_processor_reference_key').on(t.provider, t.processorReference),
  ],
);

/**
 * Money given back on a payment (payment-lifecycle.ts). Never more than the payment captured across all its
 * refunds that have not failed (refunds.service.ts checks it with the payment row locked). A card refund
 * carries the processor's refund id once the processor accepted it; a bank-transfer refund carries the
 * reference of the transfer staff made.
 */
export const refunds = pgTable(
  'refunds',
  {
    id: uuid().primaryKey(),
    paymentId: uuid()
      .notNull()
      .references(() => payments.id, { onDelete: 'cascade' }),
    orderId: uuid()
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    /** The payment's provider: 'test_card' refunds to the card, 'bank_transfer' by a transfer staff make. */
    provider: text().notNull(),
    status: refundStatus().notNull(),
    amountCents: integer().notNull(),
    currency: text().notNull().default('USD'),
    /** Why, in staff's words (may be internal: never shown to the customer). */
    reason: text().notNull(),
    /** The same key twice is the same refund: a retried request never refunds twice. */
    idempotencyKey: text().notNull(),
    processorReference: text(),
    /** The processor's words when it refused the refund (shown to staff only). */
    failureMessage: text(),
    requestedByType: text().notNull(),
    requestedById: uuid(),
    requestedByName: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    succeededAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index('refunds_payment_idx').on(t.paymentId),
    index('refunds_order_idx').on(t.orderId, t.createdAt),
    uniqueIndex('refunds_idempotency_key').on(t.idempotencyKey),
    uniqueIndex('refunds_processor_reference_key').on(t.provider, t.processorReference),
    check('refunds_amount_check', sql`${t.amountCents} > 0`),
  ],
);

/** A retried request with the same Idempotency-Key gets the first answer, from any process. */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    scope: text().notNull(),
    key: text().notNull(),
    requestHash: text().notNull(),
    responseStatus: integer(),
    responseBody: jsonb(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.scope, t.key] }), index('idempotency_keys_created_idx').on(t.createdAt)],
);

/**
 * The number in customer-facing order references (AC-26-00123). A sequence hands out numbers without a lock
 * held until commit, so concurrent checkouts never queue behind one counter row. Checkout takes a number only
 * after the payment is authorised, so declined cards never use one up; a checkout that fails later (the last
 * unit sold in the same instant) may leave a gap, which is harmless for order references (they name orders
 * for people; they are not invoice numbers).
 */
export const orderReferenceSeq = pgSequence('order_reference_seq', { startWith: 1 });
