import { cx } from '../ui/cx.ts';

const steps = ['placed', 'paid', 'shipped', 'delivered'] as const;
const labels: Record<(typeof steps)[number], string> = {
  placed: 'Placed',
  paid: 'Paid',
  shipped: 'Shipped',
  delivered: 'Delivered',
};

/** Where the order stands on its way: placed → paid → shipped → delivered (completed counts as delivered). */
export function OrderProgress({ status }: { status: string }) {
  const reached = status === 'completed' ? steps.length - 1 : steps.indexOf(status as (typeof steps)[number]);
  return (
    <ol className="grid grid-cols-4 gap-2 text-center text-xs sm:text-sm">
      {steps.map((step, i) => {
        const done = i <= reached;
        return (
          <li key={step} className="flex flex-col items-center gap-1.5">
            <span
              aria-hidden="true"
              className={cx('h-2 w-full rounded-full', done ? 'bg-primary' : 'bg-gray-200')}
            />
            <span className={cx(done ? 'font-semibold text-gray-900' : 'text-muted')}>
              {labels[step]}
              <span className="sr-only">{done ? ' (done)' : ' (not yet)'}</span>
            </span>
          </li>
        );
      })}
    </ol>
  );
}
