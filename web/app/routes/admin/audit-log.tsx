/**
 * /admin/audit-log (PV-STF-1): every staff read of customers' personal data, every refusal and every export,
 * newest first: when, who (name and role as they were), what happened, which record and whose, which fields,
 * and why (a maintenance grant's reason, an export's purpose). The filters (member, outcome, record type,
 * one record by its reference — "who read this", the link on case and order pages —, customer by email, id or
 * order reference, days) live in the URL as a GET form, so a refused filter keeps what was typed; pages are
 * the server's cursors. Below, the business-transfer export (PV-RGT-2, PV-USE-2). Owner only (the API answers others 403
 * and records the refusal).
 */
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Form, Link, type MetaFunction, useSearchParams } from 'react-router';
import { formatDateTime } from '../../components/admin/format.ts';
import { adminMeta } from '../../components/admin/meta.ts';
import { Pager, useCursorPaging } from '../../components/admin/Pager.tsx';
import { errorMessage, LoadError, Loading } from '../../components/admin/QueryState.tsx';
import { Badge, type Tone } from '../../components/ui/Badge.tsx';
import { Button, ButtonLink } from '../../components/ui/Button.tsx';
import { EmptyState } from '../../components/ui/EmptyState.tsx';
import { Input } from '../../components/ui/Input.tsx';
import { Notice } from '../../components/ui/Notice.tsx';
import { PageHeader } from '../../components/ui/PageHeader.tsx';
import { Select } from '../../components/ui/Select.tsx';
import { Spinner } from '../../components/ui/Spinner.tsx';
import { getSession, isApiError, keys } from '../../lib/admin-api.ts';
import {
  type AuditEntry,
  type AuditLogQuery,
  auditMembers,
  downloadBusinessTransfer,
  listAuditLog,
  privacyKeys,
} from '../../lib/admin-privacy-api.ts';

export const meta: MetaFunction = ({ matches }) => adminMeta(matches, 'Audit log');

const PAGE_SIZE = 25;

const outcomeLabels: Record<AuditEntry['outcome'], [string, Tone]> = {
  read: ['Read', 'info'],
  refused: ['Refused', 'warning'],
  export: ['Exported', 'danger'],
};

const recordTypeLabels: Record<AuditEntry['recordType'], string> = {
  order: 'Order',
  case: 'After-sales case',
  customer: 'Customer account',
  evidence: 'Evidence file',
  business_transfer: 'Business-transfer export',
  audit_log: 'Audit log',
  mail: 'Mail outbox',
  security_event: 'Security event',
  question: 'Customer question',
  staff_session: 'Session of a deactivated member',
  staff_member: 'Staff members',
  newsletter_campaign: 'Newsletter campaigns',
  after_sales_numbers: 'After-sales numbers',
  refund: 'Refunds and reimbursements',
  shop_settings: 'Shop settings',
  job_log: 'Background jobs',
  maintenance_grant: 'Maintenance access',
};

const roleLabels: Record<string, string> = {
  owner: 'Owner',
  customer_service: 'Customer service',
  technician: 'Technician',
};

const dayPattern = /^\d{4}-\d\d-\d\d$/;

function queryOf(params: URLSearchParams, cursor: string | undefined): AuditLogQuery {
  const pick = (name: string) => params.get(name)?.trim() || undefined;
  const outcome = pick('outcome');
  const recordType = pick('recordType');
  const from = pick('from');
  const to = pick('to');
  return {
    member: pick('member'),
    outcome: outcome && outcome in outcomeLabels ? outcome : undefined,
    // Passed as typed: an unknown type is the API's 400, shown at the field, not silently "all types".
    recordType: recordType as AuditLogQuery['recordType'],
    customer: pick('customer'),
    record: pick('record'),
    from: from && dayPattern.test(from) ? from : undefined,
    to: to && dayPattern.test(to) ? to : undefined,
    cursor,
    limit: PAGE_SIZE,
  };
}

export default function AuditLogPage() {
  const session = useQuery({ queryKey: keys.session, queryFn: getSession, staleTime: 5 * 60_000 });
  if (session.data && session.data.role !== 'owner') {
    return (
      <>
        <PageHeader title="Audit log" />
        <Notice tone="info" title="Only the owner reads the audit log">
          It records every time staff open customers’ personal data. Asking for it is recorded too.
        </Notice>
      </>
    );
  }
  if (!session.data) return <Loading label="Checking your session" />;
  return (
    <>
      <AuditLog />
      <BusinessTransfer />
    </>
  );
}

