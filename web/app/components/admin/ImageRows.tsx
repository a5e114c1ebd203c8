/** Images of a product being created: an address (a /media/… path or an https URL) and its alt text each. */
import { Button } from '../ui/Button.tsx';
import { Input } from '../ui/Input.tsx';
import { type FieldErrors, type ImageRow, newKey } from './product-form.ts';

export function ImageRows({
  rows,
  onChange,
  errors,
}: {
  rows: ImageRow[];
  onChange: (rows: ImageRow[]) => void;
  errors: FieldErrors;
}) {
  const update = (index: number, patch: Partial<ImageRow>) =>
    onChange(rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  return (
    <div className="flex flex-col gap-3">
      {rows.length === 0 ? <p className="text-muted">No images yet: the shop shows a placeholder.</p> : null}
      {rows.map((row, i) => (
        <fieldset
          key={row.key}
          className="grid gap-3 rounded-lg border border-line bg-gray-50 p-3 sm:grid-cols-[minmax(0,3fr)_minmax(0,2fr)_auto] sm:items-end"
        >
          <legend className="sr-only">{`Image ${i + 1}`}</legend>
          <Input
            id={`new-image-${row.key}-url`}
            label="Image address"
            required
            placeholder="/media/products/… or https://…"
            value={row.url}
            onChange={(e) => update(i, { url: e.target.value })}
            error={errors[`images.${i}.url`]}
          />
          <Input
            id={`new-image-${row.key}-alt`}
            label="Description (alt text)"
            required
            maxLength={200}
            value={row.alt}
            onChange={(e) => update(i, { alt: e.target.value })}
            error={errors[`images.${i}.alt`]}
          />
          <Button variant="ghost" size="sm" onClick={() => onChange(rows.filter((_, j) => j !== i))}>
            Remove<span className="sr-only"> image {i + 1}</span>
          </Button>
        </fieldset>
      ))}
      <div>
        <Button
          variant="secondary"
          size="sm"
          onClick={() => onChange([...rows, { key: newKey('image'), url: '', alt: '' }])}
        >
          + Add an image by address
        </Button>
      </div>
    </div>
  );
}
