/** The product's own fields, shared by the create and edit pages. */
import { PRODUCT_CATEGORIES, PRODUCT_STATUSES } from '../../../../src/catalog/schemas.ts';
import { Input, Textarea } from '../ui/Input.tsx';
import { Select } from '../ui/Select.tsx';
import { Checkbox } from './Checkbox.tsx';
import { humanize } from './format.ts';
import type { DetailsDraft, FieldErrors } from './product-form.ts';

export interface ProductFieldsProps {
  draft: DetailsDraft;
  onChange: (draft: DetailsDraft) => void;
  errors: FieldErrors;
  /** The slug is made from the name on creation; it can be changed afterwards. */
  showSlug?: boolean;
  idPrefix: string;
}

export function ProductFields({ draft, onChange, errors, showSlug = false, idPrefix }: ProductFieldsProps) {
  const text = (name: keyof DetailsDraft) => (event: { target: { value: string } }) =>
    onChange({ ...draft, [name]: event.target.value });
  const flag = (name: keyof DetailsDraft) => (event: { target: { checked: boolean } }) =>
    onChange({ ...draft, [name]: event.target.checked });
  const id = (name: string) => `${idPrefix}-${name}`;

  return (
    <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
      <Input
        id={id('name')}
        label="Name"
        required
        maxLength={120}
        value={draft.name}
        onChange={text('name')}
        error={errors.name}
        fieldClassName="sm:col-span-2"
      />
      {showSlug ? (
        <Input
          id={id('slug')}
          label="Address (slug)"
          hint="Lowercase letters, digits and hyphens: /products/your-slug. Changing it breaks old links."
          maxLength={80}
          value={draft.slug}
          onChange={text('slug')}
          error={errors.slug}
          fieldClassName="sm:col-span-2"
        />
      ) : null}
      <Input
        id={id('brand')}
        label="Brand"
        required
        maxLength={60}
        value={draft.brand}
        onChange={text('brand')}
        error={errors.brand}
      />
      <Select
        id={id('category')}
        label="Category"
        required
        value={draft.category}
        onChange={text('category')}
        error={errors.category}
        options={PRODUCT_CATEGORIES.map((c) => ({ value: c, label: humanize(c) }))}
      />
      <Textarea
        id={id('summary')}
        label="Summary"
        hint="One or two sentences for product cards and search results (300 characters at most)."
        required
        rows={2}
        maxLength={300}
        value={draft.summary}
        onChange={text('summary')}
        error={errors.summary}
        fieldClassName="sm:col-span-2"
      />
      <Textarea
        id={id('description')}
        label="Description"
        required
        rows={7}
        value={draft.description}
        onChange={text('description')}
        error={errors.description}
        fieldClassName="sm:col-span-2"
      />
      <Select
        id={id('status')}
        label="Status"
        hint="Only active products are in the shop."
        required
        value={draft.status}
        onChange={text('status')}
        error={errors.status}
        options={PRODUCT_STATUSES.map((s) => ({ value: s, label: humanize(s) }))}
      />
      <fieldset className="flex flex-col gap-3 sm:col-span-2">
        <legend className="mb-2 font-medium text-gray-900">Flags</legend>
        <Checkbox
          id={id('featured')}
          label="Featured"
          hint="Shown first on the home page."
          checked={draft.featured}
          onChange={flag('featured')}
        />
        <Checkbox
          id={id('clearance')}
          label="Clearance"
          hint="Sold as clearance: the 1-year warranty does not cover it (AS-GEN-6)."
          checked={draft.clearance}
          onChange={flag('clearance')}
        />
        <Checkbox
          id={id('batch')}
          label="Batch note"
          hint="The product page says logo and packaging may vary between batches (SH-BATCH-1)."
          checked={draft.batchVarianceNote}
          onChange={flag('batchVarianceNote')}
        />
        <Checkbox
          id={id('special')}
          label="Special warranty"
          hint="Sold under its own warranty terms instead of the shop’s (AS-DEF-1)."
          checked={draft.specialWarranty}
          onChange={flag('specialWarranty')}
        />
      </fieldset>
      {draft.specialWarranty || errors.specialWarrantyTerms ? (
        <Textarea
          id={id('specialWarrantyTerms')}
          label="Special warranty terms"
          hint="Shown on the product page."
          required={draft.specialWarranty}
          rows={3}
          maxLength={2000}
          value={draft.specialWarrantyTerms}
          onChange={text('specialWarrantyTerms')}
          error={errors.specialWarrantyTerms}
          fieldClassName="sm:col-span-2"
        />
      ) : null}
      {errors.form ? <p className="text-sm font-medium text-red-700 sm:col-span-2">{errors.form}</p> : null}
    </div>
  );
}
