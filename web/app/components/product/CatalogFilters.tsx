import { Form, Link, useSubmit } from 'react-router';
import { Button } from '../ui/Button.tsx';
import { cx } from '../ui/cx.ts';
import { Input } from '../ui/Input.tsx';
import { Select } from '../ui/Select.tsx';
import { CATEGORY_VALUES, type CategoryValue, categoryLabels } from './categories.ts';

export interface CatalogFilterValues {
  category: CategoryValue | null;
  minPrice: string;
  maxPrice: string;
  clearance: boolean;
  sort: string;
}

export type CatalogFilterErrors = Partial<Record<'category' | 'minPrice' | 'maxPrice' | 'sort', string>>;

export const sortOptions = [
  { value: 'newest', label: 'Newest first' },
  { value: 'price_asc', label: 'Price: low to high' },
  { value: 'price_desc', label: 'Price: high to low' },
];

/** `/products?…` with these filters; null and empty values are left out. */
export function catalogHref(values: Record<string, string | boolean | null | undefined>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(values)) {
    if (v === null || v === undefined || v === '' || v === false) continue;
    params.set(k, v === true ? 'true' : v);
  }
  const query = params.toString();
  return query ? `/products?${query}` : '/products';
}

/**
 * Categories as links (crawlable, no JavaScript needed), then a GET form for sort, price range and
 * clearance. With JavaScript the sort and clearance controls apply as soon as they change.
 */
export function CatalogFilters({
  values,
  errors,
}: {
  values: CatalogFilterValues;
  errors: CatalogFilterErrors;
}) {
  const submit = useSubmit();
  const keep = { minPrice: values.minPrice, maxPrice: values.maxPrice, clearance: values.clearance };
  const sort = values.sort === 'newest' ? null : values.sort;
  return (
    <div className="space-y-4">
      <nav aria-label="Categories">
        <ul className="-mx-4 flex gap-2 overflow-x-auto px-4 pb-1 sm:mx-0 sm:flex-wrap sm:px-0">
          {[null, ...CATEGORY_VALUES].map((c) => {
            const current = values.category === c;
            return (
              <li key={c ?? 'all'} className="shrink-0">
                <Link
                  to={catalogHref({ category: c, ...keep, sort })}
                  aria-current={current ? 'page' : undefined}
                  className={cx(
                    'inline-flex min-h-11 items-center rounded-full border px-4 text-sm font-semibold no-underline',
                    current
                      ? 'border-primary bg-primary text-on-primary'
                      : 'border-gray-400 bg-surface text-gray-900 hover:bg-gray-100',
                  )}
                >
                  {c ? categoryLabels[c] : 'All products'}
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>
      {errors.category ? (
        <p className="text-sm font-medium text-red-700" role="alert">
          {errors.category}
        </p>
      ) : null}

      <Form
        method="get"
        action="/products"
        aria-label="Sort and filter"
        // Top-aligned: a message under one price field grows its own cell downwards and leaves the
        // neighbouring labels and boxes where they were. The two controls without a label sit one label
        // height lower on wide screens (1.5rem line + 0.25rem gap) to line up with the boxes.
        className="grid grid-cols-2 items-start gap-3 rounded-xl bg-surface p-4 ring-1 ring-line sm:grid-cols-[14rem_9rem_9rem_auto_auto] sm:justify-start"
      >
        {values.category ? <input type="hidden" name="category" value={values.category} /> : null}
        <Select
          label="Sort by"
          name="sort"
          id="sort"
          defaultValue={values.sort}
          options={sortOptions}
          error={errors.sort}
          fieldClassName="col-span-2 sm:col-span-1"
          onChange={(e) => submit(e.currentTarget.form)}
        />
        <Input
          label="Min price ($)"
          name="minPrice"
          id="minPrice"
          inputMode="decimal"
          autoComplete="off"
          defaultValue={values.minPrice}
          error={errors.minPrice}
          placeholder="0"
        />
        <Input
          label="Max price ($)"
          name="maxPrice"
          id="maxPrice"
          inputMode="decimal"
          autoComplete="off"
          defaultValue={values.maxPrice}
          error={errors.maxPrice}
          placeholder="Any"
        />
        <label className="flex min-h-11 items-center gap-2 font-medium text-gray-900 sm:mt-7">
          <input
            type="checkbox"
            name="clearance"
            value="true"
            defaultChecked={values.clearance}
            className="size-5 accent-primary"
            onChange={(e) => submit(e.currentTarget.form)}
          />
          Clearance only
        </label>
        <Button type="submit" variant="secondary" className="sm:mt-7">
          Apply
        </Button>
      </Form>
    </div>
  );
}
