/**
 * The demo shop's after-sales cases, as data: who bought what, when it arrived, what they claimed, and the
 * steps staff and customer took since. cases.ts plays them through the shop's own use cases, so every case
 * holds the engine's real answers, timeline and emails. Days are before "now"; fractions are hours.
 */

import type { StaffCaseActionBody } from '../aftersales/cases/schemas.ts';
import type { ClaimKind } from '../aftersales/claim.schema.ts';
import type { CaseFacts } from '../aftersales/schema.ts';

export type CaseStep =
  | { daysAgo: number; by: 'staff'; body: StaffCaseActionBody }
  | { daysAgo: number; by: 'customer'; action: 'withdraw' | 'accept_quote' | 'decline_quote' }
  /** The customer uploads a photo for every required evidence kind still missing, or only the first one. */
  | { daysAgo: number; by: 'customer'; upload: 'missing' | 'first' }
  | { daysAgo: number; by: 'assign' }
  /** AS-GEN-3: staff reimburse the return postage of the customer's receipt (cents), as the refund API does. */
  | { daysAgo: number; by: 'staff'; reimburseReceiptCents: number }
  /** The customer spends the case's coupon or voucher on a new order of `sku`, at the shop's checkout. */
  | { daysAgo: number; by: 'customer'; redeemCodeOn: string };

export interface CaseScenario {
  orderKey: string;
  email: string;
  name: string;
  street: string;
  city: string;
  postalCode: string;
  region: string;
  sku: string;
  deliveredDaysAgo: number;
  openedDaysAgo: number;
  kind: ClaimKind;
  facts: CaseFacts;
  steps: CaseStep[];
}

/** A case about an order the demo holds anyway (orders.ts): only the claim and its steps. */
export type CaseOnDemoOrder = Pick<
  CaseScenario,
  'orderKey' | 'sku' | 'openedDaysAgo' | 'kind' | 'facts' | 'steps'
>;

const troubleshoot = (daysAgo: number, note: string): CaseStep => ({
  daysAgo,
  by: 'staff',
  body: { action: 'start_troubleshooting', note },
});
const ask = (daysAgo: number): CaseStep => ({ daysAgo, by: 'staff', body: { action: 'request_evidence' } });
const photos = (daysAgo: number, upload: 'missing' | 'first' = 'missing'): CaseStep => ({
  daysAgo,
  by: 'customer',
  upload,
});
const authorise = (daysAgo: number): CaseStep => ({
  daysAgo,
  by: 'staff',
  body: { action: 'authorise_return' },
});
const receive = (daysAgo: number): CaseStep => ({ daysAgo, by: 'staff', body: { action: 'receive_parcel' } });

