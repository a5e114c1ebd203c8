/**
 * /admin/jobs: every run of the background jobs, newest first, with what each did in counts (the retention
 * job's rows removed per rule, idle accounts warned and deleted, evidence files deleted; PV-MIN-1, PV-ACC-3)
 * or why it failed. A run another process was already doing is listed as skipped. Owner only.
 */
import { useQuery } from '@tanstack/react-query';
import type { MetaFunction } from 'react-router';
import { formatDateTime } from '../../components/admin/format.ts';
import { adminMeta } from '../../components/admin/meta.ts';
import { LoadError, Loading } from '../../components/admin/QueryState.tsx';
import { Badge, type Tone } from '../../components/ui/Badge.tsx';
import { EmptyState } from '../../components/ui/EmptyState.tsx';
import { PageHeader } from '../../components/ui/PageHeader.tsx';
import { type JobRun, jobKeys, listJobRuns } from '../../lib/admin-jobs-api.ts';

export const meta: MetaFunction = ({ matches }) => adminMeta(matches, 'Background jobs');

const jobLabels: Record<string, string> = {
  'privacy.retention': 'Retention: old data, idle accounts, old evidence',
  'aftersales.follow-up': 'Case reminders and withdrawals',
  'after-sales.deadline-digest': 'Daily digest of overdue case steps',
};

const statusLook: Record<JobRun['status'], { label: string; tone: Tone }> = {
  running: { label: 'Running', tone: 'info' },
  done: { label: 'Done', tone: 'success' },
  failed: { label: 'Failed', tone: 'danger' },
  skipped: { label: 'Skipped: already running elsewhere', tone: 'neutral' },
};

/** The run's counts as "label: number" pairs, one level of nesting spelled "group · label". */
function countsOf(result: unknown, prefix = ''): Array<[string, string]> {
  if (result === null || typeof result !== 'object') return [];
  const pairs: Array<[string, string]> = [];
  for (const [key, value] of Object.entries(result as Record<string, unknown>)) {
    const words = key.replace(/([A-Z])/g, ' $1').toLowerCase();
    const label = prefix ? `${prefix} · ${words}` : words;
    if (typeof value === 'number' || typeof value === 'string') pairs.push([label, String(value)]);
    else if (value && typeof value === 'object' && !prefix) pairs.push(...countsOf(value, words));
  }
  return pairs;
}

function seconds(run: JobRun): string | null {
  if (!run.finishedAt) return null;
  const ms = Date.parse(run.finishedAt) - Date.parse(run.startedAt);
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`;
}

export default function Jobs() {
  // The layout opens this page to the roles of web/app/lib/admin-pages.ts only, so the list is asked for at once.
  const runs = useQuery({ queryKey: jobKeys.runs, queryFn: listJobRuns });
  return (
    <>
      <PageHeader
        title="Background jobs"
        description="What the shop's scheduled jobs did, newest first: the retention job removes data that serves no purpose any more (PV-MIN-1) and deletes accounts unused for months after warning them (PV-ACC-3)."
      />
      {runs.isPending ? (
        <Loading label="Loading job runs" />
      ) : runs.isError ? (
        <LoadError error={runs.error} what="the job runs" onRetry={() => runs.refetch()} />
      ) : runs.data.length === 0 ? (
        <EmptyState
          title="No job has run yet"
          description="The retention job runs every hour at :17 UTC, the case reminders at :41."
        />
      ) : (
        <ul className="flex flex-col gap-3" aria-label="Job runs">
          {runs.data.map((run) => {
            const look = statusLook[run.status];
            const took = seconds(run);
            const counts = countsOf(run.result);
            return (
              <li key={run.id} data-job-run={run.id} className="rounded-xl border border-line bg-surface p-4">
                <div className="flex flex-wrap items-start justify-between gap-3">
                  <div className="min-w-0">
                    <p className="font-semibold text-gray-900">{jobLabels[run.job] ?? run.job}</p>
                    <p className="text-sm text-muted">
                      <time dateTime={run.startedAt}>{formatDateTime(run.startedAt)}</time>
                      {took ? ` · took ${took}` : ''}
                    </p>
                  </div>
                  <Badge tone={look.tone}>{look.label}</Badge>
                </div>
                {counts.length > 0 ? (
                  <dl className="mt-2 grid grid-cols-[minmax(0,1fr)_auto] gap-x-4 text-sm sm:max-w-md">
                    {counts.map(([label, value]) => (
                      <div key={label} className="contents">
                        <dt className="text-muted first-letter:uppercase">{label}</dt>
                        <dd className="text-right font-mono tabular-nums">{value}</dd>
                      </div>
                    ))}
                  </dl>
                ) : null}
                {run.error ? <p className="mt-2 text-sm text-red-800">{run.error}</p> : null}
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
