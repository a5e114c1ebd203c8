import { cx } from '../ui/cx.ts';
import { Price } from '../ui/Price.tsx';

export interface SummaryLine {
  variantId: string;
  productName: string;
  variantName: string;
  quantity: number;
  lineTotalCents: number;
  imageUrl: string | null;
}

export interface SummaryMethod {
  code: string;
  name: string;
  priceCents: number;
}

/**
 * Which shipping row and total show follows the checked shipping radio through CSS `:has` on the checkout's
 * `group/checkout` wrapper: right before the scripts load as well. Ordinary post is the default.
 */
export const shownWhenChecked: Record<string, string> = {
  post: 'flex group-has-[#ship-express:checked]/checkout:hidden',
  express: 'hidden group-has-[#ship-express:checked]/checkout:flex',
};

export function CheckoutSummary({
  lines,
  subtotalCents,
  methods,
  problemVariantId,
  coupon = null,
}: {
  lines: SummaryLine[];
  subtotalCents: number;
  methods: SummaryMethod[];
  problemVariantId?: string | null;
  /** A coupon applied at checkout: its discount comes off the goods. */
  coupon?: { code: string; discountCents: number } | null;
}) {
  const discountCents = coupon?.discountCents ?? 0;
  return (
    <section aria-labelledby="summary-title" className="space-y-4 rounded-xl bg-surface p-5 ring-1 ring-line">
      <h2 id="summary-title" className="text-lg font-semibold text-gray-900">
        Order summary
      </h2>
      <ul className="divide-y divide-gray-200">
        {lines.map((l) => (
          <li
            key={l.variantId}
            className={cx(
              'flex items-start gap-3 py-3',
              problemVariantId === l.variantId && '-mx-2 rounded-lg bg-amber-50 px-2 ring-1 ring-amber-300',
            )}
          >
            <div className="size-12 shrink-0 overflow-hidden rounded-md bg-gray-50 ring-1 ring-line">
              {l.imageUrl ? (
                <img src={l.imageUrl} alt="" width={48} height={48} className="size-full object-contain" />
              ) : null}
            </div>
            <div className="min-w-0 flex-1 text-sm">
              <p className="font-medium text-gray-900">{l.productName}</p>
              <p className="text-muted">
                {l.variantName} · Qty {l.quantity}
              </p>
            </div>
            <Price cents={l.lineTotalCents} className="text-sm" />
          </li>
        ))}
      </ul>
      <dl className="space-y-2 border-t border-line pt-4 text-sm">
        <div className="flex justify-between">
          <dt>Subtotal</dt>
          <dd>
            <Price cents={subtotalCents} />
          </dd>
        </div>
        {coupon ? (
          <div className="flex justify-between text-green-800">
            <dt>Coupon {coupon.code}</dt>
            <dd>
              −<Price cents={discountCents} />
            </dd>
          </div>
        ) : null}
        {methods.map((m) => (
          <div key={m.code} className={cx('justify-between', shownWhenChecked[m.code] ?? 'hidden')}>
            <dt>Shipping ({m.name.toLowerCase()})</dt>
            <dd>{m.priceCents === 0 ? 'Free' : <Price cents={m.priceCents} />}</dd>
          </div>
        ))}
        {methods.map((m) => (
          <div
            key={m.code}
            className={cx(
              'items-baseline justify-between border-t border-line pt-3 text-base',
              shownWhenChecked[m.code] ?? 'hidden',
            )}
          >
            <dt className="font-semibold text-gray-900">Total</dt>
            <dd>
              <Price cents={subtotalCents - discountCents + m.priceCents} className="text-lg text-gray-900" />
            </dd>
          </div>
        ))}
      </dl>
      <p className="text-xs text-muted">All prices in US dollars.</p>
    </section>
  );
}
