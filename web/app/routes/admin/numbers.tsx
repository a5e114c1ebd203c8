/**
 * /admin/numbers (issue 11 point 4): the owner's after-sales numbers over a range of dates and optionally one
 * product category: cases per month by kind, by state and by outcome, time to resolution, the cost of
 * after-sales against sales, the products claimed most per 100 sold and the clauses that declined claims.
 * Each section has a chart (a picture with a summary) and the table of its figures, and links to its CSV.
 * The filters live in the address, so a view can be shared and reloaded; a range the API refuses is explained
 * at the field it names and what was typed stays. Other staff are told the page is the owner's.
 */
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Form, type MetaFunction, useSearchParams } from 'react-router';
import { describePolicy } from '../../../../src/aftersales/policy.text.ts';
import { claimKindLabel } from '../../components/admin/case-format.ts';
import { formatDate, formatUsd } from '../../components/admin/format.ts';
import { adminMeta } from '../../components/admin/meta.ts';
import { NumbersChart } from '../../components/admin/NumbersChart.tsx';
import {
  type CountRow,
  casesByMonthAndKind,
  casesByOutcome,
  casesByState,
  decimal,
  durationParts,
  kindsPresent,
  monthLabel,
  percent,
} from '../../components/admin/numbers-view.ts';
import { LoadError, Loading, Panel } from '../../components/admin/QueryState.tsx';
import { CATEGORY_VALUES, categoryLabels, isCategory } from '../../components/product/categories.ts';
import { Button, ButtonLink, buttonClasses } from '../../components/ui/Button.tsx';
import { Input } from '../../components/ui/Input.tsx';
import { Notice } from '../../components/ui/Notice.tsx';
import { PageHeader } from '../../components/ui/PageHeader.tsx';
import { Select } from '../../components/ui/Select.tsx';
import { Table, TBody, Td, THead, Th, Tr } from '../../components/ui/Table.tsx';
import { getSession, isApiError, keys } from '../../lib/admin-api.ts';
import {
  getNumbers,
  type NumbersFilters,
  type NumbersResponse,
  type NumbersTable,
  numbersCsvPath,
  numbersKeys,
} from '../../lib/admin-numbers-api.ts';
import { listPolicyVersions, policyKeys } from '../../lib/admin-policy-api.ts';

export const meta: MetaFunction = ({ matches }) => adminMeta(matches, 'After-sales numbers');

const PAGE_TITLE = 'After-sales numbers';
const filterFields = ['from', 'to', 'category'] as const;
/** The subject of a message the API gives as a fragment ("must be on or after from …"). */
const fieldLabels: Record<(typeof filterFields)[number], string> = {
  from: 'The “From” date',
  to: 'The “To” date',
  category: 'The category',
};

/** The filters as the address has them; an empty value is left to the API's default. */
function filtersOf(params: URLSearchParams): NumbersFilters {
  const category = params.get('category');
  return {
    from: params.get('from') || undefined,
    to: params.get('to') || undefined,
    category: isCategory(category) ? category : undefined,
  };
}

/** A day of the range (`YYYY-MM-DD`, UTC) in the shop's date format. */
const day = (date: string) => formatDate(`${date}T00:00:00Z`);

export default function NumbersPage() {
  const session = useQuery({ queryKey: keys.session, queryFn: getSession, staleTime: 5 * 60_000 });
  const isOwner = session.data?.role === 'owner';
  const header = (
    <PageHeader
      title={PAGE_TITLE}
      description="What after-sales service costs and where claims come from: cases, time to resolution, costs against sales, the products claimed most and why claims were declined."
    />
  );
  if (session.data && !isOwner) {
    return (
      <>
        {header}
        <OwnerOnly />
      </>
    );
  }
  return (
    <>
      {header}
      {isOwner ? <Numbers /> : <Loading label="Checking your session" />}
    </>
  );
}

function OwnerOnly() {
  return (
    <Notice title="This page is for the shop’s owner">
      After-sales numbers include the shop’s sales and costs, so only the owner sees them. Ask the owner if
      you need a figure.
    </Notice>
  );
}

