/**
 * The input of the after-sales assessment (SPEC section 4), as one zod schema that the engine, the API and
 * the web forms share. Anything outside it is refused with `InvalidClaimError` naming the field: the engine
 * never guesses a missing value.
 */
import { z } from 'zod';
import { AppError } from '../shared/errors.ts';
import { parseIsoInstant } from '../shared/time.ts';

export const claimKinds = ['dead_on_arrival', 'defective', 'incorrect_item', 'change_of_mind'] as const;
export const productCategories = ['smartphone', 'tablet', 'wearable', 'accessory', 'other'] as const;
export const replaceableComponents = ['screen', 'battery', 'motherboard'] as const;
export const resolutions = [
  'troubleshoot',
  'repair',
  'replacement',
  'refund',
  'coupon',
  'keep_with_voucher',
] as const;
export const evidenceKinds = [
  'package_front',
  'package_back',
  'item_media',
  'malfunction_media',
  'defect_media',
  'shipment_slip',
  'postage_receipt',
] as const;

export type ClaimKind = (typeof claimKinds)[number];
export type ProductCategory = (typeof productCategories)[number];
export type Resolution = (typeof resolutions)[number];
export type EvidenceKind = (typeof evidenceKinds)[number];
export type ReplaceableComponent = (typeof replaceableComponents)[number];

const instant = z.iso.datetime({ offset: true, error: 'must be an ISO 8601 date-time with a time zone' });
const cents = z
  .number({ error: 'must be a whole number of cents' })
  .int('must be a whole number of cents')
  .nonnegative('must not be negative');

export const claimItemSchema = z.strictObject({
  category: z.enum(productCategories),
  unitPriceCents: cents,
  clearance: z.boolean(),
  specialWarranty: z.boolean(),
  openedByCustomer: z.boolean(),
});

export const claimFactsSchema = z.strictObject({
  misuse: z.boolean().optional(),
  physicalDamage: z.boolean().optional(),
  troubleshootingDone: z.boolean().optional(),
  onlyLogoOrPackagingDiffers: z.boolean().optional(),
  componentsToReplace: z
    .array(z.enum(replaceableComponents))
    .refine((list) => new Set(list).size === list.length, 'lists a component twice')
    .optional(),
  returnShippingFeeCents: cents.optional(),
});

export const claimInputSchema = z
  .strictObject({
    kind: z.enum(claimKinds),
    openedAt: instant,
    shippedAt: instant,
    deliveredAt: instant.nullable(),
    item: claimItemSchema,
    facts: claimFactsSchema.optional(),
  })
  .superRefine((claim, ctx) => {
    const opened = parseIsoInstant(claim.openedAt);
    const shipped = parseIsoInstant(claim.shippedAt);
    if (claim.deliveredAt !== null) {
      const delivered = parseIsoInstant(claim.deliveredAt);
      if (delivered < shipped) {
        ctx.addIssue({ code: 'custom', path: ['deliveredAt'], message: 'is before shippedAt' });
      } else if (opened < delivered) {
        ctx.addIssue({ code: 'custom', path: ['openedAt'], message: 'is before deliveredAt' });
      }
    }
    if (opened < shipped) {
      ctx.addIssue({ code: 'custom', path: ['openedAt'], message: 'is before shippedAt' });
    }
  });

export type ClaimInput = z.infer<typeof claimInputSchema>;

export interface InvalidClaimIssue {
  field: string;
  message: string;
}

/** The claim does not fit the schema. `field` is the dotted path of the first offending value. */
export class InvalidClaimError extends AppError {
  readonly issues: readonly InvalidClaimIssue[];

  constructor(issues: readonly InvalidClaimIssue[]) {
    const first = issues[0] ?? { field: '', message: 'invalid claim' };
    super('validation_failed', `Invalid claim: ${first.field || 'input'} ${first.message}`, {
      field: first.field,
    });
    this.issues = issues;
  }
}

export function issuesOf(error: z.ZodError): InvalidClaimIssue[] {
  return error.issues.flatMap((issue) =>
    // An unknown key is reported on its parent object; name the key itself.
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({ field: [...issue.path, key].join('.'), message: 'is not a known field' }))
      : [{ field: issue.path.join('.'), message: issue.message }],
  );
}

/** A claim that passed the schema, with its instants already read (epoch milliseconds). */
export interface ParsedClaim {
  claim: ClaimInput;
  opened: number;
  shipped: number;
  delivered: number | null;
}

