/**
 * /admin: what needs doing today: orders to ship, bank transfers to look out for, recent deliveries, and the
 * after-sales deadlines that have passed or are near (issue 11 point 5).
 */
import { useQuery } from '@tanstack/react-query';
import { Link, type MetaFunction } from 'react-router';
import { NextDeadline } from '../../components/admin/CaseBadges.tsx';
import { caseStateLabel } from '../../components/admin/case-format.ts';
import { formatDate, formatUsd, mailQueueSentence } from '../../components/admin/format.ts';
import { adminMeta } from '../../components/admin/meta.ts';
import { LoadError, Loading } from '../../components/admin/QueryState.tsx';
import { useMailQueue } from '../../components/admin/StatusBadge.tsx';
import { ButtonLink } from '../../components/ui/Button.tsx';
import { PageHeader } from '../../components/ui/PageHeader.tsx';
import {
  type AdminOrderSummary,
  keys,
  listOrders,
  type OrderListQuery,
  type Page,
} from '../../lib/admin-api.ts';
import { caseKeys, type DeadlinesOverview, getDeadlinesOverview } from '../../lib/admin-cases-api.ts';

export const meta: MetaFunction = ({ matches }) => adminMeta(matches, 'Dashboard');

/** The API has no count endpoint: a card counts up to one page of this many and says "100+" beyond. */
const COUNT_LIMIT = 100;
const SHORT_LIST = 5;

function useOrders(query: OrderListQuery) {
  return useQuery({ queryKey: keys.orderList(query), queryFn: () => listOrders(query) });
}

function countOf(page: Page<unknown> | undefined, items = page?.items): string {
  if (!page || !items) return '…';
  return `${items.length}${page.nextCursor ? '+' : ''}`;
}

export default function Dashboard() {
  const toShip = useOrders({ status: 'paid', limit: COUNT_LIMIT });
  const placed = useOrders({ status: 'placed', limit: COUNT_LIMIT });
  const delivered = useOrders({ status: 'delivered', limit: COUNT_LIMIT });
  const mailQueue = useMailQueue();
  const awaitingPayment = placed.data?.items.filter((o) => o.paymentMethod === 'bank_transfer');

  return (
    <>
      <PageHeader
        title="Dashboard"
        description="What needs doing now: the orders that have waited longest come first."
      />
      <div className="grid grid-cols-1 gap-4 md:grid-cols-2 xl:grid-cols-3">
        <OrdersCard
          title="To ship"
          description="Paid, waiting to be packed and sent."
          query={toShip}
          count={countOf(toShip.data)}
          items={toShip.data?.items}
          href="/admin/orders?status=paid"
          linkLabel="All orders to ship"
          empty="Nothing to ship."
        />
        <OrdersCard
          title="Awaiting payment"
          description="Placed with a bank transfer: mark paid when the money arrives."
          query={placed}
          count={countOf(placed.data, awaitingPayment)}
          items={awaitingPayment}
          href="/admin/orders?status=placed"
          linkLabel="All placed orders"
          empty="No transfers outstanding."
        />
        <OrdersCard
          title="Recently delivered"
          description="Delivered, to be completed."
          query={delivered}
          count={countOf(delivered.data)}
          items={delivered.data?.items}
          href="/admin/orders?status=delivered"
          linkLabel="All delivered orders"
          empty="No deliveries waiting."
          newestFirst
        />
      </div>
      <DeadlinesPanel />
      <section
        aria-labelledby="mail-health"
        className="mt-6 flex flex-col gap-3 rounded-xl border border-line bg-surface p-4 sm:flex-row sm:items-center sm:justify-between sm:p-5"
      >
        <div>
          <h2 id="mail-health" className="text-lg font-semibold text-gray-900">
            Mail outbox
          </h2>
          {mailQueue.isError ? (
            <p className="text-red-800">The outbox could not be read: {mailQueue.error.message}</p>
          ) : (
            <p className="text-muted">{mailQueue.data ? mailQueueSentence(mailQueue.data) : 'Checking…'}</p>
          )}
        </div>
        <ButtonLink
          to={
            mailQueue.data?.failed
              ? '/admin/mail?status=failed'
              : mailQueue.data?.pending
                ? '/admin/mail?status=pending'
                : '/admin/mail'
          }
          variant="secondary"
          size="sm"
        >
          {mailQueue.data?.failed ? 'See failed emails' : 'Open the outbox'}
        </ButtonLink>
      </section>
    </>
  );
}

interface OrdersCardProps {
  title: string;
  description: string;
  query: { isPending: boolean; isError: boolean; error: unknown; refetch: () => unknown };
  count: string;
  items: AdminOrderSummary[] | undefined;
  href: string;
  linkLabel: string;
  empty: string;
  /** Otherwise the order that has waited longest leads. */
  newestFirst?: boolean;
}

