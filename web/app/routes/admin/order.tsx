/** /admin/orders/:id: one order: lines and totals, customer and address, payment, shipment, timeline, emails. */
import { useQuery } from '@tanstack/react-query';
import { Link, type MetaFunction, useParams } from 'react-router';
import {
  formatDateTime,
  formatUsd,
  humanize,
  mailTemplateLabel,
  orderStatusLabel,
  paymentMethodLabel,
} from '../../components/admin/format.ts';
import { adminMeta } from '../../components/admin/meta.ts';
import { OrderActions } from '../../components/admin/OrderActions.tsx';
import { OrderAssignment } from '../../components/admin/OrderAssignment.tsx';
import { LoadError, Loading, Panel } from '../../components/admin/QueryState.tsx';
import { Refunds } from '../../components/admin/Refunds.tsx';
import { MailStatusBadge, OrderStatusBadge } from '../../components/admin/StatusBadge.tsx';
import { WhoReadThis } from '../../components/admin/WhoReadThis.tsx';
import { eventLabel } from '../../components/order/order-status.ts';
import { Badge, type Tone } from '../../components/ui/Badge.tsx';
import { PageHeader } from '../../components/ui/PageHeader.tsx';
import { Table, TBody, Td, THead, Th, Tr } from '../../components/ui/Table.tsx';
import { type AdminOrderDetail, getOrder, keys } from '../../lib/admin-api.ts';

export const meta: MetaFunction = ({ matches }) => adminMeta(matches, 'Order');

const crumbs = [{ label: 'Orders', to: '/admin/orders' }];

export default function OrderPage() {
  const { id = '' } = useParams();
  const order = useQuery({ queryKey: keys.order(id), queryFn: () => getOrder(id) });

  if (order.isPending) {
    return (
      <>
        <PageHeader title="Order" breadcrumbs={crumbs} />
        <Loading label="Loading the order" />
      </>
    );
  }
  if (order.isError) {
    return (
      <>
        <PageHeader title="Order" breadcrumbs={crumbs} />
        <LoadError error={order.error} what="this order" onRetry={() => order.refetch()} />
      </>
    );
  }
  const o = order.data;
  return (
    <>
      <PageHeader
        title={
          <span className="flex flex-wrap items-center gap-3">
            {o.reference}
            <OrderStatusBadge status={o.status} />
          </span>
        }
        breadcrumbs={crumbs}
        current={o.reference}
        description={`Placed ${formatDateTime(o.placedAt)} by ${o.shippingAddress.name}.`}
        actions={
          <>
            <OrderActions order={o} />
            <WhoReadThis recordType="order" reference={o.reference} />
          </>
        }
      />
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)] lg:items-start">
        <div className="flex flex-col gap-4">
          <Lines order={o} />
          <Timeline order={o} />
        </div>
        <div className="flex flex-col gap-4">
          <OrderAssignment order={o} />
          <Customer order={o} />
          <Shipment order={o} />
          <Payment order={o} />
          <Emails order={o} />
        </div>
      </div>
    </>
  );
}

function Lines({ order }: { order: AdminOrderDetail }) {
  const { totals } = order;
  return (
    <Table caption="Items">
      <THead>
        <Tr>
          <Th>Product</Th>
          <Th numeric>Price</Th>
          <Th numeric>Qty</Th>
          <Th numeric>Total</Th>
        </Tr>
      </THead>
      <TBody>
        {order.lines.map((line) => (
          <Tr key={line.sku}>
            <Td>
              <span className="block font-medium">{line.productName}</span>
              <span className="block text-muted">
                {line.variantName} · <span className="font-mono text-xs">{line.sku}</span>
              </span>
            </Td>
            <Td numeric>{formatUsd(line.unitPriceCents)}</Td>
            <Td numeric>{line.quantity}</Td>
            <Td numeric>{formatUsd(line.lineTotalCents)}</Td>
          </Tr>
        ))}
      </TBody>
      <tfoot className="border-t border-line">
        <Tr>
          <Th scope="row" colSpan={3} className="text-right font-normal">
            Subtotal
          </Th>
          <Td numeric>{formatUsd(totals.subtotalCents)}</Td>
        </Tr>
        {totals.discountCents > 0 ? (
          <Tr>
            <Th scope="row" colSpan={3} className="text-right font-normal">
              Coupon {totals.couponCode}
            </Th>
            <Td numeric>−{formatUsd(totals.discountCents)}</Td>
          </Tr>
        ) : null}
        <Tr>
          <Th scope="row" colSpan={3} className="text-right font-normal">
            Shipping ({order.shippingMethod.name})
          </Th>
          <Td numeric>{formatUsd(totals.shippingCents)}</Td>
        </Tr>
        <Tr>
          <Th scope="row" colSpan={3} className="text-right">
            Total
          </Th>
          <Td numeric className="font-bold">
            {formatUsd(totals.totalCents)}
          </Td>
        </Tr>
      </tfoot>
    </Table>
  );
}