function AuditLog() {
  const [params] = useSearchParams();
  const paging = useCursorPaging();
  const query = queryOf(params, paging.cursor);
  const members = useQuery({ queryKey: privacyKeys.auditMembers, queryFn: auditMembers });
  const log = useQuery({
    queryKey: privacyKeys.auditLog(query),
    queryFn: () => listAuditLog(query),
    placeholderData: keepPreviousData,
  });
  const filtered = ['member', 'outcome', 'recordType', 'record', 'customer', 'from', 'to'].some(
    (k) => query[k as keyof AuditLogQuery] !== undefined,
  );
  const fieldError = log.isError && isApiError(log.error) ? log.error : null;
  const errorOn = (field: string) => (fieldError?.field === field ? fieldError.fieldMessage : undefined);

  return (
    <>
      <PageHeader
        title="Audit log"
        description="Every time a member opened a customer’s personal data, was refused, or exported it: who, when, which record and fields, and why. Rows cannot be changed or removed."
      />
      <Form
        method="get"
        role="search"
        aria-label="Filter the audit log"
        className="mb-4 grid gap-3 rounded-xl border border-line bg-surface p-4 sm:grid-cols-2 lg:grid-cols-4"
        key={params.toString()}
      >
        <Select
          label="Member"
          name="member"
          defaultValue={query.member ?? ''}
          placeholder="Anyone"
          options={(members.data ?? []).map((m) => ({
            value: m.id,
            label: `${m.name} (${roleLabels[m.role] ?? m.role}${m.active ? '' : ', left'})`,
          }))}
          error={errorOn('member')}
        />
        <Select
          label="Outcome"
          name="outcome"
          defaultValue={query.outcome ?? ''}
          placeholder="Any outcome"
          options={Object.entries(outcomeLabels).map(([value, [label]]) => ({ value, label }))}
        />
        <Select
          label="Record type"
          name="recordType"
          defaultValue={query.recordType ?? ''}
          placeholder="Any record"
          options={Object.entries(recordTypeLabels).map(([value, label]) => ({ value, label }))}
          error={errorOn('recordType')}
        />
        <Input
          label="Record"
          name="record"
          defaultValue={query.record ?? ''}
          autoComplete="off"
          hint="Who read this: order reference, case number, customer email or id"
          error={errorOn('record')}
        />
        <Input
          label="Customer"
          name="customer"
          defaultValue={query.customer ?? ''}
          autoComplete="off"
          hint="Email, customer id or order reference"
          error={errorOn('customer')}
        />
        <Input label="From" name="from" type="date" defaultValue={query.from ?? ''} error={errorOn('from')} />
        <Input label="To" name="to" type="date" defaultValue={query.to ?? ''} error={errorOn('to')} />
        <div className="flex items-end gap-2 sm:col-span-2">
          <Button type="submit">Filter</Button>
          {filtered ? (
            <ButtonLink to="/admin/audit-log" variant="ghost">
              Clear
            </ButtonLink>
          ) : null}
        </div>
      </Form>

      {log.isPending ? (
        <Loading label="Loading the audit log" />
      ) : log.isError ? (
        fieldError?.field ? (
          <Notice tone="warning">{fieldError.message}</Notice>
        ) : (
          <LoadError error={log.error} what="the audit log" onRetry={() => log.refetch()} />
        )
      ) : log.data.items.length === 0 ? (
        <EmptyState
          title="Nothing recorded"
          description={
            log.data.note
              ? log.data.note
              : filtered
                ? 'No row matches these filters.'
                : 'A row appears when a member opens a customer’s personal data, is refused, or exports it.'
          }
          action={
            filtered ? (
              <ButtonLink to="/admin/audit-log" variant="secondary">
                Show everything
              </ButtonLink>
            ) : undefined
          }
        />
      ) : (
        <>
          <h2 className="mb-2 flex items-center gap-2 text-sm font-semibold text-muted">
            Newest first
            {log.isFetching ? <Spinner size="sm" label="Updating" /> : null}
          </h2>
          <ul className="flex flex-col gap-3" aria-label="Audit log">
            {log.data.items.map((e) => (
              <EntryRow key={e.id} entry={e} />
            ))}
          </ul>
          <Pager
            paging={paging}
            nextCursor={log.data.nextCursor}
            busy={log.isFetching}
            label="Audit log pages"
          />
        </>
      )}
    </>
  );
}

