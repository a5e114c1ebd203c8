/**
 * The variant list of a product: one block per variant (SKU, name, colour, storage, price in dollars, stock),
 * add and remove. Prices are typed in dollars and sent as integer cents.
 */
import { Button } from '../ui/Button.tsx';
import { Input } from '../ui/Input.tsx';
import { emptyVariant, type FieldErrors, type VariantRow } from './product-form.ts';

export interface VariantsEditorProps {
  rows: VariantRow[];
  onChange: (rows: VariantRow[]) => void;
  errors: FieldErrors;
  idPrefix: string;
  /**
   * Existing variants' stock is changed with "Adjust stock" (a delta, safe while orders come in); the list
   * sets it only for new variants.
   */
  lockExistingStock?: boolean;
}

export function VariantsEditor({
  rows,
  onChange,
  errors,
  idPrefix,
  lockExistingStock = false,
}: VariantsEditorProps) {
  function update(index: number, patch: Partial<VariantRow>) {
    onChange(rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  }
  const field = (index: number, name: keyof VariantRow) => (event: { target: { value: string } }) =>
    update(index, { [name]: event.target.value });

  return (
    <div className="flex flex-col gap-3">
      {errors.variants ? <p className="text-sm font-medium text-red-700">{errors.variants}</p> : null}
      {rows.map((row, i) => {
        const err = (name: string) => errors[`variants.${i}.${name}`];
        const id = (name: string) => `${idPrefix}-${row.key}-${name}`;
        const label = row.name.trim() || row.sku.trim() || `Variant ${i + 1}`;
        return (
          <fieldset key={row.key} className="rounded-lg border border-line bg-gray-50 p-3 sm:p-4">
            <legend className="sr-only">{`Variant ${i + 1}`}</legend>
            <div className="mb-3 flex items-center justify-between gap-2">
              <p aria-hidden="true" className="font-semibold text-gray-900">
                {label}
                {row.id ? null : <span className="ml-2 text-sm font-normal text-muted">new</span>}
              </p>
              <Button
                variant="ghost"
                size="sm"
                disabled={rows.length === 1}
                onClick={() => onChange(rows.filter((_, j) => j !== i))}
              >
                Remove<span className="sr-only"> variant {i + 1}</span>
              </Button>
            </div>
            <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-6">
              <Input
                id={id('sku')}
                label="SKU"
                required
                maxLength={64}
                autoCapitalize="characters"
                value={row.sku}
                onChange={field(i, 'sku')}
                error={err('sku') ?? err('id')}
                fieldClassName="lg:col-span-2"
                className="font-mono"
              />
              <Input
                id={id('name')}
                label="Variant name"
                required
                maxLength={120}
                value={row.name}
                onChange={field(i, 'name')}
                error={err('name')}
                placeholder="128 GB, black"
                fieldClassName="lg:col-span-4"
              />
              <Input
                id={id('colour')}
                label="Colour"
                maxLength={40}
                value={row.colour}
                onChange={field(i, 'colour')}
                error={err('colour')}
                fieldClassName="lg:col-span-2"
              />
              <Input
                id={id('storage')}
                label="Storage (GB)"
                inputMode="numeric"
                value={row.storageGb}
                onChange={field(i, 'storageGb')}
                error={err('storageGb')}
                fieldClassName="lg:col-span-1"
              />
              <Input
                id={id('price')}
                label="Price ($)"
                required
                inputMode="decimal"
                placeholder="499.00"
                value={row.price}
                onChange={field(i, 'price')}
                error={err('priceCents')}
                fieldClassName="lg:col-span-2"
              />
              <Input
                id={id('stock')}
                label="Stock"
                required
                inputMode="numeric"
                value={row.stock}
                readOnly={lockExistingStock && Boolean(row.id)}
                onChange={field(i, 'stock')}
                error={err('stock')}
                fieldClassName="lg:col-span-1"
                className={lockExistingStock && row.id ? 'bg-gray-100' : undefined}
              />
            </div>
          </fieldset>
        );
      })}
      <div>
        <Button variant="secondary" size="sm" onClick={() => onChange([...rows, emptyVariant()])}>
          + Add a variant
        </Button>
      </div>
    </div>
  );
}
