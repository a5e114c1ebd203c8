import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BATCH_VARIANCE_NOTE, batchVarianceNoteOf, warrantyOf } from './warranty.rules.ts';

const phone = {
  category: 'smartphone' as const,
  clearance: false,
  specialWarranty: false,
  specialWarrantyTerms: null,
};

describe('warranty shown on a product page', () => {
  it('AS-GEN-6: a phone is covered for the warranty months, except when opened by the customer', () => {
    const w = warrantyOf(phone);
    assert.equal(w.months, 12);
    assert.equal(w.covered, true);
    assert.ok(w.excludes.some((e) => e.clause === 'AS-GEN-6' && /opened by the customer/.test(e.text)));
    assert.equal(warrantyOf(phone, { warrantyMonths: 24 }).months, 24);
  });

  it('AS-GEN-6: clearance products and accessories are not covered', () => {
    assert.equal(warrantyOf({ ...phone, clearance: true }).covered, false);
    const accessory = warrantyOf({ ...phone, category: 'accessory' });
    assert.equal(accessory.covered, false);
    assert.ok(!accessory.excludes.some((e) => /opened/.test(e.text)));
  });

  it('AS-DEF-1: special warranty terms are shown, and defective returns are excluded', () => {
    const w = warrantyOf({ ...phone, specialWarranty: true, specialWarrantyTerms: 'Serviced by the maker.' });
    assert.equal(w.specialTerms, 'Serviced by the maker.');
    assert.ok(w.excludes.some((e) => e.clause === 'AS-DEF-1'));
    assert.equal(warrantyOf({ ...phone, specialWarrantyTerms: 'stale' }).specialTerms, null);
  });

  it('SH-BATCH-1: the batch-variance note is shown only when the product carries the flag', () => {
    assert.equal(batchVarianceNoteOf(true), BATCH_VARIANCE_NOTE);
    assert.equal(batchVarianceNoteOf(false), null);
  });
});
