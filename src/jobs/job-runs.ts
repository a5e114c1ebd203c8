/**
 * Each run of a job, whatever process pg-boss hands it to: the job's lease is taken first (a row per job in
 * `job_leases`), so a job handed to two processes at once — two schedulers, a retry racing a late run — runs
 * once and the other writes a `skipped` run; then the run is written to `job_runs` with its counts or its
 * error, which the back office lists (`/admin/jobs`).
 */
import { and, desc, eq, lt } from 'drizzle-orm';
import type { AppContext } from '../context.ts';
import { uuidv7 } from '../shared/ids.ts';
import { safeError } from '../shared/logging.ts';
import { type JobRunStatus, jobLeases, jobRuns } from './schema.ts';

/**
 * How long a lease holds when its holder never gives it back (the process died mid-run): longer than any job
 * takes, so a slow run is never run twice, and short enough that a crash delays the next run by one hour.
 */
export const LEASE_MS = 55 * 60_000;

export type RunOutcome<T> = { status: 'done'; result: T } | { status: 'skipped' };

/**
 * Takes the lease of `job` (a new row, or one whose holder let it expire); false when another process holds
 * it. One statement: two processes asking at once, one gets it (PostgreSQL waits on the row's insert; PGlite
 * has one connection).
 */
async function takeLease(
  ctx: Pick<AppContext, 'db'>,
  job: string,
  holder: string,
  now: Date,
): Promise<boolean> {
  const taken = await ctx.db
    .insert(jobLeases)
    .values({ job, holder, until: new Date(now.getTime() + LEASE_MS) })
    .onConflictDoUpdate({
      target: jobLeases.job,
      set: { holder, until: new Date(now.getTime() + LEASE_MS) },
      setWhere: lt(jobLeases.until, now),
    })
    .returning({ holder: jobLeases.holder });
  return taken[0]?.holder === holder;
}

/** Runs `work` as one run of `job` under its lease, written to `job_runs`; a failure is written, then thrown. */
export async function runOnce<T>(
  ctx: Pick<AppContext, 'db'>,
  job: string,
  work: () => Promise<T>,
  now: () => Date = () => new Date(),
): Promise<RunOutcome<T>> {
  const id = uuidv7();
  const holder = uuidv7();
  const startedAt = now();
  if (!(await takeLease(ctx, job, holder, startedAt))) {
    await ctx.db.insert(jobRuns).values({ id, job, status: 'skipped', startedAt, finishedAt: startedAt });
    return { status: 'skipped' };
  }
  await ctx.db.insert(jobRuns).values({ id, job, status: 'running', startedAt });
  const finish = async (status: JobRunStatus, fields: { result?: unknown; error?: string }) => {
    await ctx.db
      .update(jobRuns)
      .set({ status, finishedAt: now(), ...fields })
      .where(eq(jobRuns.id, id));
    await ctx.db.delete(jobLeases).where(and(eq(jobLeases.job, job), eq(jobLeases.holder, holder)));
  };
  try {
    const result = await work();
    await finish('done', { result: result ?? null });
    return { status: 'done', result };
  } catch (error) {
    const safe = safeError(error);
    await finish('failed', { error: `${safe.name}: ${safe.message}`.slice(0, 2000) });
    throw error;
  }
}

export interface JobRunView {
  id: string;
  job: string;
  status: JobRunStatus;
  startedAt: Date;
  finishedAt: Date | null;
  result: unknown;
  error: string | null;
}

/** The latest runs, newest first (`limit` at most 200). */
export async function latestJobRuns(ctx: Pick<AppContext, 'db'>, limit = 50): Promise<JobRunView[]> {
  const rows = await ctx.db
    .select()
    .from(jobRuns)
    .orderBy(desc(jobRuns.startedAt), desc(jobRuns.id))
    .limit(Math.min(Math.max(limit, 1), 200));
  return rows.map((r) => ({ ...r, status: r.status as JobRunStatus }));
}

/** PV-MIN-1: the job log itself is kept this long. */
export async function deleteOldJobRuns(ctx: Pick<AppContext, 'db'>, before: Date): Promise<number> {
  const rows = await ctx.db
    .delete(jobRuns)
    .where(lt(jobRuns.startedAt, before))
    .returning({ id: jobRuns.id });
  return rows.length;
}
