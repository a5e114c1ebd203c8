/**
 * Every catalog payload, once: the routes validate and serialise with these, OpenAPI is generated from them,
 * and the web app imports them (and their inferred types) for its client and forms.
 */
import { z } from 'zod';
import { isSameOriginPath, nonPublicUrlReason } from '../shared/public-url.ts';
import { searchText, text } from '../shared/text.ts';
import { wholeNumber } from '../shared/whole-number.ts';

/** Prices above US$100,000 are typing mistakes, not products. */
export const MAX_PRICE_CENTS = 10_000_000;
export const MAX_STOCK = 1_000_000;

/** The same values as the database enums (catalog/schema.ts; a type check in product-rows.ts holds them together). */
export const PRODUCT_CATEGORIES = ['smartphone', 'tablet', 'wearable', 'accessory', 'other'] as const;
export const PRODUCT_STATUSES = ['active', 'draft', 'archived'] as const;

export const productCategorySchema = z.enum(PRODUCT_CATEGORIES);
export const productStatusSchema = z.enum(PRODUCT_STATUSES);
export const productSortSchema = z.enum(['newest', 'price_asc', 'price_desc', 'relevance']);

export type ProductCategory = z.infer<typeof productCategorySchema>;
export type ProductStatus = z.infer<typeof productStatusSchema>;
export type ProductSort = z.infer<typeof productSortSchema>;

const queryBoolean = z.enum(['true', 'false']).transform((v) => v === 'true');
const queryCents = wholeNumber({ min: 0, max: MAX_PRICE_CENTS });

export const slugSchema = z
  .string()
  .min(1)
  .max(80)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'lowercase letters, digits and single hyphens only');

export const imageSchema = z.object({ url: z.string(), alt: z.string() });

// ---------------------------------------------------------------------------------------------------------
// Storefront

export const productListQuerySchema = z
  .object({
    category: productCategorySchema.optional(),
    minPriceCents: queryCents.optional(),
    maxPriceCents: queryCents.optional(),
    clearance: queryBoolean.optional(),
    /** Products the shop puts forward on its home page. */
    featured: queryBoolean.optional(),
    /** Search: each word matches whole (stemmed), as the beginning of a word, or with one typo (search.ts). */
    q: searchText().trim().max(100).optional(),
    /** Default: `relevance` with `q`, otherwise `newest`. */
    sort: productSortSchema.optional(),
    cursor: text().max(300).optional(),
    limit: wholeNumber({ min: 1, max: 60 }).default(24),
  })
  .superRefine((query, ctx) => {
    if (
      query.minPriceCents !== undefined &&
      query.maxPriceCents !== undefined &&
      query.minPriceCents > query.maxPriceCents
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['maxPriceCents'],
        message: 'must be at least minPriceCents',
      });
    }
  });
export type ProductListQuery = z.output<typeof productListQuerySchema>;

export const productListItemSchema = z.object({
  id: z.uuid(),
  slug: z.string(),
  name: z.string(),
  brand: z.string(),
  category: productCategorySchema,
  summary: z.string(),
  priceFromCents: z.number().int(),
  currency: z.literal('USD'),
  clearance: z.boolean(),
  specialWarranty: z.boolean(),
  inStock: z.boolean(),
  image: imageSchema.nullable(),
});
export type ProductListItem = z.infer<typeof productListItemSchema>;

export const productListSchema = z.object({
  items: z.array(productListItemSchema),
  nextCursor: z.string().nullable(),
});
export type ProductList = z.infer<typeof productListSchema>;

export const productSlugParamsSchema = z.object({ slug: text().min(1).max(120) });

export const variantSchema = z.object({
  id: z.uuid(),
  sku: z.string(),
  name: z.string(),
  colour: z.string().nullable(),
  storageGb: z.number().int().nullable(),
  priceCents: z.number().int(),
  stock: z.number().int(),
});
export type Variant = z.infer<typeof variantSchema>;

export const warrantyExclusionSchema = z.object({ clause: z.string(), text: z.string() });

/** What the product page says about the warranty (AS-GEN-6, AS-DEF-1). */
export const warrantySchema = z.object({
  months: z.number().int(),
  /** False when the 1-year warranty does not apply to this product at all (clearance, accessory). */
  covered: z.boolean(),
  excludes: z.array(warrantyExclusionSchema),
  specialTerms: z.string().nullable(),
});
export type Warranty = z.infer<typeof warrantySchema>;

