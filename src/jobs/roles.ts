/**
 * Who may read the job log, pure so that the back-office page (web/app/routes/admin/jobs.tsx) offers the log,
 * and a retry of loading it, only to the roles the API answers (src/jobs/admin.routes.ts guards with it).
 */

/** Runs are maintenance: the owner reads them (they hold counts, never personal data). */
export const jobLogRoles = ['owner'] as const;