function Customer({ order }: { order: AdminOrderDetail }) {
  const a = order.shippingAddress;
  if (order.personalData === 'masked') {
    // PV-STF-1: the order is not this member's: initials, the email's domain and the country only.
    return (
      <Panel title="Customer">
        <p>
          {order.shippingAddress.name} · {order.email} · {order.shippingAddress.country}
        </p>
        <p className="mt-2 text-sm text-muted">
          {order.assignee ? `Assigned to ${order.assignee.name}` : 'Unassigned'}: customer details hidden
          (PV-STF-1).
        </p>
      </Panel>
    );
  }
  return (
    <Panel title="Customer">
      <p>
        <a href={`mailto:${order.email}`} className="break-all text-primary-ink underline">
          {order.email}
        </a>
      </p>
      <h3 className="mt-3 text-sm font-semibold text-gray-700">Shipping address</h3>
      <address className="not-italic">
        {/* One line each, in the country's order; pre-line keeps them apart without keys. */}
        <span className="block whitespace-pre-line">{order.shippingAddressLines.join('\n')}</span>
        {a.phone ? <span className="block">{a.phone}</span> : null}
      </address>
    </Panel>
  );
}

function Shipment({ order }: { order: AdminOrderDetail }) {
  return (
    <Panel title="Shipment">
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="text-muted">Method</dt>
        <dd>{order.shippingMethod.name}</dd>
        <dt className="text-muted">Carrier</dt>
        <dd>{order.tracking?.carrier ?? '—'}</dd>
        <dt className="text-muted">Tracking</dt>
        {/* PV-STF-1: a masked order's tracking number arrives empty: it exists, the number is not shown. */}
        {order.tracking?.trackingNumber === '' ? (
          <dd className="text-muted">Hidden (take the order to read it)</dd>
        ) : (
          <dd className="break-all font-mono">{order.tracking?.trackingNumber ?? '—'}</dd>
        )}
        <dt className="text-muted">Shipped</dt>
        <dd>{formatDateTime(order.shippedAt)}</dd>
        <dt className="text-muted">Delivered</dt>
        <dd>{order.deliveryUntraceable ? 'Not traceable' : formatDateTime(order.deliveredAt)}</dd>
      </dl>
    </Panel>
  );
}