export const productDetailSchema = productListItemSchema.extend({
  description: z.string(),
  featured: z.boolean(),
  variants: z.array(variantSchema),
  images: z.array(imageSchema),
  warranty: warrantySchema,
  /** SH-BATCH-1: the batch-variance note, or null when the product does not carry it. */
  batchVarianceNote: z.string().nullable(),
});
export type ProductDetail = z.infer<typeof productDetailSchema>;

// ---------------------------------------------------------------------------------------------------------
// Back office

export const priceCentsSchema = z.number().int().min(0).max(MAX_PRICE_CENTS);
export const stockSchema = z.number().int().min(0).max(MAX_STOCK);

/** A same-origin path (/media/…) or an https URL; nothing that a browser would run. */
export const imageUrlSchema = text()
  .trim()
  .min(2)
  .max(500)
  .refine((url) => isSameOriginPath(url) || /^https:\/\/[^\s/]+\//.test(url), {
    message: 'must be a path starting with / or an https:// URL',
  })
  // An https URL must be on a public host: no loopback, private, link-local or metadata address.
  .superRefine((url, check) => {
    const reason = url.startsWith('https://') ? nonPublicUrlReason(url) : null;
    if (reason) check.addIssue({ code: 'custom', message: reason });
  });

export const imageInputSchema = z.strictObject({
  url: imageUrlSchema,
  alt: text().trim().min(1).max(200),
});

export const variantInputSchema = z.strictObject({
  sku: text()
    .trim()
    .min(1)
    .max(64)
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'letters, digits, dots, hyphens and underscores only')
    .transform((sku) => sku.toUpperCase()),
  name: text().trim().min(1).max(120),
  colour: text().trim().min(1).max(40).nullable().optional(),
  storageGb: z.number().int().min(1).max(65_536).nullable().optional(),
  priceCents: priceCentsSchema,
  stock: stockSchema,
});
export type VariantInput = z.output<typeof variantInputSchema>;

function rejectDuplicateSkus(variants: ReadonlyArray<{ sku: string }>, ctx: z.RefinementCtx): void {
  const seen = new Set<string>();
  variants.forEach((variant, i) => {
    if (seen.has(variant.sku)) {
      ctx.addIssue({
        code: 'custom',
        path: ['variants', i, 'sku'],
        message: 'appears twice in this product',
      });
    }
    seen.add(variant.sku);
  });
}

const productFields = {
  name: text().trim().min(1).max(120),
  brand: text().trim().min(1).max(60),
  category: productCategorySchema,
  summary: text().trim().min(1).max(300),
  description: text({ multiline: true }).trim().min(1).max(10_000),
  status: productStatusSchema,
  featured: z.boolean(),
  clearance: z.boolean(),
  specialWarranty: z.boolean(),
  specialWarrantyTerms: text({ multiline: true }).trim().min(1).max(2_000).nullable(),
  batchVarianceNote: z.boolean(),
};

export const createProductSchema = z
  .strictObject({
    /** Generated from the name when left out. */
    slug: slugSchema.optional(),
    name: productFields.name,
    brand: productFields.brand,
    category: productFields.category,
    summary: productFields.summary,
    description: productFields.description,
    /** New products start as drafts: nothing reaches the storefront by accident. */
    status: productFields.status.default('draft'),
    featured: productFields.featured.default(false),
    clearance: productFields.clearance.default(false),
    specialWarranty: productFields.specialWarranty.default(false),
    specialWarrantyTerms: productFields.specialWarrantyTerms.optional(),
    batchVarianceNote: productFields.batchVarianceNote.default(true),
    variants: z.array(variantInputSchema).min(1).max(100),
    images: z.array(imageInputSchema).max(20).default([]),
  })
  .superRefine((body, ctx) => {
    if (body.specialWarranty && !body.specialWarrantyTerms) {
      ctx.addIssue({
        code: 'custom',
        path: ['specialWarrantyTerms'],
        message: 'is required when specialWarranty is true',
      });
    }
    rejectDuplicateSkus(body.variants, ctx);
  });
