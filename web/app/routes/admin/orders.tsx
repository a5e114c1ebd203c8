/** /admin/orders: every order, newest first, filtered by status, reference or email and placement date. */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Form, Link, type MetaFunction, useSearchParams } from 'react-router';
import {
  formatDateTime,
  formatUsd,
  orderStatusLabel,
  paymentMethodLabel,
  startOfLocalDay,
} from '../../components/admin/format.ts';
import { adminMeta } from '../../components/admin/meta.ts';
import { Pager, useCursorPaging } from '../../components/admin/Pager.tsx';
import { LoadError, Loading } from '../../components/admin/QueryState.tsx';
import { OrderStatusBadge } from '../../components/admin/StatusBadge.tsx';
import { Button, ButtonLink } from '../../components/ui/Button.tsx';
import { EmptyState } from '../../components/ui/EmptyState.tsx';
import { Input } from '../../components/ui/Input.tsx';
import { PageHeader } from '../../components/ui/PageHeader.tsx';
import { Select } from '../../components/ui/Select.tsx';
import { Spinner } from '../../components/ui/Spinner.tsx';
import { Table, TBody, Td, THead, Th, Tr } from '../../components/ui/Table.tsx';
import { keys, listOrders, type OrderListQuery, type OrderStatus } from '../../lib/admin-api.ts';

export const meta: MetaFunction = ({ matches }) => adminMeta(matches, 'Orders');

const PAGE_SIZE = 25;
const statuses = Object.keys(orderStatusLabel) as OrderStatus[];

function isStatus(value: string | null): value is OrderStatus {
  return value !== null && (statuses as string[]).includes(value);
}

export default function Orders() {
  const [params] = useSearchParams();
  const paging = useCursorPaging();
  const status = params.get('status');
  const q = params.get('q')?.trim() ?? '';
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const query: OrderListQuery = {
    status: isStatus(status) ? status : undefined,
    q: q || undefined,
    from: from ? startOfLocalDay(from) : undefined,
    // The whole "to" day is included: the API's `to` is exclusive.
    to: to ? startOfLocalDay(to, 1) : undefined,
    cursor: paging.cursor,
    limit: PAGE_SIZE,
  };
  const orders = useQuery({
    queryKey: keys.orderList(query),
    queryFn: () => listOrders(query),
    placeholderData: keepPreviousData,
  });
  const filtered = Boolean(query.status || q || from || to);

  return (
    <>
      <PageHeader
        title="Orders"
        description="Newest first. Search by order reference or the customer’s email."
      />
      <Form
        method="get"
        role="search"
        aria-label="Filter orders"
        className="mb-4 grid grid-cols-2 gap-3 rounded-xl border border-line bg-surface p-4 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)_minmax(0,1fr)_minmax(0,1fr)_auto] lg:items-end"
        key={params.toString()}
      >
        <Input
          label="Reference or email"
          name="q"
          type="search"
          defaultValue={q}
          placeholder="AC-26-00123"
          fieldClassName="col-span-2 lg:col-span-1"
        />
        <Select
          label="Status"
          name="status"
          defaultValue={query.status ?? ''}
          placeholder="Any status"
          options={statuses.map((s) => ({ value: s, label: orderStatusLabel[s] }))}
          fieldClassName="col-span-2 lg:col-span-1"
        />
        <Input label="Placed from" name="from" type="date" defaultValue={from} />
        <Input label="Placed until" name="to" type="date" defaultValue={to} />
        <div className="col-span-2 flex gap-2 lg:col-span-1">
          <Button type="submit">Filter</Button>
          {filtered ? (
            <ButtonLink to="/admin/orders" variant="ghost">
              Clear
            </ButtonLink>
          ) : null}
        </div>
      </Form>

      {orders.isPending ? (
        <Loading label="Loading orders" />
      ) : orders.isError ? (
        <LoadError error={orders.error} what="the orders" onRetry={() => orders.refetch()} />
      ) : orders.data.items.length === 0 ? (
        <EmptyState
          title={filtered ? 'No orders match these filters' : 'No orders yet'}
          description={
            filtered
              ? 'Try another status, a wider date range or part of the email.'
              : 'Orders appear here as soon as customers check out.'
          }
          action={
            filtered ? (
              <ButtonLink to="/admin/orders" variant="secondary">
                Show all orders
              </ButtonLink>
            ) : undefined
          }
        />
      ) : (
        <>
          <Table
            caption={
              <span className="flex items-center gap-2">
                {filtered ? 'Matching orders' : 'All orders'}
                {orders.isFetching ? <Spinner size="sm" label="Updating" /> : null}
              </span>
            }
          >
            <THead>
              <Tr>
                <Th>Order</Th>
                <Th>Customer</Th>
                <Th className="hidden md:table-cell">Placed</Th>
                <Th className="hidden sm:table-cell">Status</Th>
                <Th className="hidden lg:table-cell">Payment</Th>
                <Th numeric className="hidden sm:table-cell">
                  Total
                </Th>
              </Tr>
            </THead>
            <TBody>
              {orders.data.items.map((order) => (
                <Tr key={order.id}>
                  <Td>
                    <Link
                      to={`/admin/orders/${order.id}`}
                      className="font-semibold whitespace-nowrap text-primary-ink underline"
                    >
                      {order.reference}
                    </Link>
                    {/* On a phone the columns on the right are hidden: their essentials come here. */}
                    <span className="mt-1 flex flex-col items-start gap-1 sm:hidden">
                      <OrderStatusBadge status={order.status} />
                      <span className="tabular-nums">{formatUsd(order.totalCents)}</span>
                    </span>
                  </Td>
                  <Td>
                    <span className="block font-medium">{order.customerName}</span>
                    <span className="block break-all text-muted">{order.email}</span>
                    <span className="block text-muted md:hidden">{formatDateTime(order.placedAt)}</span>
                  </Td>
                  <Td className="hidden whitespace-nowrap md:table-cell">{formatDateTime(order.placedAt)}</Td>
                  <Td className="hidden sm:table-cell">
                    <OrderStatusBadge status={order.status} />
                  </Td>
                  <Td className="hidden whitespace-nowrap lg:table-cell">
                    {paymentMethodLabel(order.paymentMethod)}
                  </Td>
                  <Td numeric className="hidden sm:table-cell">
                    {formatUsd(order.totalCents)}
                  </Td>
                </Tr>
              ))}
            </TBody>
          </Table>
          <Pager
            paging={paging}
            nextCursor={orders.data.nextCursor}
            busy={orders.isFetching}
            label="Order pages"
          />
        </>
      )}
    </>
  );
}