function Numbers() {
  const [params] = useSearchParams();
  const filters = filtersOf(params);
  const numbers = useQuery({ queryKey: numbersKeys.range(filters), queryFn: () => getNumbers(filters) });
  const error = numbers.error;
  // A refused filter is shown at its field; anything else above the figures.
  const fieldError =
    isApiError(error, 400) && (filterFields as readonly string[]).includes(error.field ?? '')
      ? {
          field: error.field as (typeof filterFields)[number],
          message: error.messageFor(fieldLabels[error.field as (typeof filterFields)[number]]),
        }
      : null;
  const data = numbers.data;
  const typedCategory = params.get('category') ?? '';

  return (
    <>
      <Form
        method="get"
        role="search"
        aria-label="Choose the range"
        // Shown again when the address or the answer's default range changes; what was typed is in the address.
        key={`${params.toString()}|${data?.from ?? ''}|${data?.to ?? ''}`}
        className="mb-4 grid grid-cols-2 gap-3 rounded-xl border border-line bg-surface p-4 lg:grid-cols-[minmax(0,1fr)_minmax(0,1fr)_minmax(0,1fr)_auto] lg:items-end"
      >
        <Input
          label="From"
          name="from"
          type="date"
          defaultValue={params.get('from') ?? data?.from ?? ''}
          error={fieldError?.field === 'from' ? fieldError.message : null}
        />
        <Input
          label="To"
          name="to"
          type="date"
          defaultValue={params.get('to') ?? data?.to ?? ''}
          error={fieldError?.field === 'to' ? fieldError.message : null}
        />
        <Select
          label="Category"
          name="category"
          defaultValue={isCategory(typedCategory) ? typedCategory : ''}
          placeholder="All categories"
          options={CATEGORY_VALUES.map((c) => ({ value: c, label: categoryLabels[c] }))}
          error={fieldError?.field === 'category' ? fieldError.message : null}
          fieldClassName="col-span-2 lg:col-span-1"
        />
        <div className="col-span-2 flex gap-2 lg:col-span-1">
          <Button type="submit">Show</Button>
          {params.toString() ? (
            <ButtonLink to="/admin/numbers" variant="ghost">
              Last 12 months
            </ButtonLink>
          ) : null}
        </div>
      </Form>

      {fieldError ? (
        <Notice tone="warning" title="The range needs a look">
          Nothing is shown until the dates above make a range.
        </Notice>
      ) : numbers.isPending ? (
        <Loading label="Loading the numbers" />
      ) : numbers.isError ? (
        isApiError(error, 403) ? (
          <OwnerOnly />
        ) : (
          <LoadError error={error} what="the numbers" onRetry={() => numbers.refetch()} />
        )
      ) : data ? (
        <Figures numbers={data} />
      ) : null}
    </>
  );
}

function Figures({ numbers }: { numbers: NumbersResponse }) {
  const filters: NumbersFilters = {
    from: numbers.from,
    to: numbers.to,
    category: numbers.category ?? undefined,
  };
  const range = `${day(numbers.from)} to ${day(numbers.to)}`;
  const scope = numbers.category ? `${categoryLabels[numbers.category]}, ${range}` : range;
  const csv = (table: NumbersTable) => <CsvLink href={numbersCsvPath(filters, table)} />;
  return (
    <div className="flex flex-col gap-4">
      <p className="text-muted">
        Figures from <strong className="text-gray-900">{range}</strong>
        {numbers.category ? ` for ${categoryLabels[numbers.category].toLowerCase()}` : ' for every category'}.
        Cases are counted in the month they were opened.
      </p>
      <CasesPerMonth numbers={numbers} scope={scope} action={csv('cases')} />
      <CasesByStateAndOutcome numbers={numbers} scope={scope} action={csv('cases')} />
      <ResolutionTime numbers={numbers} scope={scope} />
      <Costs numbers={numbers} scope={scope} action={csv('costs')} />
      <Products numbers={numbers} scope={scope} action={csv('products')} />
      <Declined numbers={numbers} scope={scope} action={csv('declined')} />
    </div>
  );
}

function CsvLink({ href }: { href: string }) {
  return (
    <a href={href} download className={buttonClasses({ variant: 'secondary', size: 'sm' })}>
      Download CSV
    </a>
  );
}

function Nothing({ children }: { children: ReactNode }) {
  return (
    <p className="rounded-lg border border-dashed border-gray-400 px-4 py-6 text-center text-muted">
      {children}
    </p>
  );
}

interface SectionProps {
  numbers: NumbersResponse;
  /** The range (and category) in words, for captions and chart summaries. */
  scope: string;
  action?: ReactNode;
}

