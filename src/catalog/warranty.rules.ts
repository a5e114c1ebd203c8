/**
 * What a product page says about the warranty, from the product's flags alone (no I/O). The after-sales
 * engine (aftersales/policy.ts) decides claims; this only tells the customer beforehand, with the same
 * clauses and the same settings.
 */
import { defaultPolicySettings, type PolicySettings } from '../aftersales/policy.settings.ts';
import type { ProductCategory, Warranty } from './schemas.ts';

/** SH-BATCH-1 (see AS-INC-4). */
export const BATCH_VARIANCE_NOTE =
  'Logo and packaging may vary between batches; functions and appearance match the description.';

export interface WarrantyFacts {
  category: ProductCategory;
  clearance: boolean;
  specialWarranty: boolean;
  specialWarrantyTerms: string | null;
}

export function warrantyOf(
  product: WarrantyFacts,
  settings: Pick<PolicySettings, 'warrantyMonths'> = defaultPolicySettings,
): Warranty {
  const months = settings.warrantyMonths;
  const excludes: Warranty['excludes'] = [
    { clause: 'AS-GEN-6', text: 'Man-made issues: misuse, accidental or physical damage.' },
  ];
  if (product.clearance) {
    excludes.push({
      clause: 'AS-GEN-6',
      text: `This is a clearance product: the ${months}-month warranty does not cover it.`,
    });
  }
  if (product.category === 'accessory') {
    excludes.push({
      clause: 'AS-GEN-6',
      text: `Accessories are not covered by the ${months}-month warranty.`,
    });
  }
  if (product.category === 'smartphone' || product.category === 'tablet') {
    excludes.push({
      clause: 'AS-GEN-6',
      text: `A ${product.category} that has been opened by the customer is no longer covered.`,
    });
  }
  if (product.specialWarranty) {
    excludes.push({
      clause: 'AS-DEF-1',
      text: 'Sold under special warranty terms: defective-item returns to the shop do not apply; the special terms do.',
    });
  }
  return {
    months,
    covered: !product.clearance && product.category !== 'accessory',
    excludes,
    specialTerms: product.specialWarranty ? product.specialWarrantyTerms : null,
  };
}

export function batchVarianceNoteOf(flag: boolean): string | null {
  return flag ? BATCH_VARIANCE_NOTE : null;
}
