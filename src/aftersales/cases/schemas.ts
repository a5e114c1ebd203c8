/** The after-sales cases on the wire: what customers and staff send and what they get back. */
import { z } from 'zod';
import { rangeDaySchema } from '../../shared/http-schemas.ts';
import { searchText, text } from '../../shared/text.ts';
import { wholeNumber } from '../../shared/whole-number.ts';
import {
  claimFactsSchema,
  claimKinds,
  evidenceKinds,
  replaceableComponents,
  resolutions,
} from '../claim.schema.ts';
import { policyReasonSchema, policySettingsSchema } from '../policy.settings.ts';
import { deadlineOwners, deadlineSteps } from './case-deadlines.rules.ts';
import { caseActions, caseStates } from './case-lifecycle.ts';
import { finalResolutions, inspectionVerdicts, resolutionsWithoutReturn } from './case-rules.ts';

const isoDate = z.iso.datetime({ offset: true });
const caseActionNames = Object.keys(caseActions) as [
  keyof typeof caseActions,
  ...Array<keyof typeof caseActions>,
];

// ----------------------------------------------------------------------------------------------- policy

export const policyVersionSchema = z.object({
  version: z.number().int(),
  settings: policySettingsSchema,
  createdAt: isoDate,
  createdBy: z.uuid().nullable(),
  /** Why the owner saved it; null for version 1. */
  reason: z.string().nullable(),
});
export const policyVersionSummarySchema = policyVersionSchema.extend({
  createdByName: z.string().nullable(),
  /** Open cases still judged by this version. */
  openCases: z.number().int(),
});
export const policyVersionResponse = z.object({ policy: policyVersionSchema });
export const policyVersionListResponse = z.object({
  current: z.number().int(),
  items: z.array(policyVersionSummarySchema),
});
export const policyVersionBody = z.strictObject({
  settings: policySettingsSchema,
  reason: policyReasonSchema,
});
export const policyPreviewBody = z.strictObject({ settings: policySettingsSchema });
export const policyChangeSchema = z.object({
  key: z.string(),
  clause: z.string(),
  label: z.string(),
  from: z.number().int().nullable(),
  to: z.number().int().nullable(),
  /** "Dead-on-arrival window: 3 → 5 days". */
  text: z.string(),
});
export const policyPreviewResponse = z.object({
  current: z.number().int(),
  changes: z.array(policyChangeSchema),
  openCasesKeepingTheirVersion: z.number().int(),
});
const versionNumber = z
  .string()
  .regex(/^\d{1,10}$/, { error: 'Give a whole version number' })
  .transform(Number)
  .pipe(z.number().min(1, { error: 'Versions start at 1' }).max(2_147_483_647, { error: 'No such version' }));
export const policyVersionParams = z.strictObject({ version: versionNumber });
export const policyCompareQuery = z.strictObject({ from: versionNumber, to: versionNumber });
export const policyCompareResponse = z.object({
  from: policyVersionSchema,
  to: policyVersionSchema,
  changes: z.array(policyChangeSchema),
});

// ----------------------------------------------------------------------------------------------- claims

/**
 * What the customer answers about one line. Everything else the engine reads (dates, price paid, category,
 * clearance, special warranty) comes from the order's records, never from the browser.
 */
export const customerFactsSchema = claimFactsSchema.extend({ openedByCustomer: z.boolean() });

export const claimLineSchema = z.strictObject({
  orderLineId: z.uuid(),
  kind: z.enum(claimKinds),
  facts: customerFactsSchema,
});

export const claimBody = z.strictObject({
  lines: z
    .array(claimLineSchema)
    .min(1)
    .max(20)
    .superRefine((lines, ctx) => {
      const seen = new Set<string>();
      lines.forEach((line, i) => {
        const key = `${line.orderLineId}:${line.kind}`;
        if (seen.has(key)) {
          ctx.addIssue({
            code: 'custom',
            path: [i, 'orderLineId'],
            message: 'names this line and kind twice',
          });
        }
        seen.add(key);
      });
    }),
});
export type ClaimBody = z.infer<typeof claimBody>;