function CasesPerMonth({ numbers, scope, action }: SectionProps) {
  const rows = casesByMonthAndKind(numbers);
  const kinds = kindsPresent(numbers.cases);
  const total = rows.reduce((sum, r) => sum + r.total, 0);
  const busiest = rows.reduce((best, r) => (r.total > (best?.total ?? 0) ? r : best), rows[0]);
  return (
    <Panel title="Cases per month by kind" actions={action}>
      {total === 0 ? (
        <Nothing>No case was opened in this range.</Nothing>
      ) : (
        <div className="flex flex-col gap-4">
          <NumbersChart
            summary={`Stacked bars of cases opened per month by kind, ${scope}: ${total} in all, most in ${busiest ? monthLabel(busiest.month) : ''} (${busiest?.total ?? 0}).`}
            labels={rows.map((r) => monthLabel(r.month))}
            series={kinds.map((k) => ({ label: claimKindLabel[k], values: rows.map((r) => r.byKind[k]) }))}
            stacked
          />
          <FigureTable caption={`Cases opened per month by kind, ${scope}`}>
            <THead>
              <Tr>
                <Th>Month</Th>
                {kinds.map((k) => (
                  <Th key={k} numeric>
                    {claimKindLabel[k]}
                  </Th>
                ))}
                <Th numeric>All kinds</Th>
              </Tr>
            </THead>
            <TBody>
              {rows.map((r) => (
                <Tr key={r.month}>
                  <Th scope="row" className="font-medium">
                    {monthLabel(r.month)}
                  </Th>
                  {kinds.map((k) => (
                    <Td key={k} numeric>
                      {r.byKind[k]}
                    </Td>
                  ))}
                  <Td numeric className="font-semibold">
                    {r.total}
                  </Td>
                </Tr>
              ))}
            </TBody>
          </FigureTable>
        </div>
      )}
    </Panel>
  );
}

/** A table of figures; its frame scrolls sideways on a phone and can be scrolled from the keyboard. */
function FigureTable({ caption, children }: { caption: string; children: ReactNode }) {
  return (
    <Table caption={caption} scrollLabel={caption}>
      {children}
    </Table>
  );
}

function CountTable({ caption, head, rows }: { caption: string; head: string; rows: CountRow[] }) {
  const total = rows.reduce((sum, r) => sum + r.count, 0);
  return (
    <FigureTable caption={caption}>
      <THead>
        <Tr>
          <Th>{head}</Th>
          <Th numeric>Cases</Th>
          <Th numeric>Share</Th>
        </Tr>
      </THead>
      <TBody>
        {rows.map((r) => (
          <Tr key={r.key}>
            <Th scope="row" className="font-medium">
              {r.label}
            </Th>
            <Td numeric>{r.count}</Td>
            <Td numeric>{percent(total ? r.count / total : null)}</Td>
          </Tr>
        ))}
      </TBody>
    </FigureTable>
  );
}

function CasesByStateAndOutcome({ numbers, scope, action }: SectionProps) {
  const states = casesByState(numbers.cases);
  const outcomes = casesByOutcome(numbers.cases);
  return (
    <Panel title="Cases by state and by outcome" actions={action}>
      {states.length === 0 ? (
        <Nothing>No case was opened in this range.</Nothing>
      ) : (
        <div className="flex flex-col gap-4">
          <NumbersChart
            summary={`Bars of the cases opened ${scope} by their outcome: ${outcomes.map((o) => `${o.label} ${o.count}`).join(', ')}.`}
            labels={outcomes.map((o) => o.label)}
            series={[{ label: 'Cases', values: outcomes.map((o) => o.count) }]}
            horizontal
          />
          <div className="grid gap-4 lg:grid-cols-2">
            <CountTable caption={`Cases by state now, ${scope}`} head="State" rows={states} />
            <CountTable caption={`Cases by outcome, ${scope}`} head="Outcome" rows={outcomes} />
          </div>
        </div>
      )}
    </Panel>
  );
}

