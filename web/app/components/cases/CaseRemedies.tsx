/**
 * What a case gave the customer (issue 10 point 5): refunds with their processor status, return-postage
 * reimbursements (AS-GEN-3), coupons (AS-GEN-5) and vouchers (AS-INC-2) with their codes, replacement orders.
 * Shown on the staff case page once there is something to show.
 */
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { caseKeys, getCaseRemedies } from '../../lib/admin-cases-api.ts';
import { formatDateTime, formatUsd } from '../admin/format.ts';
import { Panel } from '../admin/QueryState.tsx';
import { statusLabels } from '../order/order-status.ts';
import { Badge } from '../ui/Badge.tsx';

const kindWords: Record<string, string> = {
  refund: 'Refund',
  return_shipping: 'Return postage reimbursed',
  coupon: 'Coupon',
  voucher: 'Voucher',
  replacement: 'Replacement',
};

export function CaseRemedies({ caseId }: { caseId: string }) {
  const remedies = useQuery({
    queryKey: [...caseKeys.all, 'remedies', caseId],
    queryFn: () => getCaseRemedies(caseId),
  });
  if (!remedies.data || remedies.data.items.length === 0) return null;
  const { orderId, items } = remedies.data;
  return (
    <Panel title="What the case gave">
      <ul className="flex flex-col gap-3 text-sm">
        {items.map((r) => (
          <li key={r.id} className="flex flex-col gap-1">
            <p className="flex flex-wrap items-center gap-2">
              <span className="font-medium">{kindWords[r.kind] ?? r.kind}</span>
              {r.amountCents > 0 ? <span>{formatUsd(r.amountCents)}</span> : null}
              {r.clause ? <Badge tone="neutral">{r.clause}</Badge> : null}
              {r.refund ? (
                <Badge tone={r.refund.status === 'succeeded' ? 'success' : 'warning'}>
                  {r.refund.statusLabel}
                </Badge>
              ) : null}
            </p>
            {r.coupon ? (
              <p>
                Code <code className="font-mono">{r.coupon.code}</code>, valid until{' '}
                {formatDateTime(r.coupon.expiresAt)}
                {r.coupon.redeemedAt ? `, used ${formatDateTime(r.coupon.redeemedAt)}` : ', not used yet'}
              </p>
            ) : null}
            {r.replacementOrder ? (
              <p>
                Order{' '}
                <Link to={`/admin/orders/${r.replacementOrder.id}`} className="underline">
                  {r.replacementOrder.reference}
                </Link>{' '}
                ({statusWords(r.replacementOrder.status)})
                {/* PV-STF-1: a masked case's tracking number arrives empty: it exists, the number is not shown. */}
                {r.replacementOrder.trackingNumber === ''
                  ? ': shipped (tracking number hidden: take the case to read it).'
                  : r.replacementOrder.trackingNumber
                    ? `: shipped, tracking number ${r.replacementOrder.trackingNumber}.`
                    : ': ship it from its order page.'}
              </p>
            ) : null}
            {r.refund?.method === 'bank_transfer' && !r.refund.reference ? (
              <p>
                Owed by bank transfer: record the transfer on{' '}
                <Link to={`/admin/orders/${orderId}`}>the order</Link>.
              </p>
            ) : null}
            <p className="text-xs text-muted">{formatDateTime(r.createdAt)}</p>
          </li>
        ))}
      </ul>
    </Panel>
  );
}

/** An order's status as the order pages name it, in lower case ("paid", "shipped"). */
function statusWords(status: string): string {
  return (statusLabels[status as keyof typeof statusLabels] ?? status).toLowerCase();
}