function EntryRow({ entry }: { entry: AuditEntry }) {
  const [label, tone] = outcomeLabels[entry.outcome];
  return (
    <li data-audit-entry={entry.id} className="rounded-xl border border-line bg-surface p-4">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <p className="font-semibold text-gray-900">
            {recordTypeLabels[entry.recordType]}
            {entry.recordReference ? (
              <>
                {' '}
                <Link
                  to={`/admin/audit-log?${new URLSearchParams({ recordType: entry.recordType, record: entry.recordReference })}`}
                  className="font-mono font-normal underline"
                  aria-label={`Only the rows of ${entry.recordReference}`}
                >
                  {entry.recordReference}
                </Link>
              </>
            ) : null}
            {entry.recordId ? (
              <span className="font-mono font-normal text-muted"> {entry.recordId}</span>
            ) : null}
          </p>
          <p className="text-sm text-muted">
            <time dateTime={entry.at}>{formatDateTime(entry.at)}</time> ·{' '}
            <span className="font-medium text-gray-900">{entry.member.name}</span>,{' '}
            {roleLabels[entry.member.role] ?? entry.member.role}
          </p>
          <dl className="mt-2 grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 text-sm">
            <dt className="text-muted">Fields</dt>
            <dd>{entry.fields.length > 0 ? entry.fields.join(', ') : 'none shown'}</dd>
            {entry.customerId ? (
              <>
                <dt className="text-muted">Customer</dt>
                <dd className="break-all font-mono">
                  <Link
                    to={`/admin/audit-log?customer=${entry.customerId}`}
                    className="underline"
                    aria-label={`Only this customer's rows (${entry.customerId})`}
                  >
                    {entry.customerId}
                  </Link>
                </dd>
              </>
            ) : null}
            {entry.purpose ? (
              <>
                <dt className="text-muted">{entry.grantId ? 'Maintenance reason' : 'Purpose'}</dt>
                <dd className="break-words">{entry.purpose}</dd>
              </>
            ) : null}
          </dl>
        </div>
        <Badge tone={tone}>{label}</Badge>
      </div>
    </li>
  );
}

/** PV-RGT-2, PV-USE-2: the business-transfer export, with its stated purpose. */
function BusinessTransfer() {
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const download = useMutation({
    mutationFn: downloadBusinessTransfer,
    onSuccess: (file) => {
      setError(null);
      setDone(
        `The file with ${file.customerCount} customer accounts is downloaded; the export is in the log above.`,
      );
    },
    onError: (e) => setError(isApiError(e) && e.field === 'purpose' ? e.fieldMessage : errorMessage(e)),
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const purpose = String(new FormData(event.currentTarget).get('purpose') ?? '').trim();
    setDone(null);
    if (purpose.length < 3) {
      setError('Say what the export is for (at least 3 characters)');
      return;
    }
    setError(null);
    download.mutate(purpose);
  }

  return (
    <section aria-labelledby="transfer-title" className="mt-10 flex flex-col gap-3">
      <h2 id="transfer-title" className="text-lg font-semibold text-gray-900">
        Business-transfer export
      </h2>
      <p className="max-w-3xl text-sm text-muted">
        For a sale or transfer of the shop: a JSON file with every customer account’s name, email, phone,
        addresses, account date and their orders’ references, dates, statuses and totals. It never holds card
        or payment data, social security numbers, dates of birth or any mailing list.
      </p>
      {done ? <Notice tone="success">{done}</Notice> : null}
      <form
        method="post"
        onSubmit={submit}
        noValidate
        data-transfer-form=""
        className="flex flex-wrap items-end gap-3 rounded-xl border border-line bg-surface p-4"
      >
        <Input
          id="transfer-purpose"
          name="purpose"
          label="Purpose"
          required
          maxLength={300}
          autoComplete="off"
          hint="Recorded in the audit log with the export"
          error={error}
          fieldClassName="min-w-64 grow"
        />
        <Button type="submit" busy={download.isPending}>
          Download the export
        </Button>
      </form>
    </section>
  );
}
