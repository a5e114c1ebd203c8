import { index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * One row per run of a background job, whatever process ran it: what it did (its counts, never personal data)
 * or why it failed, shown in the back office (`/admin/jobs`). A run that found another process holding the
 * job's lease is written as `skipped`.
 */
export const jobRuns = pgTable(
  'job_runs',
  {
    id: uuid().primaryKey(),
    job: text().notNull(),
    /** 'running', 'done', 'failed' or 'skipped'. */
    status: text().$type<JobRunStatus>().notNull(),
    startedAt: timestamp({ withTimezone: true }).notNull(),
    finishedAt: timestamp({ withTimezone: true }),
    /** The job's answer (counts). */
    result: jsonb(),
    /** The error's class and message, without query parameters (safeError). */
    error: text(),
  },
  (t) => [
    index('job_runs_started_idx').on(t.startedAt, t.id),
    index('job_runs_job_idx').on(t.job, t.startedAt),
  ],
);

export type JobRunStatus = 'running' | 'done' | 'failed' | 'skipped';

/**
 * A job's lease: the process holding it runs the job; another process that is handed the same job meanwhile
 * (two schedulers, a retry, a manual run) skips it. A lease past `until` (its holder died) may be taken over.
 */
export const jobLeases = pgTable('job_leases', {
  job: text().primaryKey(),
  holder: uuid().notNull(),
  until: timestamp({ withTimezone: true }).notNull(),
});
