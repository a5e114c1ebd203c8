import { type ReactNode, useEffect } from 'react';
import {
  data,
  isRouteErrorResponse,
  Link,
  type LoaderFunctionArgs,
  type MetaFunction,
  useLoaderData,
  useRouteError,
} from 'react-router';
import { clearSavedCheckoutForm } from '../components/checkout/saved-form.ts';
import { caseStateWords } from '../components/claim/case-words.ts';
import { kindChoices } from '../components/claim/claim-form.ts';
import { OrderProgress } from '../components/order/OrderProgress.tsx';
import { eventLabel, statusLabels } from '../components/order/order-status.ts';
import { Badge, type Tone } from '../components/ui/Badge.tsx';
import { ButtonLink } from '../components/ui/Button.tsx';
import { Notice } from '../components/ui/Notice.tsx';
import { PageHeader } from '../components/ui/PageHeader.tsx';
import { Price } from '../components/ui/Price.tsx';
import { Table, TBody, Td, THead, Th, Tr } from '../components/ui/Table.tsx';
import { Timeline } from '../components/ui/Timeline.tsx';
import { casePagePath, claimPagePath, isOpenCase, orderCases } from '../lib/claims.server.ts';
import { pageMeta } from '../lib/meta.ts';
import { formatDate, formatDateTime, isNotFound, orderByLink } from '../lib/orders.server.ts';
import { currentPolicySettings } from '../lib/policy.server.ts';

