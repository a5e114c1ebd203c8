/**
 * The product forms' state (strings, as typed) and its conversion to the API's bodies. Validation runs the
 * same zod schemas as the server, so every problem is shown at once, at its field, with the same paths
 * (`variants.0.priceCents`) the API would name in its answer.
 */
import type { z } from 'zod';
import type { AdminProduct, ProductCategory, ProductStatus } from '../../lib/admin-api.ts';
import { labelOfKey, messageForField } from '../ui/field-message.ts';
import { centsToDollars, dollarsToCents } from './format.ts';

export type FieldErrors = Record<string, string>;

export interface DetailsDraft {
  name: string;
  slug: string;
  brand: string;
  category: ProductCategory;
  summary: string;
  description: string;
  status: ProductStatus;
  featured: boolean;
  clearance: boolean;
  specialWarranty: boolean;
  specialWarrantyTerms: string;
  batchVarianceNote: boolean;
}

export interface VariantRow {
  /** React's key: the variant id, or a made-up one for a new row. */
  key: string;
  id?: string;
  sku: string;
  name: string;
  colour: string;
  storageGb: string;
  price: string;
  stock: string;
}

export interface ImageRow {
  key: string;
  url: string;
  alt: string;
}

let counter = 0;
export function newKey(prefix: string): string {
  counter += 1;
  return `${prefix}-${counter}`;
}

export const emptyDetails = (): DetailsDraft => ({
  name: '',
  slug: '',
  brand: '',
  category: 'smartphone',
  summary: '',
  description: '',
  status: 'draft',
  featured: false,
  clearance: false,
  specialWarranty: false,
  specialWarrantyTerms: '',
  batchVarianceNote: true,
});

export const emptyVariant = (): VariantRow => ({
  key: newKey('variant'),
  sku: '',
  name: '',
  colour: '',
  storageGb: '',
  price: '',
  stock: '0',
});

export function detailsOf(product: AdminProduct): DetailsDraft {
  return {
    name: product.name,
    slug: product.slug,
    brand: product.brand,
    category: product.category,
    summary: product.summary,
    description: product.description,
    status: product.status,
    featured: product.featured,
    clearance: product.clearance,
    specialWarranty: product.specialWarranty,
    specialWarrantyTerms: product.specialWarrantyTerms ?? '',
    batchVarianceNote: product.batchVarianceNote,
  };
}

export function variantRowsOf(product: AdminProduct): VariantRow[] {
  return product.variants.map((v) => ({
    key: v.id,
    id: v.id,
    sku: v.sku,
    name: v.name,
    colour: v.colour ?? '',
    storageGb: v.storageGb === null ? '' : String(v.storageGb),
    price: centsToDollars(v.priceCents),
    stock: String(v.stock),
  }));
}

/** The details as the API takes them (empty terms are "none"). */
export function detailsBody(draft: DetailsDraft) {
  return {
    name: draft.name,
    slug: draft.slug.trim() || undefined,
    brand: draft.brand,
    category: draft.category,
    summary: draft.summary,
    description: draft.description,
    status: draft.status,
    featured: draft.featured,
    clearance: draft.clearance,
    specialWarranty: draft.specialWarranty,
    specialWarrantyTerms: draft.specialWarrantyTerms.trim() || null,
    batchVarianceNote: draft.batchVarianceNote,
  };
}

/** Variant rows → the API's variant inputs; amounts that are not amounts become field errors. */
export function variantsBody(rows: VariantRow[]): {
  variants: Array<{
    id?: string;
    sku: string;
    name: string;
    colour: string | null;
    storageGb: number | null;
    priceCents: number;
    stock: number;
  }>;
  errors: FieldErrors;
} {
  const errors: FieldErrors = {};
  const variants = rows.map((row, i) => {
    const priceCents = dollarsToCents(row.price);
    if (priceCents === null) {
      errors[`variants.${i}.priceCents`] = row.price.trim()
        ? 'Enter the price as an amount in US dollars, such as 499.00'
        : 'Enter the price, such as 499.00';
    }
    const stock = wholeNumber(row.stock);
    if (stock === null) errors[`variants.${i}.stock`] = 'Enter the stock as a whole number, such as 12';
    const storage = row.storageGb.trim() ? wholeNumber(row.storageGb) : null;
    if (row.storageGb.trim() && storage === null)
      errors[`variants.${i}.storageGb`] = 'Enter the storage as a whole number of GB, such as 256';
    return {
      ...(row.id ? { id: row.id } : {}),
      sku: row.sku,
      name: row.name,
      colour: row.colour.trim() || null,
      storageGb: storage,
      priceCents: priceCents ?? 0,
      stock: stock ?? 0,
    };
  });
  return { variants, errors };
}

function wholeNumber(text: string): number | null {
  return /^\s*\d+\s*$/.test(text) ? Number(text) : null;
}

/** The labels the product forms show, by the API's key: messages name a field as the person sees it. */
const productLabels: Record<string, string> = {
  name: 'Name',
  slug: 'Address (slug)',
  brand: 'Brand',
  category: 'Category',
  summary: 'Summary',
  description: 'Description',
  status: 'Status',
  batchVarianceNote: 'Batch note',
  specialWarrantyTerms: 'Special warranty terms',
  sku: 'SKU',
  colour: 'Colour',
  storageGb: 'Storage (GB)',
  priceCents: 'Price',
  stock: 'Stock',
  variants: 'Variants',
  images: 'Images',
  url: 'Image address',
  alt: 'Description (alt text)',
};

/** The label of an API key such as `variants.0.sku` ("SKU"). */
export function productLabel(path: string): string {
  const key =
    path
      .split('.')
      .filter((part) => !/^\d+$/.test(part))
      .pop() ?? path;
  return productLabels[key] ?? labelOfKey(path);
}

/** zod's issues, one message per field path, in sentences that name the field by its label. */
export function zodFieldErrors(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const path = issue.path.join('.') || 'form';
    if (errors[path]) continue;
    errors[path] = friendly(issue, productLabel(path));
  }
  return errors;
}

function friendly(issue: z.core.$ZodIssue, label: string): string {
  const field = label.toLowerCase();
  if (issue.code === 'too_small' && issue.origin === 'string' && Number(issue.minimum) <= 1)
    return `Enter the ${field}`;
  if (issue.code === 'too_small' && issue.origin === 'array') return `Add at least ${issue.minimum} ${field}`;
  if (issue.code === 'too_big' && issue.origin === 'string')
    return `Shorten the ${field} to at most ${issue.maximum} characters`;
  if (issue.code === 'too_big' && issue.origin === 'number')
    return `${label} can be at most ${issue.maximum}`;
  if (issue.code === 'too_small' && issue.origin === 'number')
    return `${label} must be at least ${issue.minimum}`;
  return messageForField(issue.message, null, label);
}