const reasonSchema = z.object({ clause: z.string(), message: z.string() });

export const assessmentSchema = z.object({
  eligible: z.boolean(),
  resolutions: z.array(z.enum(resolutions)),
  evidence: z.array(z.object({ kind: z.enum(evidenceKinds), required: z.boolean() })).readonly(),
  reasons: z.array(reasonSchema),
  deadline: isoDate.nullable(),
  returnShipping: z.object({
    payer: z.enum(['customer', 'shop']),
    reimbursableUpToCents: z.number().int(),
  }),
  partsPayer: z.enum(['customer', 'shop']).nullable(),
  couponValueCents: z.number().int().nullable(),
  returnParcel: z
    .object({ rmaRequired: z.literal(true), declaredValueCents: z.number().int().nullable() })
    .nullable(),
});

export const assessResponse = z.object({
  policyVersion: z.number().int(),
  lines: z.array(z.object({ orderLineId: z.uuid(), kind: z.enum(claimKinds), assessment: assessmentSchema })),
});

// ----------------------------------------------------------------------------------------------- cases

export const caseEventSchema = z.object({
  at: isoDate,
  actor: z.object({ type: z.string(), id: z.uuid().nullable(), name: z.string().nullable() }),
  action: z.string(),
  fromState: z.enum(caseStates).nullable(),
  toState: z.enum(caseStates),
  note: z.string().nullable(),
  assessment: assessmentSchema.nullable(),
  /** A decision against the engine's answer: staff's written reason, kept beside `assessment`. */
  overrideReason: z.string().nullable(),
  details: z
    .object({
      inspection: z
        .object({ verdict: z.enum(inspectionVerdicts), components: z.array(z.enum(replaceableComponents)) })
        .optional(),
      quote: z
        .object({ amountCents: z.number().int(), parts: z.array(z.enum(replaceableComponents)) })
        .optional(),
      resolution: z.string().optional(),
      shipment: z.object({ carrier: z.string(), trackingNumber: z.string().nullable() }).optional(),
      assignedTo: z.object({ id: z.uuid(), name: z.string() }).nullable().optional(),
      /** PV-STF-2: 'member_left' on the row that gave the case back because its member was deactivated. */
      reason: z.enum(['member_left']).optional(),
      releasedFrom: z.object({ id: z.uuid(), name: z.string() }).optional(),
      overridden: z.boolean().optional(),
      overriddenClause: z.string().optional(),
      /** Taken before the required evidence was in (with a written reason): what was missing, and the clause. */
      missingEvidence: z.object({ clause: z.string(), kinds: z.array(z.enum(evidenceKinds)) }).optional(),
    })
    .nullable(),
});

/** AS-DEF-3: the parts quote the customer accepts or declines before work starts. */
export const quoteSchema = z.object({
  amountCents: z.number().int(),
  parts: z.array(z.enum(replaceableComponents)),
});

export const customerCaseSchema = z.object({
  /** RMA-26-00042: the RMA number of AS-GEN-2. */
  reference: z.string(),
  orderLineId: z.uuid(),
  productName: z.string(),
  variantName: z.string(),
  kind: z.enum(claimKinds),
  state: z.enum(caseStates),
  policyVersion: z.number().int(),
  assessment: assessmentSchema,
  openedAt: isoDate,
  updatedAt: isoDate,
  /** AS-DEF-3: the parts quote to accept or decline, once sent (amount in cents). */
  quote: quoteSchema.nullable(),
  /** The parcel the repaired item went back in (carrier, tracking number), once staff resolved the case. */
  returnShipment: z.object({ carrier: z.string(), trackingNumber: z.string().nullable() }).nullable(),
  /** What the customer may do now (actionsFor(state, 'customer')). */
  actions: z.array(z.enum(caseActionNames)),
  timeline: z.array(
    caseEventSchema
      .omit({ actor: true, overrideReason: true, details: true })
      .extend({ actor: z.object({ type: z.string() }) }),
  ),
});
export type CustomerCase = z.infer<typeof customerCaseSchema>;

