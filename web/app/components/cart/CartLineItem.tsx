import { Form, Link } from 'react-router';
import { DeviceIcon } from '../icons.tsx';
import { Button } from '../ui/Button.tsx';
import { Input } from '../ui/Input.tsx';
import { Price } from '../ui/Price.tsx';

export interface CartLine {
  variantId: string;
  productSlug: string;
  productName: string;
  variantName: string;
  imageUrl: string | null;
  unitPriceCents: number;
  quantity: number;
  lineTotalCents: number;
  stock: number;
  available: boolean;
}

export interface CartLineItemProps {
  line: CartLine;
  maxQuantity: number;
  /** The value typed into this line's quantity field when the update was refused. */
  typedQuantity?: string;
  error?: string | null;
  busy: boolean;
}

/**
 * One line of the cart with its own two forms: change the quantity (0 removes) and remove. Both post to
 * the cart page's action, so they work before the scripts load.
 */
export function CartLineItem({ line, maxQuantity, typedQuantity, error, busy }: CartLineItemProps) {
  const qtyId = `qty-${line.variantId}`;
  const problem = !line.available
    ? line.stock <= 0
      ? 'Sold out: remove it to check out.'
      : `Only ${line.stock} left: lower the quantity to check out.`
    : null;
  return (
    <li className="flex gap-3 py-5 sm:gap-5">
      <div className="size-20 shrink-0 overflow-hidden rounded-lg bg-gray-50 ring-1 ring-line sm:size-24">
        {line.imageUrl ? (
          <img src={line.imageUrl} alt="" width={96} height={96} className="size-full object-contain" />
        ) : (
          <DeviceIcon className="m-auto size-10 h-full text-gray-400" />
        )}
      </div>
      <div className="flex min-w-0 flex-1 flex-col gap-3">
        <div className="flex flex-wrap items-start justify-between gap-x-4 gap-y-1">
          <div className="min-w-0">
            <h3 className="font-semibold text-gray-900">
              <Link to={`/products/${line.productSlug}`} className="underline-offset-2 hover:underline">
                {line.productName}
              </Link>
            </h3>
            <p className="text-sm text-muted">{line.variantName}</p>
            <p className="text-sm text-muted">
              <Price cents={line.unitPriceCents} className="font-normal" /> each
            </p>
          </div>
          <p className="text-right">
            <span className="sr-only">Line total: </span>
            <Price cents={line.lineTotalCents} className="text-gray-900" />
          </p>
        </div>
        {problem ? <p className="text-sm font-medium text-amber-900">{problem}</p> : null}
        <div className="flex flex-wrap items-end gap-2">
          <Form method="post" className="flex flex-wrap items-end gap-2">
            <input type="hidden" name="variantId" value={line.variantId} />
            <Input
              label={
                <span className="text-sm">
                  Quantity
                  <span className="sr-only">
                    {' '}
                    of {line.productName} ({line.variantName})
                  </span>
                </span>
              }
              id={qtyId}
              name="quantity"
              type="number"
              inputMode="numeric"
              min={0}
              max={maxQuantity}
              defaultValue={typedQuantity ?? String(line.quantity)}
              error={error}
              fieldClassName="w-20"
            />
            <Button type="submit" name="intent" value="update" variant="secondary" disabled={busy}>
              Update<span className="sr-only"> quantity of {line.productName}</span>
            </Button>
          </Form>
          <Form method="post">
            <input type="hidden" name="variantId" value={line.variantId} />
            <Button type="submit" name="intent" value="remove" variant="ghost" disabled={busy}>
              Remove
              <span className="sr-only">
                {' '}
                {line.productName} ({line.variantName})
              </span>
            </Button>
          </Form>
        </div>
      </div>
    </li>
  );
}
