/** /admin/mail: the outbox: every email the shop sent or would send, newest first. */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Form, Link, type MetaFunction, useSearchParams } from 'react-router';
import { formatDateTime, mailStatusLabel, mailTemplateLabel } from '../../components/admin/format.ts';
import { adminMeta } from '../../components/admin/meta.ts';
import { Pager, useCursorPaging } from '../../components/admin/Pager.tsx';
import { LoadError, Loading } from '../../components/admin/QueryState.tsx';
import { MailStatusBadge, useMailQueue } from '../../components/admin/StatusBadge.tsx';
import { Button, ButtonLink } from '../../components/ui/Button.tsx';
import { EmptyState } from '../../components/ui/EmptyState.tsx';
import { Input } from '../../components/ui/Input.tsx';
import { Notice } from '../../components/ui/Notice.tsx';
import { PageHeader } from '../../components/ui/PageHeader.tsx';
import { Select } from '../../components/ui/Select.tsx';
import { Spinner } from '../../components/ui/Spinner.tsx';
import { Table, TBody, Td, THead, Th, Tr } from '../../components/ui/Table.tsx';
import {
  keys,
  listMail,
  type MailListQuery,
  type MailStatus,
  type MailSummary,
} from '../../lib/admin-api.ts';

export const meta: MetaFunction = ({ matches }) => adminMeta(matches, 'Mail outbox');

const PAGE_SIZE = 25;
const statuses: MailStatus[] = ['pending', 'sent', 'failed'];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The address, or for newsletter mail the API's "a newsletter subscriber", set apart (PV-USE-2). */
function Recipient({ item }: { item: Pick<MailSummary, 'toAddress' | 'recipientHidden'> }) {
  return item.recipientHidden ? <span className="text-muted italic">{item.toAddress}</span> : item.toAddress;
}

export default function MailOutbox() {
  const [params] = useSearchParams();
  const paging = useCursorPaging();
  const status = params.get('status') as MailStatus | null;
  const q = params.get('q')?.trim() ?? '';
  const orderId = params.get('orderId') ?? '';
  const query: MailListQuery = {
    status: status && statuses.includes(status) ? status : undefined,
    q: q || undefined,
    orderId: UUID.test(orderId) ? orderId : undefined,
    cursor: paging.cursor,
    limit: PAGE_SIZE,
  };
  const mail = useQuery({
    queryKey: keys.mailList(query),
    queryFn: () => listMail(query),
    placeholderData: keepPreviousData,
  });
  const filtered = Boolean(query.status || query.q || query.orderId);
  const mailQueue = useMailQueue();

  return (
    <>
      <PageHeader
        title="Mail outbox"
        description={
          mailQueue.data?.delivery === 'outbox'
            ? 'Every email the shop wrote. No mail server (SMTP_URL) is configured, so nothing is sent: emails wait here.'
            : 'Every email the shop sent or will send.'
        }
      />
      <Form
        method="get"
        role="search"
        aria-label="Filter emails"
        key={params.toString()}
        className="mb-4 grid gap-3 rounded-xl border border-line bg-surface p-4 sm:grid-cols-[minmax(0,2fr)_minmax(0,1fr)_auto] sm:items-end"
      >
        {query.orderId ? <input type="hidden" name="orderId" value={query.orderId} /> : null}
        <Input label="Recipient or subject" name="q" type="search" defaultValue={q} />
        <Select
          label="Status"
          name="status"
          defaultValue={query.status ?? ''}
          placeholder="Any status"
          options={statuses.map((s) => ({ value: s, label: mailStatusLabel(s, mailQueue.data?.delivery) }))}
        />
        <div className="flex gap-2">
          <Button type="submit">Filter</Button>
          {filtered ? (
            <ButtonLink to="/admin/mail" variant="ghost">
              Clear
            </ButtonLink>
          ) : null}
        </div>
      </Form>
      {query.orderId ? (
        <Notice className="mb-4">
          Showing the emails of one order.{' '}
          <Link to={`/admin/orders/${query.orderId}`} className="font-semibold underline">
            Open the order
          </Link>{' '}
          or{' '}
          <Link to="/admin/mail" className="font-semibold underline">
            show every email
          </Link>
          .
        </Notice>
      ) : null}

      {mail.isPending ? (
        <Loading label="Loading emails" />
      ) : mail.isError ? (
        <LoadError error={mail.error} what="the outbox" onRetry={() => mail.refetch()} />
      ) : mail.data.items.length === 0 ? (
        <EmptyState
          title={filtered ? 'No emails match these filters' : 'The outbox is empty'}
          description={
            filtered
              ? 'Try another status or part of the address.'
              : 'Emails appear here when orders are placed.'
          }
        />
      ) : (
        <>
          <Table
            caption={
              <span className="flex items-center gap-2">
                {filtered ? 'Matching emails' : 'All emails'}
                {mail.isFetching ? <Spinner size="sm" label="Updating" /> : null}
              </span>
            }
          >
            <THead>
              <Tr>
                <Th>Subject</Th>
                <Th className="hidden md:table-cell">To</Th>
                <Th>Status</Th>
                <Th className="hidden sm:table-cell">Created</Th>
                <Th numeric className="hidden lg:table-cell">
                  Attempts
                </Th>
              </Tr>
            </THead>
            <TBody>
              {mail.data.items.map((item) => (
                <Tr key={item.id}>
                  <Td>
                    <Link to={`/admin/mail/${item.id}`} className="font-semibold text-primary-ink underline">
                      {item.subject}
                    </Link>
                    <span className="block text-muted">
                      {mailTemplateLabel(item.template)}
                      <span className="md:hidden">
                        {' '}
                        · to <Recipient item={item} />
                      </span>
                    </span>
                    <span className="block text-muted sm:hidden">{formatDateTime(item.createdAt)}</span>
                    {item.status === 'failed' && item.lastError ? (
                      <span className="block text-red-800">{item.lastError}</span>
                    ) : null}
                  </Td>
                  <Td className="hidden whitespace-nowrap md:table-cell">
                    <Recipient item={item} />
                  </Td>
                  <Td>
                    <MailStatusBadge status={item.status} />
                  </Td>
                  <Td className="hidden whitespace-nowrap sm:table-cell">{formatDateTime(item.createdAt)}</Td>
                  <Td numeric className="hidden lg:table-cell">
                    {item.attempts}
                  </Td>
                </Tr>
              ))}
            </TBody>
          </Table>
          <Pager
            paging={paging}
            nextCursor={mail.data.nextCursor}
            busy={mail.isFetching}
            label="Email pages"
          />
        </>
      )}
    </>
  );
}