/** The order behind a signed link (the emails' link and checkout's redirect); anything else is a 404. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const params = new URL(request.url).searchParams;
  const token = params.get('token') ?? '';
  if (!token) throw data(null, { status: 404, statusText: 'Not Found' });
  const order = await orderByLink(context.ctx, token).catch((error: unknown) => {
    if (isNotFound(error)) throw data(null, { status: 404, statusText: 'Not Found' });
    throw error;
  });
  const policy = await currentPolicySettings(context.ctx);
  const { cases, questions } = await orderCases(context.ctx, token);
  return {
    order,
    // A problem can be reported once the items are in the customer's hands (issue 10 point 1).
    claimHref:
      order.shippedAt && (order.deliveredAt || order.deliveryUntraceable) ? claimPagePath(token) : null,
    cases: cases.map((c) => ({
      reference: c.reference,
      href: casePagePath(token, c.reference),
      item: `${c.productName} (${c.variantName})`,
      kind: kindChoices.find((k) => k.kind === c.kind)?.label ?? c.kind,
      state: caseStateWords(c.state).title,
      open: isOpenCase(c.state),
      openedOn: formatDate(c.openedAt),
    })),
    // Questions sent instead of a claim, with customer service's answer once given (issue 10 point 1).
    questions: questions.map((q) => ({
      id: q.id,
      item: q.productName,
      kind: kindChoices.find((k) => k.kind === q.kind)?.label ?? q.kind,
      body: q.body,
      askedOn: formatDateTime(q.createdAt),
      answer: q.answer ? { body: q.answer.body, on: formatDateTime(q.answer.answeredAt) } : null,
    })),
    justPlaced: params.get('placed') === '1',
    placedOn: formatDate(order.placedAt),
    shippedOn: order.shippedAt ? formatDate(order.shippedAt) : null,
    deliveredOn: order.deliveredAt ? formatDate(order.deliveredAt) : null,
    timeline: order.timeline.map((e, i) => ({
      key: `${i}-${e.type}`,
      type: e.type,
      label: eventLabel(e.type),
      when: formatDateTime(e.at),
    })),
    doaDays: policy.doaDaysAfterDelivery,
    doaDaysUntraceable: policy.doaDaysAfterShipmentUntraceable,
  };
}

export const meta: MetaFunction<typeof loader> = ({ matches, data: d }) => [
  ...pageMeta(
    matches,
    d ? `Order ${d.order.reference}` : 'Order',
    'The status, shipment, timeline and details of your order.',
  ),
  // A capability page: whoever has the link sees the order. Never indexed, never followed, and no canonical
  // or Open Graph address, so the link's token is not copied into previews.
  { name: 'robots', content: 'noindex, nofollow' },
];

const statusTones: Record<string, Tone> = {
  placed: 'info',
  paid: 'info',
  shipped: 'primary',
  delivered: 'success',
  completed: 'success',
  cancelled: 'neutral',
};

export default function OrderPage() {
  const d = useLoaderData<typeof loader>();
  // The order is placed: what checkout kept of the form in this tab is no longer needed.
  useEffect(() => {
    if (d.justPlaced) clearSavedCheckoutForm();
  }, [d.justPlaced]);
  const { order } = d;
  const address = order.shippingAddress;
  const awaitingTransfer = order.payment.instructions;
  return (
    <>
      <PageHeader
        title={`Order ${order.reference}`}
        description={`Placed on ${d.placedOn} · ${order.email}`}
        breadcrumbs={[{ label: 'Home', to: '/' }]}
      />
      <div className="space-y-6">
        {d.justPlaced ? (
          <Notice tone="success" title="Thank you: your order is placed">
            We sent the confirmation to {order.email}. Keep this page’s address, or the email’s link, to
            follow your order.
          </Notice>
        ) : null}

        <section
          aria-labelledby="status-title"
          className="space-y-4 rounded-xl bg-surface p-5 ring-1 ring-line sm:p-6"
        >
          <div className="flex flex-wrap items-center gap-3">
            <h2 id="status-title" className="text-lg font-semibold text-gray-900">
              Status
            </h2>
            <Badge tone={statusTones[order.status] ?? 'neutral'} className="text-sm">
              {statusLabels[order.status]}
            </Badge>
          </div>
          <p className="text-gray-800">{statusSentence(d)}</p>
          {order.status !== 'cancelled' ? <OrderProgress status={order.status} /> : null}
        </section>

        {awaitingTransfer ? (
          <section
            aria-labelledby="transfer-title"
            className="space-y-3 rounded-xl bg-amber-50 p-5 ring-1 ring-amber-300 sm:p-6"
          >
            <h2 id="transfer-title" className="text-lg font-semibold text-amber-950">
              Pay by bank transfer
            </h2>
            <p className="text-amber-950">
              Transfer the total to this account and quote the reference, so we can match your payment. We
              ship when it arrives.
            </p>
            <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[auto_1fr]">
              <Detail term="Amount">
                <Price cents={awaitingTransfer.amountCents} />
              </Detail>
              <Detail term="Reference">
                <span className="font-mono font-semibold">{awaitingTransfer.reference}</span>
              </Detail>
              <Detail term="Account name">{awaitingTransfer.accountName}</Detail>
              <Detail term="Bank">{awaitingTransfer.bankName}</Detail>
              <Detail term="Routing number (ABA)">
                <span className="font-mono">{awaitingTransfer.routingNumber}</span>
              </Detail>
              <Detail term="Account number">
                <span className="font-mono">{awaitingTransfer.accountNumber}</span>
              </Detail>
            </dl>
          </section>
        ) : null}

        {order.shippedAt || order.tracking ? (
          <section
            aria-labelledby="shipment-title"
            className="space-y-3 rounded-xl bg-surface p-5 ring-1 ring-line sm:p-6"
          >
            <h2 id="shipment-title" className="text-lg font-semibold text-gray-900">
              Shipment
            </h2>
            <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[auto_1fr]">
              {d.shippedOn ? <Detail term="Shipped on">{d.shippedOn}</Detail> : null}
              {order.tracking ? <Detail term="Carrier">{order.tracking.carrier}</Detail> : null}
              <Detail term="Tracking number">
                {order.tracking?.trackingNumber ? (
                  <span className="font-mono font-semibold">{order.tracking.trackingNumber}</span>
                ) : (
                  'None: this parcel travels by untracked post'
                )}
              </Detail>
              {d.deliveredOn ? <Detail term="Delivered on">{d.deliveredOn}</Detail> : null}
              {order.deliveryUntraceable ? (
                <Detail term="Delivery">The carrier could not tell the delivery date</Detail>
              ) : null}
            </dl>
            {order.deliveryUntraceable ? (
              <p className="text-sm text-muted">
                Because the delivery date is unknown, a dead-on-arrival report is accepted up to{' '}
                {d.doaDaysUntraceable} days after shipment.
              </p>
            ) : d.deliveredOn ? (
              <p className="text-sm text-muted">
                Something wrong with it? A dead-on-arrival report is accepted within {d.doaDays} days of
                delivery; see the{' '}
                <Link to="/policies/after-sales" className="underline">
                  after-sales policy
                </Link>
                .
              </p>
            ) : null}
            {d.claimHref ? (
              <div className="pt-1">
                <ButtonLink to={d.claimHref} variant="secondary">
                  Report a problem
                </ButtonLink>
              </div>
            ) : null}
          </section>
        ) : null}

        {d.cases.length > 0 ? (
          <section
            id="cases"
            aria-labelledby="cases-title"
            className="space-y-3 rounded-xl bg-surface p-5 ring-1 ring-line sm:p-6"
          >
            <h2 id="cases-title" className="text-lg font-semibold text-gray-900">
              Your after-sales cases
            </h2>
            <ul className="divide-y divide-line">
              {d.cases.map((c) => (
                <li key={c.reference} className="flex flex-wrap items-center justify-between gap-2 py-3">
                  <div>
                    <Link to={c.href} className="font-semibold text-primary-ink underline">
                      Case {c.reference}
                    </Link>
                    <span className="block text-sm text-gray-800">
                      {c.item}: {c.kind.toLowerCase()}
                    </span>
                    <span className="block text-sm text-muted">Opened {c.openedOn}</span>
                  </div>
                  <Badge tone={c.open ? 'info' : 'neutral'}>{c.state}</Badge>
                </li>
              ))}
            </ul>
          </section>
        ) : null}

        {d.questions.length > 0 ? (
          <section
            id="questions"
            aria-labelledby="questions-title"
            className="space-y-3 rounded-xl bg-surface p-5 ring-1 ring-line sm:p-6"
          >
            <h2 id="questions-title" className="text-lg font-semibold text-gray-900">
              Your questions to customer service
            </h2>
            <ul className="divide-y divide-line">
              {d.questions.map((q) => (
                <li key={q.id} className="space-y-2 py-3" data-question={q.id}>
                  <div className="flex flex-wrap items-start justify-between gap-2">
                    <div>
                      <span className="block font-semibold text-gray-900">{q.item}</span>
                      <span className="block text-sm text-gray-800">{q.kind}</span>
                      <span className="block text-sm text-muted">Asked {q.askedOn}</span>
                    </div>
                    <Badge tone={q.answer ? 'success' : 'info'}>
                      {q.answer ? 'Answered' : 'Waiting for an answer'}
                    </Badge>
                  </div>
                  <p className="whitespace-pre-wrap break-words text-sm text-gray-800">{q.body}</p>
                  {q.answer ? (
                    <div className="rounded-lg border border-sky-200 bg-sky-50 p-3 text-sm">
                      <p className="mb-1 font-semibold text-gray-900">
                        Customer service answered on {q.answer.on}
                      </p>
                      <p className="whitespace-pre-wrap break-words text-gray-800">{q.answer.body}</p>
                    </div>
                  ) : (
                    <p className="text-sm text-muted">We answer by email; the answer will also show here.</p>
                  )}
                </li>
              ))}
            </ul>
          </section>
        ) : null}

        <div className="grid gap-6 lg:grid-cols-[1fr_20rem]">
          <section aria-labelledby="items-title" className="space-y-3">
            <h2 id="items-title" className="text-lg font-semibold text-gray-900">
              Items
            </h2>
            <Table caption={`Items in order ${order.reference}`} captionHidden>
              <THead>
                <Tr>
                  <Th>Product</Th>
                  <Th numeric>Qty</Th>
                  <Th numeric>Price</Th>
                </Tr>
              </THead>
              <TBody>
                {order.lines.map((l) => (
                  <Tr key={l.sku}>
                    <Td>
                      <span className="font-medium text-gray-900">{l.productName}</span>
                      <span className="block text-muted">{l.variantName}</span>
                    </Td>
                    <Td numeric>{l.quantity}</Td>
                    <Td numeric>
                      <Price cents={l.lineTotalCents} />
                    </Td>
                  </Tr>
                ))}
              </TBody>
            </Table>
            <dl className="ml-auto max-w-xs space-y-1 text-sm">
              <div className="flex justify-between">
                <dt>Subtotal</dt>
                <dd>
                  <Price cents={order.totals.subtotalCents} />
                </dd>
              </div>
              {order.totals.discountCents > 0 ? (
                <div className="flex justify-between text-green-800">
                  <dt>Coupon {order.totals.couponCode}</dt>
                  <dd>
                    −<Price cents={order.totals.discountCents} />
                  </dd>
                </div>
              ) : null}
              <div className="flex justify-between">
                <dt>Shipping ({order.shippingMethod.name.toLowerCase()})</dt>
                <dd>
                  {order.totals.shippingCents === 0 ? 'Free' : <Price cents={order.totals.shippingCents} />}
                </dd>
              </div>
              <div className="flex justify-between border-t border-line pt-2 text-base">
                <dt className="font-semibold">Total</dt>
                <dd>
                  <Price cents={order.totals.totalCents} className="text-gray-900" />
                </dd>
              </div>
            </dl>
          </section>

          <div className="space-y-6">
            <section aria-labelledby="address-title" className="rounded-xl bg-surface p-5 ring-1 ring-line">
              <h2 id="address-title" className="font-semibold text-gray-900">
                Shipping to
              </h2>
              <address className="mt-2 text-sm text-gray-800 not-italic">
                {/* One line each, in the country's order; pre-line keeps them apart without keys. */}
                <span className="block whitespace-pre-line">{order.shippingAddressLines.join('\n')}</span>
                {address.phone ? <span className="block">{address.phone}</span> : null}
              </address>
              <p className="mt-3 text-sm text-muted">By {order.shippingMethod.name.toLowerCase()}</p>
            </section>
            <section aria-labelledby="payment-title" className="rounded-xl bg-surface p-5 ring-1 ring-line">
              <h2 id="payment-title" className="font-semibold text-gray-900">
                Payment
              </h2>
              <p className="mt-2 text-sm text-gray-800">
                {order.payment.methodLabel}: {order.payment.statusLabel}
              </p>
              {order.payment.refunds.length > 0 ? (
                <ul className="mt-2 space-y-1 text-sm text-gray-800">
                  {order.payment.refunds.map((r, i) => (
                    // Refunds are never reordered or removed: their position is a stable key.
                    // biome-ignore lint/suspicious/noArrayIndexKey: see above
                    <li key={i}>{r.sentence}</li>
                  ))}
                </ul>
              ) : null}
            </section>
          </div>
        </div>

        <Timeline
          entries={d.timeline.map((e) => ({
            key: e.key,
            label: e.label,
            when: e.when,
            detail:
              e.type === 'shipped' && order.tracking
                ? `${order.tracking.carrier}${order.tracking.trackingNumber ? `, tracking number ${order.tracking.trackingNumber}` : ''}`
                : null,
          }))}
        />

        <p className="text-sm text-muted">
          A question about this order? Quote its reference, {order.reference}. Looking for another order?{' '}
          <Link to="/orders/lookup" className="underline">
            Find an order
          </Link>
          .
        </p>
      </div>
    </>
  );
}