export const openCasesResponse = z.object({ cases: z.array(customerCaseSchema) });
export const customerCaseResponse = z.object({ case: customerCaseSchema });

/** A question as its customer reads it on the order page: staff are "customer service", never named. */
export const customerQuestionSchema = z.object({
  id: z.uuid(),
  orderLineId: z.uuid(),
  productName: z.string(),
  kind: z.enum(claimKinds),
  body: z.string(),
  createdAt: isoDate,
  answer: z.object({ body: z.string(), answeredAt: isoDate }).nullable(),
});
export type CustomerQuestion = z.infer<typeof customerQuestionSchema>;

export const orderCasesResponse = z.object({
  /** The order's lines a claim can name. */
  lines: z.array(
    z.object({
      orderLineId: z.uuid(),
      productName: z.string(),
      variantName: z.string(),
      quantity: z.number().int(),
    }),
  ),
  cases: z.array(customerCaseSchema),
  /** The questions sent about the order's lines, oldest first, each with customer service's answer once given. */
  questions: z.array(customerQuestionSchema),
});

export const caseActionBody = z.strictObject({
  action: z.enum(caseActionNames),
  note: text({ multiline: true }).trim().max(2000).optional(),
});

export const caseLinkParams = z.strictObject({
  token: text().min(1).max(200),
  reference: text().min(1).max(40),
});

// ----------------------------------------------------------------------------------------------- staff

const staffNote = text({ multiline: true }).trim().max(2000).optional();
/** The written reason for a decision against the engine's answer (its minimum length is a setting). */
const overrideReason = text({ multiline: true }).trim().max(2000).optional();
const components = z
  .array(z.enum(replaceableComponents))
  .max(replaceableComponents.length)
  .refine((list) => new Set(list).size === list.length, 'lists a component twice');

/** A staff move without fields of its own (the customer's and the system's moves are refused by the table: 409). */
const plainMove = <A extends keyof typeof caseActions>(action: A) =>
  z.strictObject({ action: z.literal(action), note: staffNote });

/**
 * A staff move on a case: the action and the fields it needs. A decision the engine does not support needs
 * `overrideReason` (a 422 naming it otherwise).
 */
export const staffCaseActionBody = z.discriminatedUnion('action', [
  plainMove('start_troubleshooting'),
  plainMove('request_evidence'),
  z.strictObject({ action: z.literal('mark_solved'), note: staffNote, overrideReason }),
  z.strictObject({ action: z.literal('authorise_return'), note: staffNote, overrideReason }),
  z.strictObject({
    action: z.literal('resolve_without_return'),
    note: staffNote,
    resolution: z.enum(resolutionsWithoutReturn),
    /** AS-INC-2: the voucher's value in cents (a coupon's value, AS-GEN-5, is the engine's). */
    valueCents: z.number().int().min(1).max(10_000_000).optional(),
    overrideReason,
  }),
  z.strictObject({ action: z.literal('decline'), note: staffNote, overrideReason }),
  plainMove('receive_parcel'),
  // AS-GEN-4, AS-DEF-3: the verdict decides who pays; the components are what must be replaced.
  z.strictObject({
    action: z.literal('record_inspection'),
    note: staffNote,
    verdict: z.enum(inspectionVerdicts),
    components: components.default([]),
  }),
  // AS-DEF-3: the amount the customer pays for the parts, in cents.
  z.strictObject({
    action: z.literal('send_quote'),
    note: staffNote,
    amountCents: z.number().int().min(1).max(10_000_000),
    parts: components.min(1),
    overrideReason,
  }),
  plainMove('accept_quote'),
  plainMove('decline_quote'),
  // A repaired item goes back to the customer: the carrier and the tracking number they follow it with.
  z.strictObject({
    action: z.literal('resolve'),
    note: staffNote,
    resolution: z.enum(finalResolutions),
    carrier: text().trim().min(1).max(100).optional(),
    trackingNumber: text().trim().min(1).max(100).optional(),
    overrideReason,
  }),
  plainMove('withdraw'),
  plainMove('close'),
]);
export type StaffCaseActionBody = z.infer<typeof staffCaseActionBody>;

