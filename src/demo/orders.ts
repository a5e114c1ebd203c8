/**
 * Demo orders, one in every state the after-sales rules care about, dated relative to "now": awaiting a bank
 * transfer, paid, shipped with tracking, shipped 10 days ago with a delivery the carrier cannot trace,
 * delivered 2, 20 and 100 days ago (inside and outside the AS-DEF-2 window), completed and cancelled. Lines
 * are snapshots of the demo catalogue; each order has its payment and the timeline the order services would
 * have written (same event types, actors and data: see orders/order-actions.service.ts). Customers are
 * fictional (example.com).
 */

import type { orderEvents, orderLines, orders, payments } from '../db/schema.ts';
import type { ShippingAddress } from '../orders/schema.ts';
import type { PaymentMethod } from '../orders/schemas.ts';
import { type ShippingMethodCode, shippingPriceCents } from '../orders/shipping.ts';
import { formatReference } from '../shared/ids.ts';
import { DAY_MS } from '../shared/time.ts';
import { caseOrders } from './case-scenarios.ts';
import type { CatalogRows } from './catalog-rows.ts';
import { seededUuid } from './ids.ts';

type OrderStatus = (typeof orders.$inferInsert)['status'];

interface DemoOrder {
  key: string;
  email: string;
  address: ShippingAddress;
  status: OrderStatus;
  paymentMethod: PaymentMethod;
  shippingMethod: ShippingMethodCode;
  /** SKU and quantity. */
  lines: Array<[string, number]>;
  /** Days before now; fractions are hours. */
  placed: number;
  paid?: number;
  shipped?: number;
  delivered?: number;
  /** Sent by untracked post and recorded as delivered without a date (AS-DOA-1, SH-ORD-1). */
  untraceable?: boolean;
  completed?: number;
  cancelled?: number;
  carrier?: string;
  trackingNumber?: string;
}

const address = (name: string, line1: string, city: string, postalCode: string, region: string) => ({
  name,
  line1,
  city,
  postalCode,
  region,
  country: 'US',
});

export const demoOrders: readonly DemoOrder[] = [
  {
    key: 'awaiting-bank-transfer',
    email: 'ada@example.com',
    address: address('Ada Moreno', '12 Harbour Street', 'Portland', '97201', 'OR'),
    status: 'placed',
    paymentMethod: 'bank_transfer',
    shippingMethod: 'post',
    lines: [
      ['NMB-X2-GLAC-128', 1],
      ['NMB-X2C-CLEA', 1],
    ],
    placed: 5 / 24,
  },
  {
    key: 'paid',
    email: 'grace@example.com',
    address: address('Grace Okafor', '48 Elm Avenue', 'Columbus', '43004', 'OH'),
    status: 'paid',
    paymentMethod: 'test_card',
    shippingMethod: 'express',
    lines: [['ORB-BP-LUNA', 1]],
    placed: 1,
    paid: 1,
  },
  {
    key: 'shipped-tracked',
    email: 'alan@example.com',
    address: address('Alan Reyes', '301 Cedar Lane', 'Austin', '73301', 'TX'),
    status: 'shipped',
    paymentMethod: 'test_card',
    shippingMethod: 'post',
    lines: [
      ['NMB-T11-GRAP-128', 1],
      ['VLT-30-WHIT', 1],
    ],
    placed: 4,
    paid: 4,
    shipped: 2,
    carrier: 'SwiftPost',
    trackingNumber: 'SP482177301US',
  },
  {
    key: 'shipped-untraceable',
    email: 'katherine@example.com',
    address: address('Katherine Lind', '7 Birch Road', 'Burlington', '05401', 'VT'),
    status: 'delivered',
    paymentMethod: 'test_card',
    shippingMethod: 'post',
    lines: [['ORB-PB3-CORA', 1]],
    placed: 12,
    paid: 12,
    shipped: 10,
    untraceable: true,
    carrier: 'National Post',
  },
  {
    key: 'delivered-2-days-ago',
    email: 'linus@example.com',
    address: address('Linus Berg', '90 Lakeview Drive', 'Madison', '53703', 'WI'),
    status: 'delivered',
    paymentMethod: 'test_card',
    shippingMethod: 'express',
    lines: [['ORB-1-DEEP-128', 1]],
    placed: 6,
    paid: 6,
    shipped: 4,
    delivered: 2,
    carrier: 'SwiftPost',
    trackingNumber: 'SP482190455US',
  },
  {
    key: 'delivered-20-days-ago',
    email: 'margaret@example.com',
    address: address('Margaret Hale', '15 Quarry Street', 'Boulder', '80302', 'CO'),
    status: 'delivered',
    paymentMethod: 'bank_transfer',
    shippingMethod: 'post',
    lines: [
      ['LMN-BL-MINT', 2],
      ['KST-K8-OLIV-128', 1],
    ],
    placed: 26,
    paid: 25,
    shipped: 23,
    delivered: 20,
    carrier: 'SwiftPost',
    trackingNumber: 'SP481930212US',
  },
  {
    key: 'delivered-100-days-ago',
    email: 'edsger@example.com',
    address: address('Edsger Vos', '220 Canal Street', 'Providence', '02903', 'RI'),
    status: 'delivered',
    paymentMethod: 'test_card',
    shippingMethod: 'post',
    lines: [['NMB-L5-INK-128', 1]],
    placed: 106,
    paid: 106,
    shipped: 104,
    delivered: 100,
    carrier: 'SwiftPost',
    trackingNumber: 'SP479004518US',
  },
  {
    key: 'completed',
    email: 'barbara@example.com',
    address: address('Barbara Lim', '5 Orchard Court', 'Ann Arbor', '48104', 'MI'),
    status: 'completed',
    paymentMethod: 'test_card',
    shippingMethod: 'post',
    lines: [
      ['ORB-MINI-ROSE-64', 1],
      ['VLT-CBL-CHAR-1M', 2],
    ],
    placed: 50,
    paid: 50,
    shipped: 48,
    delivered: 45,
    completed: 15,
    carrier: 'SwiftPost',
    trackingNumber: 'SP480611873US',
  },
  {
    key: 'cancelled',
    email: 'tim@example.com',
    address: address('Tim Ward', '61 Pine Street', 'Asheville', '28801', 'NC'),
    status: 'cancelled',
    paymentMethod: 'test_card',
    shippingMethod: 'express',
    lines: [['LMN-FLIP-ONYX-256', 1]],
    placed: 8,
    cancelled: 7.9,
  },
  // The orders the demo's after-sales cases are about (cases.ts): one line each, paid by card, delivered.
  ...caseOrders.map(
    (c): DemoOrder => ({
      key: c.orderKey,
      email: c.email,
      address: address(c.name, c.street, c.city, c.postalCode, c.region),
      status: 'delivered',
      paymentMethod: 'test_card',
      shippingMethod: 'post',
      lines: [[c.sku, 1]],
      placed: c.deliveredDaysAgo + 4,
      paid: c.deliveredDaysAgo + 4,
      shipped: c.deliveredDaysAgo + 2,
      delivered: c.deliveredDaysAgo,
      carrier: 'SwiftPost',
      trackingNumber: `SP47${String(c.deliveredDaysAgo * 7919).padStart(7, '0')}US`,
    }),
  ),
];

