/**
 * /admin/cases: the staff case queue. Filters (state, kind, assignee, deadline, product, opened between) and the
 * sort live in the URL as a GET form, so a filtered queue can be linked and reloaded; pages are the server's
 * keyset cursors. Each row says who the case waits on ("Waiting on customer 3 days") and its next deadline, the
 * shop's or the customer's, marked Overdue or Near in words (issue 11 point 5).
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Form, Link, type MetaFunction, useSearchParams } from 'react-router';
import { CaseMarks, CaseStateBadge, NextDeadline } from '../../components/admin/CaseBadges.tsx';
import {
  type CaseState,
  type ClaimKind,
  caseStateLabel,
  claimKindLabel,
} from '../../components/admin/case-format.ts';
import { formatDateTime } from '../../components/admin/format.ts';
import { adminMeta } from '../../components/admin/meta.ts';
import { Pager, useCursorPaging } from '../../components/admin/Pager.tsx';
import { LoadError, Loading } from '../../components/admin/QueryState.tsx';
import { Button, ButtonLink } from '../../components/ui/Button.tsx';
import { EmptyState } from '../../components/ui/EmptyState.tsx';
import { Input } from '../../components/ui/Input.tsx';
import { PageHeader } from '../../components/ui/PageHeader.tsx';
import { Select } from '../../components/ui/Select.tsx';
import { Spinner } from '../../components/ui/Spinner.tsx';
import { Table, TBody, Td, THead, Th, Tr } from '../../components/ui/Table.tsx';
import { type AdminCaseSummary, type CaseListQuery, caseKeys, listCases } from '../../lib/admin-cases-api.ts';

export const meta: MetaFunction = ({ matches }) => adminMeta(matches, 'Cases');

const PAGE_SIZE = 25;
const states = Object.keys(caseStateLabel) as CaseState[];
const kinds = Object.keys(claimKindLabel) as ClaimKind[];
const deadlines = [
  { value: 'overdue', label: 'Overdue' },
  { value: '2', label: 'Due within 2 days' },
  { value: '7', label: 'Due within 7 days' },
];
const owners = [
  { value: 'shop', label: 'The shop’s' },
  { value: 'customer', label: 'The customer’s' },
];
/** "Due within N days" for any N the dashboard links to (CASE_DUE_SOON_DAYS), not only the listed ones. */
const WITHIN = /^\d{1,3}$/;

function deadlineOptions(current: string | null) {
  return current && WITHIN.test(current) && !deadlines.some((d) => d.value === current)
    ? [...deadlines, { value: current, label: `Due within ${current} days` }]
    : deadlines;
}
const sorts = [
  { value: 'opened:desc', label: 'Newest first' },
  { value: 'opened:asc', label: 'Oldest first' },
  { value: 'updated:desc', label: 'Recently updated' },
  { value: 'updated:asc', label: 'Longest untouched' },
  { value: 'deadline:asc', label: 'Deadline, soonest first' },
  { value: 'deadline:desc', label: 'Deadline, latest first' },
];
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function pick<T extends string>(value: string | null, allowed: readonly T[]): T | undefined {
  return value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : undefined;
}

/** The queue's API query from the URL; anything the form could not have produced is left out. */
function queryOf(params: URLSearchParams, cursor: string | undefined): CaseListQuery {
  const [sort, dir] = (
    pick(
      params.get('order'),
      sorts.map((s) => s.value),
    ) ?? 'opened:desc'
  ).split(':');
  const deadline = params.get('deadline');
  const assignee = params.get('assignee');
  const from = params.get('openedFrom') ?? '';
  const to = params.get('openedTo') ?? '';
  return {
    state: pick(params.get('state'), states),
    kind: pick(params.get('kind'), kinds),
    assignee: assignee === 'me' || assignee === 'unassigned' ? assignee : undefined,
    overdue: deadline === 'overdue' ? 'true' : undefined,
    dueWithinDays: deadline && WITHIN.test(deadline) && Number(deadline) <= 365 ? deadline : undefined,
    whose: pick(
      params.get('whose'),
      owners.map((o) => o.value),
    ),
    product: params.get('product')?.trim() || undefined,
    openedFrom: DATE.test(from) ? from : undefined,
    openedTo: DATE.test(to) ? to : undefined,
    sort,
    dir,
    cursor,
    limit: PAGE_SIZE,
  };
}

