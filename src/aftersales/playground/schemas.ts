/** The policy playground on the wire (issue 11 point 3): a hypothetical claim in, each version's answer out. */
import { z } from 'zod';
import { text } from '../../shared/text.ts';
import { assessmentSchema } from '../cases/schemas.ts';
import { claimInputSchema, claimKinds } from '../claim.schema.ts';

const isoDate = z.iso.datetime({ offset: true });

/** At most two versions side by side; none given means the live one. */
export const MAX_PLAYGROUND_VERSIONS = 2;

export const playgroundAssessBody = z.strictObject({
  /** The claim exactly as `assessClaim` takes it, checked by the engine's own schema. */
  claim: claimInputSchema,
  versions: z
    .array(z.number().int().positive())
    .min(1)
    .max(MAX_PLAYGROUND_VERSIONS)
    .refine((list) => new Set(list).size === list.length, 'lists a version twice')
    .optional(),
});
export type PlaygroundAssessBody = z.infer<typeof playgroundAssessBody>;

export const assessmentWordsSchema = z.object({
  eligible: z.boolean(),
  headline: z.string(),
  offers: z.string().nullable(),
  reasons: z.array(z.object({ clause: z.string(), message: z.string() })),
  evidence: z.array(z.object({ label: z.string(), required: z.boolean() })),
  shipping: z.string().nullable(),
  parts: z.string().nullable(),
  deadline: z.string().nullable(),
});

export const playgroundAnswerSchema = z.object({
  version: z.number().int(),
  /** The version new claims are judged by now. */
  live: z.boolean(),
  createdAt: isoDate,
  /** `assessClaim(claim, settings of this version)`, unchanged. */
  assessment: assessmentSchema,
  /** The same answer in the words the customer's claim page uses. */
  words: assessmentWordsSchema,
  /** The reasons as plain text for a reply to the customer (no clause IDs). */
  explanation: z.string(),
});
export type PlaygroundAnswer = z.infer<typeof playgroundAnswerSchema>;

export const playgroundAssessResponse = z.object({
  liveVersion: z.number().int(),
  answers: z.array(playgroundAnswerSchema),
});
export type PlaygroundAssessResponse = z.infer<typeof playgroundAssessResponse>;

export const playgroundFromOrderQuery = z.strictObject({
  reference: text().trim().toUpperCase().min(1).max(40),
  /** The kind the prefilled claims carry (the form keeps its own; the engine needs one). */
  kind: z.enum(claimKinds).default('dead_on_arrival'),
});

export const playgroundFromOrderResponse = z.object({
  order: z.object({
    reference: z.string(),
    placedAt: isoDate,
    shippedAt: isoDate,
    deliveredAt: isoDate.nullable(),
    deliveryUntraceable: z.boolean(),
  }),
  lines: z.array(
    z.object({
      orderLineId: z.uuid(),
      productName: z.string(),
      variantName: z.string(),
      sku: z.string(),
      /** The engine's input as the customer's claim would be built now, from the order's records. */
      claim: claimInputSchema,
    }),
  ),
});
export type PlaygroundFromOrder = z.infer<typeof playgroundFromOrderResponse>;