export interface OrderRows {
  orders: Array<typeof orders.$inferInsert>;
  lines: Array<typeof orderLines.$inferInsert>;
  events: Array<typeof orderEvents.$inferInsert>;
  payments: Array<typeof payments.$inferInsert>;
  /** The last number used from the order reference sequence. */
  lastReferenceNumber: number;
  /** Each demo order's id by its key (the demo cases find their orders by it). */
  idsByKey: Map<string, string>;
}

type Event = Omit<typeof orderEvents.$inferInsert, 'id' | 'orderId'> & { createdAt: Date };

const STAFF = { actorType: 'staff', actorId: null, actorName: 'Demo staff' } as const;
const CUSTOMER = { actorType: 'customer' } as const;
const PROCESSOR = { actorType: 'payment_processor', actorName: 'Test card processor' } as const;

function timeline(o: DemoOrder, at: (days: number) => Date, stockReturned: unknown[]): Event[] {
  const events: Event[] = [
    {
      type: 'placed',
      toStatus: 'placed',
      ...CUSTOMER,
      data: {
        payment: o.paymentMethod,
        paymentStatus: o.paymentMethod === 'test_card' ? 'authorized' : 'pending',
      },
      createdAt: at(o.placed),
    },
  ];
  if (o.paid !== undefined) {
    const paidAt = paidTime(o, at) as Date;
    if (o.paymentMethod === 'test_card') {
      const event = `evt_demo_${o.key}`;
      events.push(
        {
          type: 'paid',
          fromStatus: 'placed',
          toStatus: 'paid',
          ...PROCESSOR,
          data: { payment: 'test_card', event },
          createdAt: paidAt,
        },
        {
          type: 'payment_captured',
          ...PROCESSOR,
          data: { event },
          createdAt: new Date(paidAt.getTime() + 1),
        },
      );
    } else {
      events.push({
        type: 'paid',
        fromStatus: 'placed',
        toStatus: 'paid',
        ...STAFF,
        data: { payment: 'bank_transfer' },
        createdAt: paidAt,
      });
    }
  }
  if (o.shipped !== undefined) {
    events.push({
      type: 'shipped',
      fromStatus: 'paid',
      toStatus: 'shipped',
      ...STAFF,
      data: {
        carrier: o.carrier ?? null,
        trackingNumber: o.trackingNumber ?? null,
        shippedAt: at(o.shipped).toISOString(),
      },
      createdAt: at(o.shipped),
    });
  }
  if (o.delivered !== undefined || o.untraceable) {
    const recordedAt = o.delivered !== undefined ? at(o.delivered) : at((o.shipped ?? o.placed) - 7);
    events.push({
      type: 'delivered',
      fromStatus: 'shipped',
      toStatus: 'delivered',
      ...STAFF,
      data: o.untraceable ? { untraceable: true } : { deliveredAt: recordedAt.toISOString() },
      createdAt: recordedAt,
    });
  }
  if (o.completed !== undefined) {
    events.push({
      type: 'completed',
      fromStatus: 'delivered',
      toStatus: 'completed',
      ...STAFF,
      data: null,
      createdAt: at(o.completed),
    });
  }
  if (o.cancelled !== undefined) {
    events.push({
      type: 'cancelled',
      fromStatus: 'placed',
      toStatus: 'cancelled',
      ...STAFF,
      data: { reason: 'The customer ordered the wrong colour', stockReturned, refundDue: false },
      createdAt: at(o.cancelled),
    });
  }
  return events;
}

