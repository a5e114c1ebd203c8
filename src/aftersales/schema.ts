/**
 * The after-sales tables: the policy versions cases are judged by (issue 10 point 6), the cases, and each
 * case's timeline.
 */
import { sql } from 'drizzle-orm';
import {
  bigserial,
  index,
  integer,
  jsonb,
  pgEnum,
  pgSequence,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { staffUsers } from '../accounts/schema.ts';
import { productCategory, products } from '../catalog/schema.ts';
import { orderLines, orders } from '../orders/schema.ts';
import { caseStates } from './cases/case-lifecycle.ts';
import { claimKinds, type EvidenceKind } from './claim.schema.ts';
import type { PolicySettings } from './policy.settings.ts';
import type { Assessment } from './policy.ts';

export const claimKind = pgEnum('claim_kind', claimKinds);
export const caseState = pgEnum('case_state', caseStates);

/**
 * Every version of the after-sales settings, never edited: a new one is added and becomes current (the highest
 * version). A case records the version it was judged by, so a later change never rewrites an open case.
 * Version 1 is `defaultPolicySettings`, written on first use (policy-versions.service.ts).
 */
export const policyVersions = pgTable('policy_versions', {
  version: integer().primaryKey(),
  /** Validated by `policySettingsSchema` before it is written. */
  settings: jsonb().$type<PolicySettings>().notNull(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  /** The owner who saved it; null for version 1 (the catalogue's defaults, written by the shop). */
  createdBy: uuid().references(() => staffUsers.id, { onDelete: 'set null' }),
  /** Why the owner saved it (issue 11 point 1); null for version 1 and for versions saved before it was asked. */
  reason: text(),
});

/** What the customer answered when opening a claim (the rest of the claim comes from the order's records). */
export interface CaseFacts {
  openedByCustomer: boolean;
  misuse?: boolean | undefined;
  physicalDamage?: boolean | undefined;
  troubleshootingDone?: boolean | undefined;
  onlyLogoOrPackagingDiffers?: boolean | undefined;
  componentsToReplace?: Array<'screen' | 'battery' | 'motherboard'> | undefined;
  returnShippingFeeCents?: number | undefined;
}

/** AS-GEN-4: what the inspection found. */
export type InspectionVerdict = 'product_fault' | 'buyer_caused' | 'no_fault_found';

/** The inspection recorded on a case (AS-GEN-4, AS-DEF-3): its verdict and the components to replace. */
export interface CaseInspection {
  verdict: InspectionVerdict;
  components: Array<'screen' | 'battery' | 'motherboard'>;
}

/** AS-DEF-3: the parts quote sent to the customer, in cents, with the parts it covers. */
export interface CaseQuote {
  amountCents: number;
  parts: Array<'screen' | 'battery' | 'motherboard'>;
}

/** The parcel an item goes back to the customer in after its repair: the carrier and, when tracked, the number. */
export interface CaseShipment {
  carrier: string;
  trackingNumber: string | null;
}

/** What a timeline row records beyond the move itself: the fields of the decision and the engine's verdict on it. */
export interface CaseEventDetails {
  inspection?: CaseInspection;
  quote?: CaseQuote;
  resolution?: string;
  /** A resolution that sends the item back (a repair): how it travels. */
  shipment?: CaseShipment;
  /** The staff member the case was given to (assignment rows). */
  assignedTo?: { id: string; name: string } | null;
  /** Why an assignment row unassigned the case: 'member_left' when its member was deactivated (PV-STF-2). */
  reason?: 'member_left';
  /** On a 'member_left' release: the member who held the case. */
  releasedFrom?: { id: string; name: string };
  /** True when the decision went against the engine's answer (the reason is in `overrideReason`). */
  overridden?: boolean;
  /**
   * The clause the engine's answer rested on when the decision went against it, or the evidence clause
   * (AS-DOA-2, AS-DEF-6, AS-INC-3) when it was taken without the required evidence.
   */
  overriddenClause?: string;
  /** A decision taken before the required evidence was in: the kinds missing then and the clause listing them. */
  missingEvidence?: { clause: string; kinds: EvidenceKind[] };
}

/** The states in which a case is finished; keep in sync with `isOpenCase` (cases/case-lifecycle.ts). */
export const FINISHED_CASE_STATES = ['declined', 'withdrawn', 'closed'] as const;

export const afterSalesCases = pgTable(
  'after_sales_cases',
  {
    id: uuid().primaryKey(),
    /**
     * Shown to people: RMA-26-00042 (the year the case was opened, then the case sequence). This reference is
     * the RMA number of AS-GEN-2: nothing travels back without it.
     */
    reference: text().notNull(),
    orderId: uuid()
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    orderLineId: uuid()
      .notNull()
      .references(() => orderLines.id, { onDelete: 'cascade' }),
    /**
     * The line's product and category, copied when the case opens (a line never changes): the owner's numbers
     * count claims per product and filter by category without reading the order lines.
     */
    productId: uuid()
      .notNull()
      .references(() => products.id),
    category: productCategory().notNull(),
    kind: claimKind().notNull(),
    state: caseState().notNull(),
    policyVersion: integer()
      .notNull()
      .references(() => policyVersions.version),
    facts: jsonb().$type<CaseFacts>().notNull(),
    /**
     * The engine's current answer, exactly as it answered: written when the case was opened and again at every
     * staff decision with the facts known then (each answer is also kept on its timeline row).
     */
    assessment: jsonb().$type<Assessment>().notNull(),
    openedAt: timestamp({ withTimezone: true }).notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull(),
    /** When the case reached its current state: how long it has been waiting (on the customer or on staff). */
    stateSince: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /**
     * When staff must have made the next move (CASE_RESPONSE_DAYS after reaching a state that waits on staff);
     * null while the case waits on the customer or is finished.
     */
    dueAt: timestamp({ withTimezone: true }),
    /** The staff member handling the case, or null (unassigned). */
    assignedTo: uuid().references(() => staffUsers.id, { onDelete: 'set null' }),
    /** AS-GEN-4: the inspection's verdict and components, once recorded. */
    inspection: jsonb().$type<CaseInspection>(),
    /** AS-DEF-3: the parts quote, once sent. */
    quote: jsonb().$type<CaseQuote>(),
    /** The resolution chosen when the case was resolved ('replacement', 'coupon', …). */
    resolution: text(),
  },
  (t) => [
    uniqueIndex('after_sales_cases_reference_key').on(t.reference),
    // One open case per order line and kind: "open" is isOpenCase (every state but the finished ones). Two
    // requests opening the same claim at once: one insert wins, the other hits this index (a 409).
    uniqueIndex('after_sales_cases_open_key')
      .on(t.orderLineId, t.kind)
      .where(sql`${t.state} not in ('declined', 'withdrawn', 'closed')`),
    index('after_sales_cases_order_idx').on(t.orderId),
    index('after_sales_cases_opened_idx').on(t.openedAt, t.id),
    index('after_sales_cases_state_idx').on(t.state, t.openedAt),
    // The staff queue's sorts (updated, deadline) and its assignee filter, each with the id that breaks ties
    // in keyset pages. A case without a deadline sorts after every dated one.
    index('after_sales_cases_updated_idx').on(t.updatedAt, t.id),
    index('after_sales_cases_due_idx').on(sql`coalesce(${t.dueAt}, 'infinity'::timestamptz)`, t.id),
    index('after_sales_cases_assignee_idx').on(t.assignedTo, t.openedAt),
    index('after_sales_cases_line_idx').on(t.orderLineId),
    // The owner's numbers (aftersales/numbers): the cases of a date range counted by kind, state and
    // resolution, their lines, products and decisions, read from the index alone.
    index('after_sales_cases_numbers_idx').on(
      t.openedAt,
      t.state,
      t.kind,
      t.resolution,
      t.orderLineId,
      t.productId,
      t.category,
      t.id,
    ),
    // The owner's numbers of one category: the refunds, codes and repairs of its cases are joined to these ids
    // (read from the index alone) rather than to every case.
    index('after_sales_cases_category_idx').on(t.category, t.id),
  ],
);

/** A case's timeline: every move, who made it, when, and the assessment when one was made. */
export const afterSalesCaseEvents = pgTable(
  'after_sales_case_events',
  {
    id: uuid().primaryKey(),
    /** The timeline's order: rows written in the same millisecond keep the order they were written in. */
    seq: bigserial({ mode: 'number' }).notNull(),
    caseId: uuid()
      .notNull()
      .references(() => afterSalesCases.id, { onDelete: 'cascade' }),
    at: timestamp({ withTimezone: true }).notNull(),
    /** 'customer', 'staff' or 'system'. */
    actorType: text().notNull(),
    actorId: uuid(),
    actorName: text(),
    /** The case action ('open' for the first row). */
    action: text().notNull(),
    fromState: caseState(),
    toState: caseState().notNull(),
    note: text(),
    assessment: jsonb().$type<Assessment>(),
    /** A decision against the engine's answer: the staff member's written reason, kept beside that answer. */
    overrideReason: text(),
    details: jsonb().$type<CaseEventDetails>(),
  },
  (t) => [
    index('after_sales_case_events_case_idx').on(t.caseId, t.seq),
    // When each case was decided (the owner's numbers: time to resolution, parts by resolution month).
    index('after_sales_case_events_decided_idx')
      .on(t.caseId, t.at)
      .where(sql`${t.toState} in ('resolved', 'declined')`),
  ],
);

/** The number in case references (RMA-26-00042): handed out without a lock held until commit. */
export const caseReferenceSeq = pgSequence('case_reference_seq', { startWith: 1 });