function ResolutionTime({ numbers, scope }: SectionProps) {
  const t = numbers.resolutionTime;
  const median = durationParts(t.medianHours);
  const p90 = durationParts(t.p90Hours);
  return (
    <Panel title="Time to resolution">
      {t.resolved === 0 || t.medianHours === null ? (
        <Nothing>No case opened in this range has been resolved yet.</Nothing>
      ) : (
        <div className="flex flex-col gap-4">
          <NumbersChart
            summary={`Bars of the time from opening to resolution of ${t.resolved} resolved cases, ${scope}: half within ${median.days}, nine in ten within ${p90.days}.`}
            labels={['Median', '90th percentile']}
            series={[{ label: 'Days', values: [t.medianHours / 24, (t.p90Hours ?? 0) / 24] }]}
            format={(v) => `${decimal(v)} d`}
            horizontal
          />
          <FigureTable
            caption={`Time from opening to resolution of the ${t.resolved} resolved cases, ${scope}`}
          >
            <THead>
              <Tr>
                <Th>Measure</Th>
                <Th numeric>Days</Th>
                <Th numeric>Hours</Th>
              </Tr>
            </THead>
            <TBody>
              <Tr>
                <Th scope="row" className="font-medium">
                  Median
                  <span className="block text-sm font-normal text-muted">
                    half the cases were resolved within
                  </span>
                </Th>
                <Td numeric className="whitespace-nowrap">
                  {median.days}
                </Td>
                <Td numeric className="whitespace-nowrap">
                  {median.hours}
                </Td>
              </Tr>
              <Tr>
                <Th scope="row" className="font-medium">
                  90th percentile
                  <span className="block text-sm font-normal text-muted">
                    nine in ten were resolved within
                  </span>
                </Th>
                <Td numeric className="whitespace-nowrap">
                  {p90.days}
                </Td>
                <Td numeric className="whitespace-nowrap">
                  {p90.hours}
                </Td>
              </Tr>
            </TBody>
          </FigureTable>
        </div>
      )}
    </Panel>
  );
}

/** The parts of the after-sales cost, which add up to `totalCents`: the money that left the shop. */
const costParts = [
  ['refundsCents', 'Refunds'],
  ['couponsRedeemedCents', 'Coupons spent'],
  ['vouchersRedeemedCents', 'Vouchers spent'],
  ['returnShippingCents', 'Return postage'],
  ['partsCents', 'Parts'],
] as const;

const costColumns = [
  ['salesCents', 'Sales'],
  ['totalCents', 'After-sales cost'],
  ...costParts,
  ['couponsIssuedCents', 'Coupons issued'],
  ['vouchersIssuedCents', 'Vouchers issued'],
] as const;

function Costs({ numbers, scope, action }: SectionProps) {
  const { costs, totals } = numbers;
  const empty = totals.salesCents === 0 && totals.totalCents === 0;
  return (
    <Panel title="After-sales cost against sales" actions={action}>
      {empty ? (
        <Nothing>No sale and no after-sales cost in this range.</Nothing>
      ) : (
        <div className="flex flex-col gap-4">
          <dl className="grid gap-3 sm:grid-cols-3">
            <Figure term="Sales" value={formatUsd(totals.salesCents)} />
            <Figure term="After-sales cost" value={formatUsd(totals.totalCents)} />
            <Figure term="Cost share of sales" value={percent(totals.costShareOfSales)} />
          </dl>
          <NumbersChart
            summary={`Stacked bars of the after-sales cost per month by part with sales as a line, ${scope}: ${formatUsd(totals.totalCents)} of cost against ${formatUsd(totals.salesCents)} of sales (${percent(totals.costShareOfSales)}).`}
            labels={costs.map((c) => monthLabel(c.month))}
            series={[
              ...costParts.map(([key, label]) => ({ label, values: costs.map((c) => c[key] / 100) })),
              { label: 'Sales', values: costs.map((c) => c.salesCents / 100), line: true },
            ]}
            format={(dollars) => formatUsd(Math.round(dollars * 100))}
            axisTitles={{ value: 'After-sales cost', line: 'Sales' }}
            stacked
          />
          <FigureTable caption={`Sales and after-sales cost per month, ${scope}`}>
            <THead>
              <Tr>
                <Th>Month</Th>
                {costColumns.map(([key, label]) => (
                  <Th key={key} numeric>
                    {label}
                  </Th>
                ))}
              </Tr>
            </THead>
            <TBody>
              {costs.map((c) => (
                <Tr key={c.month}>
                  <Th scope="row" className="whitespace-nowrap font-medium">
                    {monthLabel(c.month)}
                  </Th>
                  {costColumns.map(([key]) => (
                    <Td key={key} numeric className="whitespace-nowrap">
                      {formatUsd(c[key])}
                    </Td>
                  ))}
                </Tr>
              ))}
              <Tr className="bg-gray-50 font-semibold">
                <Th scope="row">Total</Th>
                {costColumns.map(([key]) => (
                  <Td key={key} numeric className="whitespace-nowrap">
                    {formatUsd(totals[key])}
                  </Td>
                ))}
              </Tr>
            </TBody>
          </FigureTable>
          <p className="text-sm text-muted">
            The after-sales cost is the money that left the shop: refunds, return postage, parts, and the
            coupons and vouchers customers spent. Codes are counted when spent; those issued are shown apart.
          </p>
        </div>
      )}
    </Panel>
  );
}