function OrdersCard(props: OrdersCardProps) {
  const { title, description, query, count, items, href, linkLabel, empty, newestFirst = false } = props;
  const id = `card-${title.toLowerCase().replace(/\W+/g, '-')}`;
  // The API lists newest first.
  const shown = items ? (newestFirst ? items : [...items].reverse()).slice(0, SHORT_LIST) : [];
  return (
    <section
      aria-labelledby={id}
      className="flex flex-col rounded-xl border border-line bg-surface p-4 sm:p-5"
    >
      <div className="flex items-start justify-between gap-3">
        <div>
          <h2 id={id} className="text-lg font-semibold text-gray-900">
            {title}
          </h2>
          <p className="text-sm text-muted">{description}</p>
        </div>
        <p className="text-3xl font-bold tabular-nums text-gray-900">
          {count}
          <span className="sr-only"> orders</span>
        </p>
      </div>
      <div className="mt-4 flex-1">
        {query.isPending ? (
          <Loading />
        ) : query.isError ? (
          <LoadError error={query.error} what="these orders" onRetry={() => query.refetch()} />
        ) : shown.length === 0 ? (
          <p className="rounded-lg bg-gray-50 px-3 py-4 text-center text-muted">{empty}</p>
        ) : (
          <ul className="divide-y divide-gray-200">
            {shown.map((order) => (
              <li key={order.id} className="py-2">
                <div className="flex items-baseline justify-between gap-3">
                  <Link to={`/admin/orders/${order.id}`} className="font-semibold text-primary-ink underline">
                    {order.reference}
                  </Link>
                  <span className="text-sm font-semibold tabular-nums">{formatUsd(order.totalCents)}</span>
                </div>
                <p className="truncate text-sm text-muted">
                  {order.customerName} · {formatDate(order.placedAt)}
                </p>
              </li>
            ))}
          </ul>
        )}
      </div>
      <Link to={href} className="mt-4 self-start font-semibold text-primary-ink underline">
        {linkLabel}
        <span aria-hidden="true"> →</span>
      </Link>
    </section>
  );
}

const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);

/** The queue filtered to one side's overdue or near deadlines, soonest first. */
function queueLink(whose: 'shop' | 'customer' | null, deadline: string): string {
  const params = new URLSearchParams({ deadline, order: 'deadline:asc' });
  if (whose) params.set('whose', whose);
  return `/admin/cases?${params}`;
}

/**
 * Deadlines at a glance (issue 11 point 5): overdue and near counts for the shop's steps and the customers'
 * deadlines, from the same rule as the queue's marks and the owner's digest, and the soonest cases. Every
 * staff role may read cases, so every member sees it.
 */
function DeadlinesPanel() {
  const overview = useQuery({ queryKey: caseKeys.deadlines, queryFn: getDeadlinesOverview });
  return (
    <section
      aria-labelledby="case-deadlines"
      className="mt-6 rounded-xl border border-line bg-surface p-4 sm:p-5"
    >
      <div className="flex flex-col gap-1 sm:flex-row sm:items-baseline sm:justify-between">
        <h2 id="case-deadlines" className="text-lg font-semibold text-gray-900">
          Deadlines
        </h2>
        {overview.data ? (
          <p className="text-sm text-muted">
            After-sales cases past their deadline, or due within {overview.data.nearDays}{' '}
            {plural(overview.data.nearDays, 'day', 'days')}.
          </p>
        ) : null}
      </div>
      {overview.isPending ? (
        <Loading label="Loading deadlines" />
      ) : overview.isError ? (
        <LoadError error={overview.error} what="the deadlines" onRetry={() => overview.refetch()} />
      ) : (
        <DeadlinesBody o={overview.data} />
      )}
    </section>
  );
}

function DeadlinesBody({ o }: { o: DeadlinesOverview }) {
  const near = String(o.nearDays);
  const { shop, customer } = o.counts;
  const days = `${near} ${plural(o.nearDays, 'day', 'days')}`;
  const tiles = [
    {
      n: shop.overdue,
      label: `shop ${plural(shop.overdue, 'step', 'steps')} overdue`,
      to: queueLink('shop', 'overdue'),
      danger: true,
    },
    {
      n: shop.near,
      label: `shop ${plural(shop.near, 'step', 'steps')} due within ${days}`,
      to: queueLink('shop', near),
    },
    {
      n: customer.overdue,
      label: `customer ${plural(customer.overdue, 'deadline', 'deadlines')} passed`,
      to: queueLink('customer', 'overdue'),
      danger: true,
    },
    {
      n: customer.near,
      label: `customer ${plural(customer.near, 'deadline', 'deadlines')} within ${days}`,
      to: queueLink('customer', near),
    },
  ];
  return (
    <>
      <ul className="mt-4 grid grid-cols-2 gap-3 lg:grid-cols-4">
        {tiles.map((tile) => (
          <li key={tile.label}>
            <Link
              to={tile.to}
              className="flex h-full flex-col rounded-lg border border-line p-3 hover:bg-gray-50 focus-visible:outline-2"
            >
              <span
                className={`text-3xl font-bold tabular-nums ${tile.danger && tile.n > 0 ? 'text-red-800' : 'text-gray-900'}`}
              >
                {tile.n}
              </span>
              <span className="text-sm text-muted">{tile.label}</span>
            </Link>
          </li>
        ))}
      </ul>
      {o.cases.length === 0 ? (
        <p className="mt-4 rounded-lg bg-gray-50 px-3 py-4 text-center text-muted">
          No deadline has passed and none is near.
        </p>
      ) : (
        <>
          <h3 className="mt-4 text-sm font-semibold text-gray-900">Soonest first</h3>
          <ul className="divide-y divide-gray-200">
            {o.cases.map((c) => (
              <li
                key={c.id}
                className="flex flex-col gap-1 py-2 sm:flex-row sm:items-center sm:justify-between"
              >
                <span>
                  <Link to={`/admin/cases/${c.id}`} className="font-semibold text-primary-ink underline">
                    {c.reference}
                  </Link>
                  <span className="text-sm text-muted"> · {caseStateLabel[c.state]}</span>
                </span>
                <NextDeadline deadline={c.deadline} />
              </li>
            ))}
          </ul>
        </>
      )}
      <Link
        to={queueLink(null, 'overdue')}
        className="mt-4 inline-block font-semibold text-primary-ink underline"
      >
        All overdue cases
        <span aria-hidden="true"> →</span>
      </Link>
    </>
  );
}
