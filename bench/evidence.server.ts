/**
 * The server side of the evidence benchmark (bench/evidence.bench.ts): the whole app on a free port with its
 * own database (PGlite, or PostgreSQL when DATABASE_URL is set), one case waiting for evidence, and one line
 * on stdout with the address and the case. Runs until its parent ends it.
 */
import { startTestApp } from '../test/helpers/app.ts';
import { openCase } from '../test/helpers/evidence-fixtures.ts';

const t = await startTestApp({
  env: {
    EVIDENCE_MAX_FILES_PER_CASE: '500',
    EVIDENCE_MAX_IMAGE_BYTES: String(40 * 1024 * 1024),
    STAFF_IDLE_MINUTES: '720',
  },
});
const staff = await t.staffCookie();
const c = await openCase(t, staff, 'dead_on_arrival');
const address = await t.app.listen({ host: '127.0.0.1', port: 0 });
process.stdout.write(`${JSON.stringify({ url: address, token: c.token, reference: c.reference })}\n`);
const stop = async () => {
  await t.close();
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
