import { formatUsd } from '../../../../src/shared/money.ts';
import { cx } from './cx.ts';

export interface PriceProps {
  /** Integer cents, as every amount in the shop. */
  cents: number;
  /** The earlier price, shown struck through when higher than `cents`. */
  compareAtCents?: number | null;
  /** "from $…" for products whose variants differ in price. */
  from?: boolean;
  className?: string;
}

/** US dollars, en-US, formatted by the same helper as the server's emails and policy text. */
export function Price({ cents, compareAtCents, from = false, className }: PriceProps) {
  const reduced = compareAtCents != null && compareAtCents > cents;
  return (
    <span className={cx('inline-flex flex-wrap items-baseline gap-x-2 tabular-nums', className)}>
      <span className={cx('font-semibold', reduced && 'text-red-800')}>
        {from ? <span className="font-normal text-muted">from </span> : null}
        {formatUsd(cents)}
      </span>
      {reduced ? (
        <s className="text-sm text-muted">
          <span className="sr-only">was </span>
          {formatUsd(compareAtCents)}
        </s>
      ) : null}
    </span>
  );
}