export const assignCaseBody = z.strictObject({
  /** The staff member to hand the case to; null takes it off everyone. */
  staffId: z.uuid().nullable(),
});

export const caseQueueSorts = ['opened', 'updated', 'deadline'] as const;
const day = rangeDaySchema;

/** A case's next deadline on the wire (case-deadlines.rules.ts `nextDeadline`). */
export const nextDeadlineSchema = z.object({
  whose: z.enum(deadlineOwners),
  step: z.enum(deadlineSteps),
  at: isoDate,
  /** Past it, within CASE_DUE_SOON_DAYS of it, or neither. */
  mark: z.enum(['overdue', 'due_soon']).nullable(),
  /** "Shop: reply by 3 Dec 2026". */
  text: z.string(),
});

export const adminCaseListQuery = z.strictObject({
  state: z.enum(caseStates).optional(),
  kind: z.enum(claimKinds).optional(),
  /** Opened on or after this day (UTC), before the day after `openedTo`. */
  openedFrom: day.optional(),
  openedTo: day.optional(),
  /**
   * Cases whose next deadline (the shop's or the customer's, case-deadlines.rules.ts) is within this many days
   * (overdue ones included).
   */
  dueWithinDays: wholeNumber({ min: 0, max: 365 }).optional(),
  /** Cases whose next deadline has passed (`true`), or has not or has none (`false`). */
  overdue: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  /** Only cases whose next deadline is the shop's (a step staff owe) or the customer's. */
  whose: z.enum(deadlineOwners).optional(),
  /** A staff id, `me`, or `unassigned`. */
  assignee: z.union([z.uuid(), z.enum(['me', 'unassigned'])]).optional(),
  /** Product name or SKU (start of a word of the name, start of the SKU). */
  product: searchText().trim().min(1).max(100).optional(),
  productId: z.uuid().optional(),
  sort: z.enum(caseQueueSorts).default('opened'),
  dir: z.enum(['asc', 'desc']).default('desc'),
  cursor: text().max(200).optional(),
  limit: wholeNumber({ min: 1, max: 100 }).default(25),
});

export const adminCaseSummarySchema = z.object({
  id: z.uuid(),
  reference: z.string(),
  orderId: z.uuid(),
  orderReference: z.string(),
  productName: z.string(),
  kind: z.enum(claimKinds),
  state: z.enum(caseStates),
  eligible: z.boolean(),
  policyVersion: z.number().int(),
  openedAt: isoDate,
  updatedAt: isoDate,
  stateSince: isoDate,
  dueAt: isoDate.nullable(),
  /** 'overdue', 'due_soon' (within CASE_DUE_SOON_DAYS) or null. */
  deadlineMark: z.enum(['overdue', 'due_soon']).nullable(),
  /** The next deadline, the shop's or the customer's (issue 11 point 5); null for a finished case. */
  nextDeadline: nextDeadlineSchema.nullable(),
  /** How long the case has been waiting on the customer, in milliseconds; null when it is not. */
  waitingOnCustomerMs: z.number().int().nullable(),
  assignee: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  /** The customer, in full or masked (initials, "…@domain") as the member may see them (PV-STF-1). */
  customer: z.object({ name: z.string(), email: z.string() }),
  personalData: z.enum(['full', 'masked']),
});
export const adminCaseListResponse = z.object({
  items: z.array(adminCaseSummarySchema),
  nextCursor: z.string().nullable(),
});

