/**
 * The after-sales numbers (GET /api/admin/after-sales/numbers) arranged for the page's charts and tables:
 * cases per month by kind, counts by state and by outcome, hours as days, shares as percentages. Pure and
 * browser-safe; the figures are the server's, nothing here counts anew.
 */
import type { NumbersCaseRow, NumbersResponse } from '../../lib/admin-numbers-api.ts';
import {
  type CaseState,
  type ClaimKind,
  caseStateLabel,
  claimKindLabel,
  resolutionLabels,
} from './case-format.ts';
import { formatDate, humanize } from './format.ts';

export const claimKinds = Object.keys(claimKindLabel) as ClaimKind[];
const caseStates = Object.keys(caseStateLabel) as CaseState[];

/** `2026-01` → "Jan 2026", through the shop's one date formatter ("1 Jan 2026" without its day). */
export function monthLabel(month: string): string {
  return formatDate(`${month}-01T00:00:00Z`).replace(/^\d+\s+/, '');
}

/** One row per month of the range (empty months included), with the cases of each kind opened in it. */
export function casesByMonthAndKind(
  numbers: Pick<NumbersResponse, 'months' | 'cases'>,
): Array<{ month: string; byKind: Record<ClaimKind, number>; total: number }> {
  const rows = new Map(
    numbers.months.map((month) => [
      month,
      {
        month,
        byKind: Object.fromEntries(claimKinds.map((k) => [k, 0])) as Record<ClaimKind, number>,
        total: 0,
      },
    ]),
  );
  for (const c of numbers.cases) {
    const row = rows.get(c.month);
    if (!row) continue;
    row.byKind[c.kind] += c.count;
    row.total += c.count;
  }
  return [...rows.values()];
}

/** The kinds that have at least one case, in the order the shop names them (the chart's series). */
export function kindsPresent(cases: readonly NumbersCaseRow[]): ClaimKind[] {
  const seen = new Set(cases.filter((c) => c.count > 0).map((c) => c.kind));
  return claimKinds.filter((k) => seen.has(k));
}

export interface CountRow {
  key: string;
  label: string;
  count: number;
}

/** Cases by their state now, in the order of a case's life; states without a case are left out. */
export function casesByState(cases: readonly NumbersCaseRow[]): CountRow[] {
  const counts = new Map<string, number>();
  for (const c of cases) counts.set(c.state, (counts.get(c.state) ?? 0) + c.count);
  return caseStates
    .filter((s) => (counts.get(s) ?? 0) > 0)
    .map((s) => ({ key: s, label: caseStateLabel[s], count: counts.get(s) ?? 0 }));
}

/** Cases by the resolution they got, most first; cases without one yet last. */
export function casesByOutcome(cases: readonly NumbersCaseRow[]): CountRow[] {
  const counts = new Map<string | null, number>();
  for (const c of cases) counts.set(c.resolution, (counts.get(c.resolution) ?? 0) + c.count);
  return [...counts.entries()]
    .filter(([, count]) => count > 0)
    .sort(([a, x], [b, y]) => (a === null ? 1 : b === null ? -1 : y - x))
    .map(([resolution, count]) => ({
      key: resolution ?? 'none',
      label:
        resolution === null
          ? 'No outcome yet'
          : (resolutionLabels[resolution as keyof typeof resolutionLabels] ?? humanize(resolution)),
      count,
    }));
}

const oneDecimal = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

/** Hours → "2.5 days" and "60 hours" (one decimal at most); null → "—". */
export function durationParts(hours: number | null): { days: string; hours: string } {
  if (hours === null) return { days: '—', hours: '—' };
  const days = hours / 24;
  return {
    days: `${oneDecimal.format(days)} ${days === 1 ? 'day' : 'days'}`,
    hours: `${oneDecimal.format(hours)} ${hours === 1 ? 'hour' : 'hours'}`,
  };
}

/** A share 0..1 → "4.3%"; null → "—". */
export function percent(share: number | null): string {
  return share === null ? '—' : `${oneDecimal.format(share * 100)}%`;
}

/** A count with one decimal at most ("2.5"). */
export function decimal(value: number): string {
  return oneDecimal.format(value);
}
