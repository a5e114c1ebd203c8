/** The after-sales cases on the wire: what customers and staff send and what they get back. */
import { z } from 'zod';
import { text } from '../../shared/text.ts';
import { claimFactsSchema, claimKinds, evidenceKinds, resolutions } from '../claim.schema.ts';
import { policySettingsSchema } from '../policy.settings.ts';
import { caseActions, caseStates } from './case-lifecycle.ts';

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
});
export const policyVersionResponse = z.object({ policy: policyVersionSchema });
export const policyVersionListResponse = z.object({
  current: z.number().int(),
  items: z.array(policyVersionSchema),
});
export const policyVersionBody = z.strictObject({ settings: policySettingsSchema });

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
  /** What the customer may do now (actionsFor(state, 'customer')). */
  actions: z.array(z.enum(caseActionNames)),
  timeline: z.array(caseEventSchema.omit({ actor: true }).extend({ actor: z.object({ type: z.string() }) })),
});
export type CustomerCase = z.infer<typeof customerCaseSchema>;

export const openCasesResponse = z.object({ cases: z.array(customerCaseSchema) });
export const customerCaseResponse = z.object({ case: customerCaseSchema });

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

export const adminCaseListQuery = z.strictObject({
  state: z.enum(caseStates).optional(),
  kind: z.enum(claimKinds).optional(),
  cursor: text().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
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
});
export const adminCaseListResponse = z.object({
  items: z.array(adminCaseSummarySchema),
  nextCursor: z.string().nullable(),
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
  /** What staff may do now (actionsFor(state, 'staff')), with each button's words. */
  actions: z.array(z.object({ action: z.enum(caseActionNames), label: z.string() })),
});
export type AdminCaseDetail = z.infer<typeof adminCaseDetailSchema>;
export const adminCaseResponse = z.object({ case: adminCaseDetailSchema });
export const caseIdParams = z.strictObject({ id: z.uuid() });