function Payment({ order }: { order: AdminOrderDetail }) {
  const { payment } = order;
  // Staff's wording of the newest payment; the order-level label is the customer's.
  const current = order.payments[0];
  return (
    <Panel title="Payment">
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="text-muted">Method</dt>
        <dd>{payment.methodLabel}</dd>
        <dt className="text-muted">Status</dt>
        <dd>{current?.statusLabel ?? payment.statusLabel}</dd>
        <dt className="text-muted">Paid</dt>
        <dd>{formatDateTime(order.paidAt)}</dd>
      </dl>
      {payment.instructions ? (
        <p className="mt-3 rounded-lg bg-gray-50 p-3 text-sm">
          Awaiting a transfer of <strong>{formatUsd(payment.instructions.amountCents)}</strong> with reference{' '}
          <strong>{payment.instructions.reference}</strong> to {payment.instructions.accountName} (routing{' '}
          <span className="font-mono">{payment.instructions.routingNumber}</span>, account{' '}
          <span className="font-mono">{payment.instructions.accountNumber}</span>).
        </p>
      ) : null}
      {order.payments.length > 0 ? (
        <ul className="mt-3 divide-y divide-gray-200 border-t border-line text-sm">
          {order.payments.map((p) => (
            <li key={p.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
              <span>
                {p.methodLabel} · {formatDateTime(p.updatedAt)}
                {p.processorReference ? (
                  <span className="block font-mono text-xs text-muted">{p.processorReference}</span>
                ) : null}
              </span>
              <span className="flex items-center gap-2">
                <Badge tone={paymentTone[p.status]}>{p.statusLabel}</Badge>
                <span className="tabular-nums">{formatUsd(p.amountCents)}</span>
              </span>
            </li>
          ))}
        </ul>
      ) : null}
      <Refunds order={order} />
    </Panel>
  );
}

const paymentTone: Record<AdminOrderDetail['payments'][number]['status'], Tone> = {
  pending: 'warning',
  authorized: 'info',
  captured: 'success',
  partially_refunded: 'info',
  refunded: 'neutral',
  failed: 'danger',
  voided: 'neutral',
};

function actorName(actor: AdminOrderDetail['timeline'][number]['actor']): string {
  if (actor.name) return actor.name;
  if (actor.type === 'customer') return 'Customer';
  if (actor.type === 'system') return 'The shop';
  return humanize(actor.type);
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** Timeline data that reads as words: payment codes through their labels, cents as money, ids left out. */
const paymentDetails: Record<string, (v: unknown) => [string, string] | null> = {
  payment: (v) => ['Payment', paymentMethodLabel(String(v))],
  method: (v) => ['Method', paymentMethodLabel(String(v))],
  paymentStatus: () => null,
  refundId: () => null,
  // Older cancellations said only whether a refund was due; the refunds panel now says what happened.
  refundDue: () => null,
  amountCents: (v) => ['Amount', formatUsd(Number(v))],
  // Said in the row's heading (entryLabel).
  reason: () => null,
};

function detailsOf(data: Record<string, unknown> | null): Array<[string, string]> {
  if (!data) return [];
  return Object.entries(data)
    .filter(([, v]) => v !== null && v !== undefined && typeof v !== 'object')
    .flatMap(([k, v]): Array<[string, string]> => {
      // PV-STF-1: a masked order's written reason or note arrives empty: it exists, its text is not shown.
      if (v === '') return [[plainDetail([k, v])[0], 'Hidden (take the order to read it)']];
      const special = paymentDetails[k];
      if (!special) return [plainDetail([k, v])];
      const shown = special(v);
      return shown ? [shown] : [];
    });
}

function plainDetail([k, v]: [string, unknown]): [string, string] {
  return [humanize(k.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()), detailValue(k, v)];
}

/** A timeline detail in words: a payment method by its name, yes/no, instants and amounts as everywhere. */
function detailValue(key: string, value: unknown): string {
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (key === 'payment' && typeof value === 'string') return paymentMethodLabel(value);
  if (key.endsWith('Cents') && typeof value === 'number') return formatUsd(value);
  return typeof value === 'string' && ISO_INSTANT.test(value) ? formatDateTime(value) : String(value);
}

/**
 * A timeline row's heading. An assignment row names the member (or says the order was given back); PV-STF-2:
 * the row written when the member holding the order left says so in words.
 */
function entryLabel(entry: AdminOrderDetail['timeline'][number]): string {
  if (entry.type === 'assigned' && entry.data) {
    const { reason, releasedFrom, assignedTo } = entry.data as {
      reason?: string;
      releasedFrom?: { name?: string };
      assignedTo?: { name?: string } | null;
    };
    if (reason === 'member_left') {
      return `Back to the queue: ${releasedFrom?.name ?? 'the member'} left the shop`;
    }
    return assignedTo?.name ? `Assigned to ${assignedTo.name}` : 'Unassigned';
  }
  return eventLabel(entry.type);
}

function Timeline({ order }: { order: AdminOrderDetail }) {
  // Newest first: what happened last is what staff look for.
  const entries = [...order.timeline].reverse();
  return (
    <Panel title="Timeline">
      {entries.length === 0 ? (
        <p className="text-muted">Nothing recorded yet.</p>
      ) : (
        <ol className="flex flex-col gap-4 border-l-2 border-line pl-4">
          {entries.map((entry) => (
            <li key={`${entry.at}-${entry.type}`} className="relative">
              <span
                aria-hidden="true"
                className="absolute top-1.5 -left-[1.4rem] size-3 rounded-full border-2 border-surface bg-primary"
              />
              <p className="font-medium">
                {entryLabel(entry)}
                {entry.fromStatus && entry.status ? (
                  <span className="font-normal text-muted">
                    {' '}
                    ({orderStatusLabel[entry.fromStatus]} → {orderStatusLabel[entry.status]})
                  </span>
                ) : null}
              </p>
              <p className="text-sm text-muted">
                {formatDateTime(entry.at)} · {actorName(entry.actor)}
              </p>
              {detailsOf(entry.data).length > 0 ? (
                <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3 text-sm">
                  {detailsOf(entry.data).map(([k, v]) => (
                    <div key={k} className="contents">
                      <dt className="text-muted">{k}</dt>
                      <dd className="break-all">{v}</dd>
                    </div>
                  ))}
                </dl>
              ) : null}
            </li>
          ))}
        </ol>
      )}
    </Panel>
  );
}

function Emails({ order }: { order: AdminOrderDetail }) {
  return (
    <Panel
      title="Emails"
      actions={
        <Link
          to={`/admin/mail?orderId=${order.id}`}
          className="text-sm font-semibold text-primary-ink underline"
        >
          In the outbox
        </Link>
      }
    >
      {order.emails.length === 0 ? (
        <p className="text-muted">No emails for this order yet.</p>
      ) : (
        <ul className="divide-y divide-gray-200">
          {order.emails.map((mail) => (
            <li key={mail.id} className="flex items-start justify-between gap-3 py-2">
              <div className="min-w-0">
                <Link to={`/admin/mail/${mail.id}`} className="font-medium text-primary-ink underline">
                  {mail.subject}
                </Link>
                <p className="text-sm text-muted">
                  {mailTemplateLabel(mail.template)} · {formatDateTime(mail.sentAt ?? mail.createdAt)}
                </p>
              </div>
              <MailStatusBadge status={mail.status} />
            </li>
          ))}
        </ul>
      )}
    </Panel>
  );
}
