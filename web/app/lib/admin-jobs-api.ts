/** The back office's client for the job log (src/jobs/admin.routes.ts). */
import { request } from './admin-api.ts';

export interface JobRun {
  id: string;
  job: string;
  status: 'running' | 'done' | 'failed' | 'skipped';
  startedAt: string;
  finishedAt: string | null;
  result: unknown;
  error: string | null;
}

export const jobKeys = { runs: ['jobs', 'runs'] as const };

export async function listJobRuns(): Promise<JobRun[]> {
  return (await request<{ runs: JobRun[] }>('GET', '/api/admin/jobs/runs?limit=100')).runs;
}