export default function Cases() {
  const [params] = useSearchParams();
  const paging = useCursorPaging();
  const query = queryOf(params, paging.cursor);
  const cases = useQuery({
    queryKey: caseKeys.list(query),
    queryFn: () => listCases(query),
    placeholderData: keepPreviousData,
  });
  const filtered = [
    'state',
    'kind',
    'assignee',
    'deadline',
    'whose',
    'product',
    'openedFrom',
    'openedTo',
  ].some((k) => params.get(k));

  return (
    <>
      <PageHeader
        title="After-sales cases"
        description="Every claim customers opened, with who it waits on. Decisions are checked against the after-sales policy."
      />
      <Form
        method="get"
        role="search"
        aria-label="Filter cases"
        className="mb-4 grid grid-cols-2 gap-3 rounded-xl border border-line bg-surface p-4 lg:grid-cols-4 lg:items-end"
        key={params.toString()}
      >
        <Select
          label="State"
          name="state"
          defaultValue={query.state ?? ''}
          placeholder="Any state"
          options={states.map((s) => ({ value: s, label: caseStateLabel[s] }))}
        />
        <Select
          label="Kind"
          name="kind"
          defaultValue={query.kind ?? ''}
          placeholder="Any kind"
          options={kinds.map((k) => ({ value: k, label: claimKindLabel[k] }))}
        />
        <Select
          label="Assigned to"
          name="assignee"
          defaultValue={String(query.assignee ?? '')}
          placeholder="Anyone"
          options={[
            { value: 'me', label: 'Me' },
            { value: 'unassigned', label: 'Nobody yet' },
          ]}
        />
        <Select
          label="Deadline"
          name="deadline"
          defaultValue={params.get('deadline') ?? ''}
          placeholder="Any"
          options={deadlineOptions(params.get('deadline'))}
        />
        <Select
          label="Whose deadline"
          name="whose"
          defaultValue={query.whose ? String(query.whose) : ''}
          placeholder="Shop’s or customer’s"
          options={owners}
          fieldClassName="col-span-2 lg:col-span-1"
        />
        <Input
          label="Product or SKU"
          name="product"
          type="search"
          defaultValue={params.get('product') ?? ''}
          fieldClassName="col-span-2 lg:col-span-1"
        />
        <Input
          label="Opened from"
          name="openedFrom"
          type="date"
          defaultValue={String(query.openedFrom ?? '')}
        />
        <Input label="Opened until" name="openedTo" type="date" defaultValue={String(query.openedTo ?? '')} />
        <Select
          label="Sort"
          name="order"
          defaultValue={`${query.sort}:${query.dir}`}
          options={sorts}
          fieldClassName="col-span-2"
        />
        <div className="col-span-2 flex gap-2">
          <Button type="submit">Filter</Button>
          {filtered ? (
            <ButtonLink to="/admin/cases" variant="ghost">
              Clear
            </ButtonLink>
          ) : null}
        </div>
      </Form>

      {cases.isPending ? (
        <Loading label="Loading cases" />
      ) : cases.isError ? (
        <LoadError error={cases.error} what="the cases" onRetry={() => cases.refetch()} />
      ) : cases.data.items.length === 0 ? (
        <EmptyState
          title={filtered ? 'No cases match these filters' : 'No cases yet'}
          description={
            filtered
              ? 'Try another state or deadline, or clear the filters.'
              : 'A case appears here when a customer opens a claim from their order page.'
          }
          action={
            filtered ? (
              <ButtonLink to="/admin/cases" variant="secondary">
                Show all cases
              </ButtonLink>
            ) : undefined
          }
        />
      ) : (
        <>
          <Table
            caption={
              <span className="flex items-center gap-2">
                {filtered ? 'Matching cases' : 'All cases'}
                {cases.isFetching ? <Spinner size="sm" label="Updating" /> : null}
              </span>
            }
          >
            <THead>
              <Tr>
                <Th>Case</Th>
                <Th>State and next deadline</Th>
                <Th className="hidden md:table-cell">Opened</Th>
                <Th className="hidden sm:table-cell">Assigned to</Th>
              </Tr>
            </THead>
            <TBody>
              {cases.data.items.map((c) => (
                <CaseRow key={c.id} c={c} />
              ))}
            </TBody>
          </Table>
          <Pager
            paging={paging}
            nextCursor={cases.data.nextCursor}
            busy={cases.isFetching}
            label="Case pages"
          />
        </>
      )}
    </>
  );
}

function CaseRow({ c }: { c: AdminCaseSummary }) {
  return (
    <Tr>
      <Td>
        <Link
          to={`/admin/cases/${c.id}`}
          className="font-semibold whitespace-nowrap text-primary-ink underline"
        >
          {c.reference}
        </Link>
        <span className="block font-medium">{c.productName}</span>
        <span className="block text-muted">
          {claimKindLabel[c.kind]} · order {c.orderReference}
        </span>
        {/* PV-STF-1: in full for the member's own cases, masked ("J. D. · …@example.com") for the others. */}
        <span className="block break-all text-muted">
          {c.customer.name} · {c.customer.email}
          {c.personalData === 'masked' ? <span className="sr-only"> (customer details hidden)</span> : null}
        </span>
        <span className="block text-muted md:hidden">Opened {formatDateTime(c.openedAt)}</span>
        <span className="block text-muted sm:hidden">
          {c.assignee ? `Assigned to ${c.assignee.name}` : 'Unassigned'}
        </span>
      </Td>
      <Td>
        <span className="flex flex-col items-start gap-1">
          <CaseStateBadge state={c.state} />
          <CaseMarks c={c} withDeadline={false} />
          <NextDeadline deadline={c.nextDeadline} />
        </span>
      </Td>
      <Td className="hidden whitespace-nowrap md:table-cell">{formatDateTime(c.openedAt)}</Td>
      <Td className="hidden sm:table-cell">
        {c.assignee ? c.assignee.name : <span className="text-muted">Unassigned</span>}
      </Td>
    </Tr>
  );
}