function Figure({ term, value }: { term: string; value: string }) {
  return (
    <div className="rounded-lg border border-line px-4 py-3">
      <dt className="text-sm text-muted">{term}</dt>
      <dd className="whitespace-nowrap text-xl font-semibold tabular-nums text-gray-900">{value}</dd>
    </div>
  );
}

function Products({ numbers, scope, action }: SectionProps) {
  const products = numbers.products;
  return (
    <Panel title="Products with the most claims per 100 sold" actions={action}>
      {products.length === 0 ? (
        <Nothing>No product sold in this range has a claim.</Nothing>
      ) : (
        <div className="flex flex-col gap-4">
          <NumbersChart
            summary={`Bars of claims per 100 sold for the ${products.length} products claimed most, ${scope}; first ${products[0]?.name} with ${decimal(products[0]?.claimsPer100Sold ?? 0)}.`}
            labels={products.map((p) => p.name)}
            series={[{ label: 'Claims per 100 sold', values: products.map((p) => p.claimsPer100Sold) }]}
            format={decimal}
            horizontal
          />
          <FigureTable caption={`Products with the most claims per 100 sold, ${scope}`}>
            <THead>
              <Tr>
                <Th>Product</Th>
                <Th>Category</Th>
                <Th numeric>Sold</Th>
                <Th numeric>Claims</Th>
                <Th numeric>Claims per 100 sold</Th>
              </Tr>
            </THead>
            <TBody>
              {products.map((p) => (
                <Tr key={p.productId}>
                  <Th scope="row" className="font-medium">
                    {p.name}
                  </Th>
                  <Td className="whitespace-nowrap">{categoryLabels[p.category]}</Td>
                  <Td numeric>{p.sold}</Td>
                  <Td numeric>{p.claims}</Td>
                  <Td numeric>{decimal(p.claimsPer100Sold)}</Td>
                </Tr>
              ))}
            </TBody>
          </FigureTable>
        </div>
      )}
    </Panel>
  );
}

/** Each clause in the words of the live policy (the storefront's policy page), so the owner reads the rule. */
function useClauseWords(): Map<string, string> {
  const versions = useQuery({ queryKey: policyKeys.versions, queryFn: listPolicyVersions });
  const live = versions.data?.items.find((v) => v.version === versions.data?.current);
  const sections = describePolicy(live?.settings);
  return new Map([
    ...sections.flatMap((s) => s.clauses.map((c) => [c.clause, c.text] as const)),
    // The API's name for a claim staff declined although the policy accepted it.
    ['override', 'Declined by staff although the policy accepted the claim.'],
  ]);
}

function Declined({ numbers, scope, action }: SectionProps) {
  const { claims, declined, byClause } = numbers.declined;
  const words = useClauseWords();
  return (
    <Panel title="Declined claims by clause" actions={action}>
      {declined === 0 ? (
        <Nothing>
          {claims === 0
            ? 'No claim was made in this range.'
            : `None of the ${claims} claims in this range was declined.`}
        </Nothing>
      ) : (
        <div className="flex flex-col gap-4">
          <p>
            <strong>{declined}</strong> of {claims} claims were declined (
            {percent(claims ? declined / claims : null)}
            ).
          </p>
          <NumbersChart
            summary={`Bars of declined claims by the clause that declined them, ${scope}: ${byClause.map((c) => `${c.clause} ${c.count}`).join(', ')}.`}
            labels={byClause.map((c) => c.clause)}
            series={[{ label: 'Declined claims', values: byClause.map((c) => c.count) }]}
            horizontal
          />
          <FigureTable caption={`Declined claims by clause, ${scope}`}>
            <THead>
              <Tr>
                <Th>Clause</Th>
                <Th>What it says</Th>
                <Th numeric>Declined</Th>
                <Th numeric>Share</Th>
              </Tr>
            </THead>
            <TBody>
              {byClause.map((c) => (
                <Tr key={c.clause}>
                  <Th scope="row" className="whitespace-nowrap font-medium">
                    {c.clause}
                  </Th>
                  <Td className="min-w-64 text-gray-700">
                    {words.get(c.clause) ?? 'Not a clause of the current policy.'}
                  </Td>
                  <Td numeric>{c.count}</Td>
                  <Td numeric>{percent(c.share)}</Td>
                </Tr>
              ))}
            </TBody>
          </FigureTable>
        </div>
      )}
    </Panel>
  );
}