const deadlineCountSchema = z.object({ overdue: z.number().int(), near: z.number().int() });

/** The dashboard's Deadlines panel (issue 11 point 5). */
export const deadlinesOverviewResponse = z.object({
  /** CASE_DUE_SOON_DAYS: a deadline this many days away or less is near. */
  nearDays: z.number().int(),
  /** Overdue and near (not overdue) deadlines, shop-side steps and customer deadlines apart. */
  counts: z.object({ shop: deadlineCountSchema, customer: deadlineCountSchema }),
  /** The soonest deadlines, overdue first. */
  cases: z.array(
    z.object({
      id: z.uuid(),
      reference: z.string(),
      state: z.enum(caseStates),
      deadline: nextDeadlineSchema,
      assignee: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    }),
  ),
});

export const adminCaseDetailSchema = z.object({
  id: z.uuid(),
  reference: z.string(),
  kind: z.enum(claimKinds),
  state: z.enum(caseStates),
  policyVersion: z.number().int(),
  facts: customerFactsSchema,
  assessment: assessmentSchema,
  openedAt: isoDate,
  updatedAt: isoDate,
  stateSince: isoDate,
  dueAt: isoDate.nullable(),
  deadlineMark: z.enum(['overdue', 'due_soon']).nullable(),
  waitingOnCustomerMs: z.number().int().nullable(),
  assignee: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  inspection: z
    .object({ verdict: z.enum(inspectionVerdicts), components: z.array(z.enum(replaceableComponents)) })
    .nullable(),
  quote: quoteSchema.nullable(),
  resolution: z.string().nullable(),
  order: z.object({
    id: z.uuid(),
    reference: z.string(),
    status: z.string(),
    email: z.string(),
    customerName: z.string(),
    placedAt: isoDate,
    shippedAt: isoDate.nullable(),
    deliveredAt: isoDate.nullable(),
    deliveryUntraceable: z.boolean(),
  }),
  line: z.object({
    id: z.uuid(),
    productName: z.string(),
    variantName: z.string(),
    sku: z.string(),
    category: z.string(),
    unitPriceCents: z.number().int(),
    quantity: z.number().int(),
    clearance: z.boolean(),
    specialWarranty: z.boolean(),
  }),
  timeline: z.array(caseEventSchema),
  /**
   * What the signed-in staff member may do now (actionsFor(state, 'staff') their role allows), with each
   * button's words.
   */
  actions: z.array(z.object({ action: z.enum(caseActionNames), label: z.string() })),
  /**
   * The required evidence kinds with no file yet (the assessment's list: AS-DOA-2, AS-DEF-6, AS-INC-3), in its
   * order. While any is missing, authorising a return or resolving without one needs a written reason.
   */
  missingEvidence: z.array(z.enum(evidenceKinds)),
  /** Whether the signed-in staff member's role may remove evidence files (with a reason). */
  mayRemoveEvidence: z.boolean(),
  /** Active staff a case can be assigned to. */
  staff: z.array(z.object({ id: z.uuid(), name: z.string(), role: z.string() })),
  /**
   * PV-STF-1: 'masked' when the member sees the case without the customer's personal data (an unassigned case
   * for customer service, a technician without a maintenance grant): no messages, no evidence files then.
   */
  personalData: z.enum(['full', 'masked']),
  /** The moves of the assignment this member may make: take it, give it back, assign anyone (the owner). */
  assignment: z.object({ mayTake: z.boolean(), mayRelease: z.boolean(), mayAssignOthers: z.boolean() }),
});
export type AdminCaseDetail = z.infer<typeof adminCaseDetailSchema>;
export const adminCaseResponse = z.object({ case: adminCaseDetailSchema });
export const caseIdParams = z.strictObject({ id: z.uuid() });
