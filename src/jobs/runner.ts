/**
 * Background jobs on pg-boss, in the shop's own database (PostgreSQL, or PGlite through `executeSql`): retries,
 * cron schedules and one-at-a-time queues that hold across every process of the shop, with nothing else to
 * run. Features declare jobs; main.ts starts them after the server listens.
 */
import PgBoss from 'pg-boss';
import type { AppContext } from '../context.ts';
import { safeError } from '../shared/logging.ts';
import { runOnce } from './job-runs.ts';

export interface JobDefinition {
  /** The queue's name: letters, digits, dots and dashes. */
  name: string;
  /** Five-field cron in UTC; omitted for jobs that are only sent. */
  cron?: string;
  /** What one run does; its answer is logged (counts, never personal data). */
  run(ctx: AppContext): Promise<unknown>;
}

export interface JobLog {
  info(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface JobRunner {
  /** Queues a run now (a second request while one waits is dropped: each queue runs one job at a time). */
  runNow(name: string): Promise<string | null>;
  /** Waits for the running jobs to finish, then stops polling. */
  stop(): Promise<void>;
}

export interface JobRunnerOptions {
  log: JobLog;
  /** How often an idle worker asks for work; pg-boss's floor is 0.5 s. */
  pollingIntervalSeconds?: number;
}

export async function startJobs(
  ctx: AppContext,
  jobs: readonly JobDefinition[],
  { log, pollingIntervalSeconds = 30 }: JobRunnerOptions,
): Promise<JobRunner> {
  const boss = new PgBoss({
    db: { executeSql: (text, values) => ctx.database.executeSql(text, values) },
    schema: 'pgboss',
  });
  boss.on('error', (error: Error) => log.error({ err: error }, 'job queue error'));
  // Processes starting together set the queues up one at a time: pg-boss 10 creating the same queue from two
  // connections at once deadlocks.
  await ctx.database.exclusive(async () => {
    await boss.start();
    for (const job of jobs) {
      // `singleton`: at most one run queued and one active, however many processes schedule or send it.
      await boss.createQueue(job.name, {
        name: job.name,
        policy: 'singleton',
        retryLimit: 3,
        retryDelay: 60,
        retryBackoff: true,
      });
      if (job.cron) await boss.schedule(job.name, job.cron, {}, { tz: 'UTC' });
    }
  });

  for (const job of jobs) {
    await boss.work(job.name, { pollingIntervalSeconds }, async () => {
      const started = Date.now();
      try {
        // Under the job's lease, written to job_runs (job-runs.ts): handed to two processes, it runs once.
        const outcome = await runOnce(
          ctx,
          job.name,
          () => job.run(ctx),
          () => ctx.clock.now(),
        );
        if (outcome.status === 'skipped') {
          log.info({ job: job.name }, 'job skipped: another process is running it');
          return;
        }
        log.info({ job: job.name, result: outcome.result, ms: Date.now() - started }, 'job done');
      } catch (error) {
        log.error({ job: job.name, err: error }, 'job failed; pg-boss retries it');
        // pg-boss stores the error with the job: the stored copy holds no query parameters either.
        throw safeError(error);
      }
    });
  }

  return {
    runNow: (name) => boss.send(name, {}),
    stop: () => boss.stop({ graceful: true, wait: true, close: false, timeout: 10_000 }),
  };
}
