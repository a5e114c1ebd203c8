/**
 * The input of the after-sales assessment (see `assessClaim` in policy.ts), as one zod schema that the engine, the API and
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

/**
 * The facts of a claim with every one present: an absent flag is false, no components is an empty list, an
 * undeclared fee is null. The engine reads facts many times; one fixed shape keeps those reads monomorphic
 * whatever subset of optional keys the caller sent.
 */
export interface ClaimFacts {
  misuse: boolean;
  physicalDamage: boolean;
  troubleshootingDone: boolean;
  onlyLogoOrPackagingDiffers: boolean;
  componentsToReplace: readonly ReplaceableComponent[];
  returnShippingFeeCents: number | null;
}

/** A claim that passed the schema, with its instants already read (epoch milliseconds). */
export interface ParsedClaim {
  /** The input as given (unchanged when it was well formed). */
  claim: ClaimInput;
  kind: ClaimKind;
  item: ClaimInput['item'];
  facts: ClaimFacts;
  opened: number;
  shipped: number;
  delivered: number | null;
}

const NO_COMPONENTS: readonly ReplaceableComponent[] = Object.freeze([]);

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
  const facts = claim.facts ?? {};
  return {
    claim,
    kind: claim.kind,
    item: claim.item,
    facts: {
      misuse: facts.misuse ?? false,
      physicalDamage: facts.physicalDamage ?? false,
      troubleshootingDone: facts.troubleshootingDone ?? false,
      onlyLogoOrPackagingDiffers: facts.onlyLogoOrPackagingDiffers ?? false,
      componentsToReplace: facts.componentsToReplace ?? NO_COMPONENTS,
      returnShippingFeeCents: facts.returnShippingFeeCents ?? null,
    },
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

/** An optional boolean read once: 0 absent, 1 false, 2 true, -1 present but not a boolean. */
function optionalBoolean(v: unknown): number {
  return v === undefined ? 0 : v === true ? 2 : v === false ? 1 : -1;
}

/**
 * The fast path: sound, not complete. It accepts only claims the schema accepts; anything unusual (an
 * optional key set to undefined, an exotic object) simply falls back to zod. Unknown keys are caught by
 * counting: every key must be one of the known ones that were checked.
 */
function readWellFormedClaim(raw: unknown): ParsedClaim | null {
  if (!isPlainObject(raw)) return null;
  const kind = raw.kind;
  if (!KINDS.has(kind)) return null;
  const openedAt = raw.openedAt;
  const shippedAt = raw.shippedAt;
  const deliveredAt = raw.deliveredAt;
  const opened = typeof openedAt === 'string' ? parseIsoInstant(openedAt) : Number.NaN;
  const shipped = typeof shippedAt === 'string' ? parseIsoInstant(shippedAt) : Number.NaN;
  const delivered =
    deliveredAt === null ? null : typeof deliveredAt === 'string' ? parseIsoInstant(deliveredAt) : Number.NaN;
  if (Number.isNaN(opened) || Number.isNaN(shipped) || Number.isNaN(delivered)) return null;
  if (opened < shipped || (delivered !== null && (delivered < shipped || opened < delivered))) return null;

  const item = raw.item;
  if (!isPlainObject(item) || ownKeyCount(item) !== 5 || !CATEGORIES.has(item.category)) return null;
  if (!isCents(item.unitPriceCents)) return null;
  if (typeof item.clearance !== 'boolean' || typeof item.specialWarranty !== 'boolean') return null;
  if (typeof item.openedByCustomer !== 'boolean') return null;

  const rawFacts = raw.facts;
  let facts: ClaimFacts;
  if (rawFacts === undefined) {
    facts = {
      misuse: false,
      physicalDamage: false,
      troubleshootingDone: false,
      onlyLogoOrPackagingDiffers: false,
      componentsToReplace: NO_COMPONENTS,
      returnShippingFeeCents: null,
    };
  } else {
    if (!isPlainObject(rawFacts)) return null;
    const m = optionalBoolean(rawFacts.misuse);
    const p = optionalBoolean(rawFacts.physicalDamage);
    const t = optionalBoolean(rawFacts.troubleshootingDone);
    const o = optionalBoolean(rawFacts.onlyLogoOrPackagingDiffers);
    if (m < 0 || p < 0 || t < 0 || o < 0) return null;
    let known = (m > 0 ? 1 : 0) + (p > 0 ? 1 : 0) + (t > 0 ? 1 : 0) + (o > 0 ? 1 : 0);
    const fee = rawFacts.returnShippingFeeCents;
    if (fee !== undefined) {
      if (!isCents(fee)) return null;
      known++;
    }
    const parts = rawFacts.componentsToReplace;
    if (parts !== undefined) {
      if (!Array.isArray(parts) || !isComponentList(parts)) return null;
      known++;
    }
    if (ownKeyCount(rawFacts) !== known) return null;
    facts = {
      misuse: m === 2,
      physicalDamage: p === 2,
      troubleshootingDone: t === 2,
      onlyLogoOrPackagingDiffers: o === 2,
      componentsToReplace: parts === undefined ? NO_COMPONENTS : (parts as ReplaceableComponent[]),
      returnShippingFeeCents: fee === undefined ? null : (fee as number),
    };
  }
  if (ownKeyCount(raw) !== (rawFacts === undefined ? 5 : 6)) return null;
  return {
    claim: raw as ClaimInput,
    kind: kind as ClaimKind,
    item: item as ClaimInput['item'],
    facts,
    opened,
    shipped,
    delivered,
  };
}