/** A card is captured two minutes after the order; a bank transfer when staff see it arrive. */
function paidTime(o: DemoOrder, at: (days: number) => Date): Date | null {
  if (o.paid === undefined) return null;
  return new Date(at(o.paid).getTime() + 2 * 60_000);
}

function paymentStatus(o: DemoOrder): (typeof payments.$inferInsert)['status'] {
  if (o.cancelled !== undefined) return 'voided';
  if (o.paid !== undefined) return 'captured';
  return o.paymentMethod === 'test_card' ? 'authorized' : 'pending';
}

export function orderRows(nowMs: number, catalog: CatalogRows): OrderRows {
  const at = (daysAgo: number) => new Date(nowMs - Math.round(daysAgo * DAY_MS));
  const variants = new Map(catalog.variants.map((v) => [v.sku, v]));
  const productsById = new Map(catalog.products.map((p) => [p.id, p]));
  const rows: OrderRows = {
    orders: [],
    lines: [],
    events: [],
    payments: [],
    lastReferenceNumber: 0,
    idsByKey: new Map(),
  };

  // References follow the order in which the orders were placed: the year of placement, then the sequence.
  const chronological = [...demoOrders].sort((a, b) => b.placed - a.placed);
  for (const o of chronological) {
    const placedAt = at(o.placed);
    const sequence = ++rows.lastReferenceNumber;
    const reference = formatReference('AC', placedAt.getUTCFullYear(), sequence);
    const orderId = seededUuid(`order:${o.key}`, placedAt.getTime());
    rows.idsByKey.set(o.key, orderId);

    const lines = o.lines.map(([sku, quantity], i) => {
      const variant = variants.get(sku);
      const product = variant && productsById.get(variant.productId);
      if (!variant || !product) throw new Error(`Demo order ${o.key}: unknown SKU ${sku}`);
      return {
        id: seededUuid(`order:${o.key}:line:${i}`, placedAt.getTime()),
        orderId,
        productId: product.id,
        variantId: variant.id,
        productName: product.name,
        variantName: variant.name,
        sku,
        category: product.category,
        unitPriceCents: variant.priceCents,
        quantity,
        clearance: product.clearance ?? false,
        specialWarranty: product.specialWarranty ?? false,
        orderedAt: placedAt,
      };
    });
    const subtotalCents = lines.reduce((sum, l) => sum + l.unitPriceCents * l.quantity, 0);
    const shipping = shippingPriceCents(o.shippingMethod, subtotalCents);
    const totalCents = subtotalCents + shipping;
    const stockReturned = lines.map((l) => ({ variantId: l.variantId, quantity: l.quantity }));
    const events = timeline(o, at, stockReturned);
    const lastChange = events.reduce((t, e) => Math.max(t, e.createdAt.getTime()), 0);

    rows.orders.push({
      id: orderId,
      reference,
      email: o.email,
      status: o.status,
      currency: 'USD',
      subtotalCents,
      shippingCents: shipping,
      totalCents,
      shippingMethod: o.shippingMethod,
      shippingAddress: o.address,
      paymentMethod: o.paymentMethod,
      placedAt,
      paidAt: paidTime(o, at),
      shippedAt: o.shipped !== undefined ? at(o.shipped) : null,
      carrier: o.carrier ?? null,
      trackingNumber: o.trackingNumber ?? null,
      deliveredAt: o.delivered !== undefined ? at(o.delivered) : null,
      deliveryUntraceable: o.untraceable ?? false,
      completedAt: o.completed !== undefined ? at(o.completed) : null,
      cancelledAt: o.cancelled !== undefined ? at(o.cancelled) : null,
      createdAt: placedAt,
      updatedAt: new Date(lastChange),
    });
    rows.lines.push(...lines);
    rows.events.push(
      ...events.map((e, i) => ({
        ...e,
        id: seededUuid(`order:${o.key}:event:${i}`, e.createdAt.getTime()),
        orderId,
      })),
    );
    rows.payments.push({
      id: seededUuid(`order:${o.key}:payment`, placedAt.getTime()),
      orderId,
      provider: o.paymentMethod,
      status: paymentStatus(o),
      amountCents: totalCents,
      currency: 'USD',
      // The processor's id of a card payment; a bank transfer has none (the customer quotes the reference).
      processorReference: o.paymentMethod === 'test_card' ? `tcp_demo_${o.key}` : null,
      createdAt: placedAt,
      updatedAt: new Date(lastChange),
    });
  }
  return rows;
}