export const caseScenarios: readonly CaseScenario[] = [
  {
    orderKey: 'case-opened',
    email: 'hedy@example.com',
    name: 'Hedy Marsh',
    street: '4 Signal Hill',
    city: 'Portland',
    postalCode: '97202',
    region: 'OR',
    sku: 'NMB-X2-GLAC-128',
    deliveredDaysAgo: 1,
    openedDaysAgo: 0.25,
    kind: 'dead_on_arrival',
    facts: { openedByCustomer: true },
    steps: [],
  },
  {
    orderKey: 'case-troubleshooting',
    email: 'claude@example.com',
    name: 'Claude Ibarra',
    street: '77 Relay Street',
    city: 'Columbus',
    postalCode: '43215',
    region: 'OH',
    sku: 'NMB-W2-MIDN-41MM',
    deliveredDaysAgo: 25,
    openedDaysAgo: 2,
    kind: 'defective',
    facts: { openedByCustomer: true },
    steps: [
      { daysAgo: 1.9, by: 'assign' },
      troubleshoot(1.8, 'Asked the customer to update the watch and pair it again from scratch.'),
    ],
  },
  {
    orderKey: 'case-awaiting-evidence',
    email: 'radia@example.com',
    name: 'Radia Perl',
    street: '19 Spanning Way',
    city: 'Madison',
    postalCode: '53704',
    region: 'WI',
    sku: 'ORB-1-LUNA-128',
    deliveredDaysAgo: 4,
    openedDaysAgo: 3.6,
    kind: 'dead_on_arrival',
    facts: { openedByCustomer: true },
    steps: [
      troubleshoot(3.5, 'Tried a forced restart and another charger: no sign of life.'),
      ask(3.2),
      photos(3.1, 'first'),
    ],
  },
  {
    orderKey: 'case-return-authorised',
    email: 'john@example.com',
    name: 'John Backus',
    street: '8 Formula Avenue',
    city: 'Boulder',
    postalCode: '80301',
    region: 'CO',
    sku: 'NMB-T11-GRAP-128',
    deliveredDaysAgo: 35,
    openedDaysAgo: 8,
    kind: 'defective',
    facts: { openedByCustomer: false },
    steps: [
      { daysAgo: 7.9, by: 'assign' },
      troubleshoot(7.8, 'The touch screen stops responding after a few minutes; a reset did not help.'),
      ask(7),
      photos(6.9),
      authorise(5),
    ],
  },
  {
    orderKey: 'case-parcel-received',
    email: 'frances@example.com',
    name: 'Frances Allen',
    street: '23 Compiler Court',
    city: 'Providence',
    postalCode: '02904',
    region: 'RI',
    sku: 'NMB-L5-CORA-128',
    deliveredDaysAgo: 9,
    openedDaysAgo: 8.5,
    kind: 'dead_on_arrival',
    facts: { openedByCustomer: true, troubleshootingDone: true },
    steps: [ask(8.4), photos(8.3), authorise(7), receive(1)],
  },
  {
    orderKey: 'case-inspected',
    email: 'niklaus@example.com',
    name: 'Niklaus Wirth',
    street: '5 Pascal Road',
    city: 'Ann Arbor',
    postalCode: '48103',
    region: 'MI',
    sku: 'ORB-PADA-LUNA-64',
    deliveredDaysAgo: 50,
    openedDaysAgo: 20,
    kind: 'defective',
    facts: { openedByCustomer: false },
    steps: [
      troubleshoot(19.9, 'Charging stops at 60 %; tried another cable and charger.'),
      ask(19),
      photos(18.9),
      authorise(17),
      receive(10),
      {
        daysAgo: 1,
        by: 'staff',
        body: { action: 'record_inspection', verdict: 'product_fault', components: [] },
      },
    ],
  },
  {
    orderKey: 'case-quote-sent',
    email: 'donald@example.com',
    name: 'Donald Knuth',
    street: '64 Volume Street',
    city: 'Asheville',
    postalCode: '28803',
    region: 'NC',
    sku: 'NMB-X2P-MIDN-256',
    deliveredDaysAgo: 70,
    openedDaysAgo: 30,
    kind: 'defective',
    facts: { openedByCustomer: false },
    steps: [
      troubleshoot(29.9, 'Lines across the screen after an update; a reset did not help.'),
      ask(29),
      photos(28.9),
      authorise(27),
      receive(20),
      {
        daysAgo: 4,
        by: 'staff',
        body: { action: 'record_inspection', verdict: 'product_fault', components: ['screen'] },
      },
      { daysAgo: 3.9, by: 'staff', body: { action: 'send_quote', amountCents: 12_900, parts: ['screen'] } },
    ],
  },
  {
    orderKey: 'case-quote-accepted',
    email: 'barbara.l@example.com',
    name: 'Barbara Liskov',
    street: '12 Substitution Lane',
    city: 'Burlington',
    postalCode: '05402',
    region: 'VT',
    sku: 'LMN-FLIP-LAVE-256',
    deliveredDaysAgo: 45,
    openedDaysAgo: 20,
    kind: 'defective',
    facts: { openedByCustomer: false },
    steps: [
      troubleshoot(19.9, 'The battery drains in four hours with the screen off.'),
      ask(19),
      photos(18.9),
      authorise(18),
      receive(12),
      {
        daysAgo: 6,
        by: 'staff',
        body: { action: 'record_inspection', verdict: 'product_fault', components: ['battery'] },
      },
      { daysAgo: 5.9, by: 'staff', body: { action: 'send_quote', amountCents: 5_500, parts: ['battery'] } },
      { daysAgo: 4, by: 'customer', action: 'accept_quote' },
    ],
  },
  {
    orderKey: 'case-quote-declined',
    email: 'margaret.h@example.com',
    name: 'Margaret Hamilton',
    street: '11 Apollo Street',
    city: 'Austin',
    postalCode: '73301',
    region: 'TX',
    sku: 'NMB-X2-GRAP-256',
    deliveredDaysAgo: 80,
    openedDaysAgo: 40,
    kind: 'defective',
    facts: { openedByCustomer: false },
    steps: [
      troubleshoot(39.9, 'The phone restarts by itself several times a day, also in safe mode.'),
      ask(39),
      photos(38.9),
      authorise(37),
      receive(30),
      {
        daysAgo: 3,
        by: 'staff',
        body: { action: 'record_inspection', verdict: 'product_fault', components: ['motherboard'] },
      },
      {
        daysAgo: 2.9,
        by: 'staff',
        body: { action: 'send_quote', amountCents: 21_900, parts: ['motherboard'] },
      },
      { daysAgo: 1, by: 'customer', action: 'decline_quote' },
    ],
  },
  {
    orderKey: 'case-replaced',
    email: 'ken@example.com',
    name: 'Ken Thompson',
    street: '1 Unix Way',
    city: 'Austin',
    postalCode: '73344',
    region: 'TX',
    sku: 'ORB-1-NOVA-256',
    deliveredDaysAgo: 15,
    openedDaysAgo: 14.5,
    kind: 'dead_on_arrival',
    facts: { openedByCustomer: true, troubleshootingDone: true },
    steps: [
      ask(14.4),
      photos(14.3),
      authorise(14),
      receive(10),
      {
        daysAgo: 9,
        by: 'staff',
        body: { action: 'record_inspection', verdict: 'product_fault', components: [] },
      },
      { daysAgo: 8, by: 'staff', body: { action: 'resolve', resolution: 'replacement' } },
    ],
  },
  {
    orderKey: 'case-coupon',
    email: 'adele@example.com',
    name: 'Adele Goldberg',
    street: '80 Smalltalk Street',
    city: 'Portland',
    postalCode: '97204',
    region: 'OR',
    sku: 'ORB-PB3-CHAR',
    deliveredDaysAgo: 30,
    openedDaysAgo: 6,
    kind: 'defective',
    facts: { openedByCustomer: true, troubleshootingDone: true },
    steps: [
      ask(5.9),
      photos(5.8),
      { daysAgo: 4, by: 'staff', body: { action: 'resolve_without_return', resolution: 'coupon' } },
      // AS-GEN-5: two days later the coupon paid most of a pair of earbuds.
      { daysAgo: 2, by: 'customer', redeemCodeOn: 'LMN-BL-MINT' },
    ],
  },
  {
    orderKey: 'case-voucher',
    email: 'guido@example.com',
    name: 'Guido Rossum',
    street: '3 Indent Road',
    city: 'Columbus',
    postalCode: '43201',
    region: 'OH',
    sku: 'VLT-PC10-CHAR',
    deliveredDaysAgo: 10,
    openedDaysAgo: 9,
    kind: 'incorrect_item',
    facts: { openedByCustomer: true, troubleshootingDone: true },
    steps: [
      ask(8.9),
      photos(8.8),
      {
        daysAgo: 7,
        by: 'staff',
        body: { action: 'resolve_without_return', resolution: 'keep_with_voucher', valueCents: 1_000 },
      },
    ],
  },
  {
    orderKey: 'case-declined',
    email: 'dennis@example.com',
    name: 'Dennis Ritchie',
    street: '72 Kernel Street',
    city: 'Madison',
    postalCode: '53711',
    region: 'WI',
    sku: 'NMB-L5-INK-64',
    deliveredDaysAgo: 60,
    openedDaysAgo: 25,
    kind: 'defective',
    facts: { openedByCustomer: false },
    steps: [
      troubleshoot(24.9, 'The screen is black but the phone rings.'),
      ask(24),
      photos(23.9),
      authorise(22),
      receive(15),
      {
        daysAgo: 14,
        by: 'staff',
        body: {
          action: 'record_inspection',
          verdict: 'buyer_caused',
          components: ['screen'],
          note: 'Impact mark on the top left corner; the display cable is torn.',
        },
      },
      {
        daysAgo: 13.9,
        by: 'staff',
        body: { action: 'decline', note: 'Damage caused by a fall: not covered (AS-GEN-4, AS-DEF-1).' },
      },
    ],
  },
  {
    orderKey: 'case-withdrawn',
    email: 'sophie@example.com',
    name: 'Sophie Wilson',
    street: '9 Acorn Lane',
    city: 'Boulder',
    postalCode: '80304',
    region: 'CO',
    sku: 'NMB-W2-GLAC-41MM',
    deliveredDaysAgo: 3,
    openedDaysAgo: 2.5,
    kind: 'dead_on_arrival',
    facts: { openedByCustomer: true },
    steps: [{ daysAgo: 2, by: 'customer', action: 'withdraw' }],
  },
  {
    orderKey: 'case-closed',
    email: 'alan.k@example.com',
    name: 'Alan Kay',
    street: '40 Dynabook Drive',
    city: 'Ann Arbor',
    postalCode: '48105',
    region: 'MI',
    sku: 'NMB-X2-GRAP-128',
    deliveredDaysAgo: 40,
    openedDaysAgo: 39,
    kind: 'dead_on_arrival',
    facts: { openedByCustomer: true, troubleshootingDone: true },
    steps: [
      ask(38.9),
      photos(38.8),
      authorise(38),
      receive(34),
      {
        daysAgo: 33.5,
        by: 'staff',
        body: { action: 'record_inspection', verdict: 'product_fault', components: [] },
      },
      { daysAgo: 33, by: 'staff', body: { action: 'resolve', resolution: 'replacement' } },
      // AS-GEN-3: the postage of the dead phone's return, from the receipt the customer sent.
      { daysAgo: 32.5, by: 'staff', reimburseReceiptCents: 740 },
      { daysAgo: 30, by: 'staff', body: { action: 'close' } },
    ],
  },
  {
    // AS-GEN-4: a fault found within days of delivery, so the shop pays the repair's new battery. Its order is
    // placed with the README's AC-26-00020 and listed after it, so that reference stays.
    orderKey: 'case-repaired',
    email: 'tony@example.com',
    name: 'Tony Hoare',
    street: '6 Quicksort Row',
    city: 'Providence',
    postalCode: '02906',
    region: 'RI',
    sku: 'NMB-X2-GRAP-128',
    deliveredDaysAgo: 2,
    openedDaysAgo: 1.9,
    kind: 'defective',
    facts: { openedByCustomer: false },
    steps: [
      troubleshoot(1.85, 'The battery drops from 100 % to 20 % in two hours; a reset did not help.'),
      ask(1.8),
      photos(1.75),
      authorise(1.7),
      receive(1),
      {
        daysAgo: 0.8,
        by: 'staff',
        body: { action: 'record_inspection', verdict: 'product_fault', components: ['battery'] },
      },
      {
        daysAgo: 0.5,
        by: 'staff',
        body: {
          action: 'resolve',
          resolution: 'repair',
          carrier: 'SwiftPost',
          trackingNumber: 'SP483300217US',
        },
      },
    ],
  },
];

/**
 * Cases about demo orders that exist for other reasons, so the owner's numbers hold costs months back: a
 * refund three months ago. Demo order references follow the dates, so a
 * new order placed before the README's AC-26-00020 would move that reference: these cases use orders already
 * there.
 */
export const casesOnDemoOrders: readonly CaseOnDemoOrder[] = [
  {
    orderKey: 'delivered-100-days-ago',
    sku: 'NMB-L5-INK-128',
    openedDaysAgo: 99.5,
    kind: 'dead_on_arrival',
    facts: { openedByCustomer: true, troubleshootingDone: true },
    steps: [
      ask(99.4),
      photos(99.3),
      authorise(99),
      receive(95),
      {
        daysAgo: 94,
        by: 'staff',
        body: { action: 'record_inspection', verdict: 'product_fault', components: [] },
      },
      { daysAgo: 93.9, by: 'staff', body: { action: 'resolve', resolution: 'refund' } },
    ],
  },
];

/** The orders of the cases (orders.ts adds them to the demo's orders). */
export const caseOrders = caseScenarios;