/**
 * A link that leads to no order (mistyped, cut short by the mail program, or signed before the shop's secret
 * changed): the page says how to find the order instead of the site's "page not found" about products.
 */
export function ErrorBoundary() {
  const error = useRouteError();
  // Anything but a missing order is the site's own error page, with its reference (the root boundary).
  if (!(isRouteErrorResponse(error) && error.status === 404)) throw error;
  return (
    <section aria-labelledby="order-link-title" className="mx-auto max-w-xl py-8 sm:py-16">
      <h1 id="order-link-title" className="text-3xl font-bold tracking-tight text-gray-900">
        This order link does not work
      </h1>
      <p className="mt-4 text-gray-800">
        The link may be incomplete: some mail programs cut long links in two. Open the “Follow your order”
        link in your order confirmation email again, or copy the whole address into your browser.
      </p>
      <p className="mt-4 text-gray-800">
        You can also find your order with its reference (such as AC-26-00123, in the subject of every email
        about it) and the email address you ordered with.
      </p>
      <div className="mt-8 flex flex-wrap gap-3">
        <ButtonLink to="/orders/lookup">Find your order</ButtonLink>
        <ButtonLink to="/" variant="secondary">
          Go to the home page
        </ButtonLink>
      </div>
    </section>
  );
}

function Detail({ term, children }: { term: string; children: ReactNode }) {
  return (
    <>
      <dt className="text-sm font-medium text-muted">{term}</dt>
      <dd className="text-gray-900">{children}</dd>
    </>
  );
}

function statusSentence(d: ReturnType<typeof useLoaderData<typeof loader>>): string {
  const { order } = d;
  switch (order.status) {
    case 'placed':
      return order.payment.instructions
        ? 'We are waiting for your bank transfer. Your order ships as soon as it arrives.'
        : 'We are confirming your payment with the card processor.';
    case 'paid':
      return 'Payment received. We are preparing your parcel.';
    case 'shipped':
      return `Shipped on ${d.shippedOn}${order.tracking ? ` with ${order.tracking.carrier}` : ''}. It is on its way to you.`;
    case 'delivered':
      return order.deliveryUntraceable
        ? 'Shipped; the carrier could not tell us the delivery date.'
        : `Delivered on ${d.deliveredOn}.`;
    case 'completed':
      return 'This order is complete.';
    case 'cancelled': {
      // What happens to the money, in the same words as the cancellation email.
      const money = order.payment.refunds.map((r) => r.sentence).join(' ');
      return `This order was cancelled.${money ? ` ${money}` : ' Nothing was charged.'}`;
    }
    default:
      return '';
  }
}
