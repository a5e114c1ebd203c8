import { cx } from '../ui/cx.ts';
import { Price } from '../ui/Price.tsx';
import { stockText } from './StockNote.tsx';

export interface VariantOption {
  id: string;
  name: string;
  priceCents: number;
  stock: number;
}

export interface VariantPickerProps {
  variants: VariantOption[];
  selectedId: string | null;
  onSelect: (id: string) => void;
  error?: string | null;
}

/**
 * The product's variants (colour, storage, size) as radio buttons named `variantId`: posted as they are by
 * the add-to-cart form, with or without JavaScript. Sold-out variants stay visible but cannot be chosen.
 */
export function VariantPicker({ variants, selectedId, onSelect, error }: VariantPickerProps) {
  const errorId = error ? 'variant-error' : undefined;
  if (variants.length === 1) {
    const [only] = variants as [VariantOption];
    return <input type="hidden" name="variantId" value={only.id} />;
  }
  return (
    <fieldset aria-describedby={errorId}>
      <legend className="font-semibold text-gray-900">Choose a model</legend>
      <div className="mt-2 grid gap-2 sm:grid-cols-2">
        {variants.map((v) => {
          const soldOut = v.stock <= 0;
          return (
            <label
              key={v.id}
              className={cx(
                'flex min-h-14 cursor-pointer items-center gap-3 rounded-lg border bg-surface px-3 py-2',
                'has-checked:border-primary has-checked:ring-2 has-checked:ring-primary',
                soldOut
                  ? 'cursor-not-allowed border-line text-muted'
                  : 'border-gray-400 hover:border-gray-600',
              )}
            >
              <input
                type="radio"
                name="variantId"
                value={v.id}
                checked={selectedId === v.id}
                onChange={() => onSelect(v.id)}
                disabled={soldOut}
                className="size-5 shrink-0 accent-primary"
              />
              <span className="flex min-w-0 flex-1 flex-col">
                <span className={cx('font-medium', soldOut ? 'text-muted' : 'text-gray-900')}>{v.name}</span>
                <span className="flex flex-wrap items-baseline gap-x-2 text-sm">
                  <Price cents={v.priceCents} />
                  <span
                    className={soldOut ? 'text-muted' : v.stock <= 5 ? 'text-amber-900' : 'text-green-800'}
                  >
                    {stockText(v.stock)}
                  </span>
                </span>
              </span>
            </label>
          );
        })}
      </div>
      {error ? (
        <p id={errorId} className="mt-2 text-sm font-medium text-red-700">
          <span aria-hidden="true">! </span>
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