export type CreateProductInput = z.output<typeof createProductSchema>;

export const updateProductSchema = z
  .strictObject({
    slug: slugSchema,
    name: productFields.name,
    brand: productFields.brand,
    category: productFields.category,
    summary: productFields.summary,
    description: productFields.description,
    status: productFields.status,
    featured: productFields.featured,
    clearance: productFields.clearance,
    specialWarranty: productFields.specialWarranty,
    specialWarrantyTerms: productFields.specialWarrantyTerms,
    batchVarianceNote: productFields.batchVarianceNote,
  })
  .partial()
  .refine((body) => Object.keys(body).length > 0, { message: 'change at least one field' });
export type UpdateProductInput = z.output<typeof updateProductSchema>;

export const replaceVariantsSchema = z
  .strictObject({
    /** The whole list, in display order: a known `id` (or, without one, a known SKU) is updated, a new
     * one inserted, and a variant left out is removed. An existing variant's `stock` may be left out, and
     * should be: stock moves with every sale, so it is changed by its own route (a delta), never
     * overwritten by an edit made from a stale screen. A new variant needs it. */
    variants: z
      .array(variantInputSchema.extend({ id: z.uuid().optional(), stock: stockSchema.optional() }))
      .min(1)
      .max(100),
  })
  .superRefine((body, ctx) => rejectDuplicateSkus(body.variants, ctx));
export type ReplaceVariantsInput = z.output<typeof replaceVariantsSchema>;

export const stockChangeSchema = z
  .strictObject({
    /** The new absolute stock. */
    stock: stockSchema.optional(),
    /** A delta (received goods, a recount); the stock never goes below zero. */
    adjust: z
      .number()
      .int()
      .min(-MAX_STOCK)
      .max(MAX_STOCK)
      .refine((n) => n !== 0, 'must not be 0')
      .optional(),
  })
  .superRefine((body, ctx) => {
    if ((body.stock === undefined) === (body.adjust === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['stock'], message: 'give either stock or adjust' });
    }
  });
export type StockChange = z.output<typeof stockChangeSchema>;

export const adminProductListQuerySchema = z.object({
  /** Name, brand, text (as the storefront searches them) or a piece of the name, slug or a SKU. */
  q: searchText().trim().max(100).optional(),
  status: productStatusSchema.optional(),
  category: productCategorySchema.optional(),
  cursor: text().max(300).optional(),
  limit: wholeNumber({ min: 1, max: 100 }).default(50),
});
export type AdminProductListQuery = z.output<typeof adminProductListQuerySchema>;

export const adminProductListItemSchema = z.object({
  id: z.uuid(),
  slug: z.string(),
  name: z.string(),
  brand: z.string(),
  category: productCategorySchema,
  status: productStatusSchema,
  featured: z.boolean(),
  clearance: z.boolean(),
  specialWarranty: z.boolean(),
  priceFromCents: z.number().int(),
  currency: z.literal('USD'),
  variantCount: z.number().int(),
  totalStock: z.number().int(),
  image: imageSchema.nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type AdminProductListItem = z.infer<typeof adminProductListItemSchema>;

export const adminProductListSchema = z.object({
  items: z.array(adminProductListItemSchema),
  nextCursor: z.string().nullable(),
});

export const adminVariantSchema = variantSchema.extend({ position: z.number().int() });
export const adminImageSchema = imageSchema.extend({ id: z.uuid(), position: z.number().int() });
export type AdminImage = z.infer<typeof adminImageSchema>;

export const adminProductSchema = adminProductListItemSchema
  .omit({ image: true, variantCount: true })
  .extend({
    summary: z.string(),
    description: z.string(),
    specialWarrantyTerms: z.string().nullable(),
    batchVarianceNote: z.boolean(),
    variants: z.array(adminVariantSchema),
    images: z.array(adminImageSchema),
  });
export type AdminProduct = z.infer<typeof adminProductSchema>;

export const idParamsSchema = z.object({ id: z.uuid() });
export const imageParamsSchema = z.object({ id: z.uuid(), imageId: z.uuid() });

export const stockResultSchema = z.object({
  id: z.uuid(),
  productId: z.uuid(),
  sku: z.string(),
  stock: z.number().int(),
});
export type StockResult = z.infer<typeof stockResultSchema>;