/**
 * Parses an untrusted claim or throws `InvalidClaimError`.
 *
 * The engine runs in bulk (queues, re-assessments, the benchmark's million a second), so well-formed input
 * takes a hand-written check that accepts exactly what `claimInputSchema` accepts (a property test holds
 * the two together); anything it refuses goes through zod, which names the field.
 */
export function parseClaim(raw: unknown): ParsedClaim {
  const fast = readWellFormedClaim(raw);
  if (fast) return fast;
  const result = claimInputSchema.safeParse(raw);
  if (!result.success) throw new InvalidClaimError(issuesOf(result.error));
  const claim = result.data;
  return {
    claim,
    opened: parseIsoInstant(claim.openedAt),
    shipped: parseIsoInstant(claim.shippedAt),
    delivered: claim.deliveredAt === null ? null : parseIsoInstant(claim.deliveredAt),
  };
}

export function parseClaimInput(raw: unknown): ClaimInput {
  return parseClaim(raw).claim;
}

const KINDS: ReadonlySet<unknown> = new Set(claimKinds);
const CATEGORIES: ReadonlySet<unknown> = new Set(productCategories);
const COMPONENTS: ReadonlySet<unknown> = new Set(replaceableComponents);

function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

function ownKeyCount(v: object): number {
  let n = 0;
  for (const _ in v) n++;
  return n;
}

function isCents(v: unknown): boolean {
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
}

/** Known components, each at most once (so at most three). */
function isComponentList(parts: unknown[]): boolean {
  if (parts.length > replaceableComponents.length) return false;
  for (let i = 0; i < parts.length; i++) {
    if (!COMPONENTS.has(parts[i])) return false;
    for (let j = 0; j < i; j++) if (parts[j] === parts[i]) return false;
  }
  return true;
}

/** Counts a present optional boolean; -1 when the value is there but not a boolean. */
function optionalBoolean(v: unknown): number {
  return v === undefined ? 0 : typeof v === 'boolean' ? 1 : -1;
}

/**
 * The fast path: sound, not complete. It accepts only claims the schema accepts and returns them unchanged;
 * anything unusual (an optional key set to undefined, an exotic object) simply falls back to zod. Unknown
 * keys are caught by counting: every key must be one of the known ones that were checked.
 */
function readWellFormedClaim(raw: unknown): ParsedClaim | null {
  if (!isPlainObject(raw) || !KINDS.has(raw.kind)) return null;
  const opened = typeof raw.openedAt === 'string' ? parseIsoInstant(raw.openedAt) : Number.NaN;
  const shipped = typeof raw.shippedAt === 'string' ? parseIsoInstant(raw.shippedAt) : Number.NaN;
  const delivered =
    raw.deliveredAt === null
      ? null
      : typeof raw.deliveredAt === 'string'
        ? parseIsoInstant(raw.deliveredAt)
        : Number.NaN;
  if (Number.isNaN(opened) || Number.isNaN(shipped) || Number.isNaN(delivered)) return null;
  if (opened < shipped || (delivered !== null && (delivered < shipped || opened < delivered))) return null;

  const item = raw.item;
  if (!isPlainObject(item) || ownKeyCount(item) !== 5 || !CATEGORIES.has(item.category)) return null;
  if (!isCents(item.unitPriceCents)) return null;
  if (typeof item.clearance !== 'boolean' || typeof item.specialWarranty !== 'boolean') return null;
  if (typeof item.openedByCustomer !== 'boolean') return null;

  const facts = raw.facts;
  if (facts !== undefined) {
    if (!isPlainObject(facts)) return null;
    const m = optionalBoolean(facts.misuse);
    const p = optionalBoolean(facts.physicalDamage);
    const t = optionalBoolean(facts.troubleshootingDone);
    const o = optionalBoolean(facts.onlyLogoOrPackagingDiffers);
    if (m < 0 || p < 0 || t < 0 || o < 0) return null;
    let known = m + p + t + o;
    if (facts.returnShippingFeeCents !== undefined) {
      if (!isCents(facts.returnShippingFeeCents)) return null;
      known++;
    }
    const parts = facts.componentsToReplace;
    if (parts !== undefined) {
      if (!Array.isArray(parts) || !isComponentList(parts)) return null;
      known++;
    }
    if (ownKeyCount(facts) !== known) return null;
  }
  if (ownKeyCount(raw) !== (facts === undefined ? 5 : 6)) return null;
  return { claim: raw as ClaimInput, opened, shipped, delivered };
}
