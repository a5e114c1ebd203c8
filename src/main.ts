/**
 * `npm start`: reads the configuration, opens and migrates the database, creates the owner and the demo shop
 * on first start, and serves. Fails fast, with one readable line, on a bad setting or an unreachable database.
 */
import cluster from 'node:cluster';
import { ensureOwner } from './accounts/staff.service.ts';
import { caseFollowUpJob } from './aftersales/cases/case-follow-up.ts';
import { deadlineDigestJob } from './aftersales/cases/deadline-digest.ts';
import { currentPolicyVersion } from './aftersales/policy-versions.service.ts';
import { ConfigError, loadConfig } from './config.ts';
import type { AppContext } from './context.ts';
import { DatabaseUnavailable, openDatabase } from './db/client.ts';
import { isShopEmpty, seedDemoShop } from './demo/index.ts';
import { startJobs } from './jobs/runner.ts';
import { smtpTransport, startMailDispatcher } from './messaging/dispatcher.ts';
import { retentionJob } from './privacy/retention.ts';
import { buildApp } from './server.ts';
import { loadAppSecret } from './settings/service.ts';
import { systemClock } from './shared/clock.ts';
import { asyncLogDestination, describeError } from './shared/logging.ts';
import { hasWebBuild } from './web/plugin.ts';

const EXIT_CONFIG = 78; // EX_CONFIG
const EXIT_UNAVAILABLE = 69; // EX_UNAVAILABLE

/** Every log line of this process goes here, written without blocking the event loop. */
const logDestination = asyncLogDestination();

async function main(): Promise<void> {
  const config = loadConfig();
  const database = await openDatabase({
    databaseUrl: config.DATABASE_URL,
    dataDir: config.DATA_DIR,
    poolSize: config.DATABASE_POOL_SIZE,
  });
  // Several processes may start at once behind a load balancer: one migrates and seeds, the others wait.
  const { ctx, owner } = await database.exclusive(async () => {
    await database.migrate();
    const secret = await loadAppSecret(database.db, config.APP_SECRET);
    const ctx: AppContext = { config, database, db: database.db, clock: systemClock, secret };
    const owner = await ensureOwner(ctx);
    // After-sales policy version 1 (the catalogue's defaults) when there is none yet; reads also write it.
    await currentPolicyVersion(database.db);
    if (config.SEED_DEMO && (await isShopEmpty(database.db))) {
      const seeded = await seedDemoShop(database.db, systemClock, ctx);
      console.log(
        `Seeded the demo shop: ${seeded.products} products, ${seeded.orders} orders, ${seeded.cases} after-sales cases.`,
      );
    }
    return { ctx, owner };
  });

  // `npm run dev` (or a development start with no build yet) serves web/ through Vite with hot reload.
  const webDev = process.argv.includes('--dev') || (config.NODE_ENV === 'development' && !hasWebBuild());
  const app = await buildApp(ctx, {
    web: webDev ? 'dev' : 'build',
    logger: { level: config.LOG_LEVEL, stream: logDestination },
  });
  const transport = config.SMTP_URL ? smtpTransport(config.SMTP_URL) : null;
  const stopMail = transport ? startMailDispatcher(ctx, transport, { log: app.log }) : async () => {};
  let stopJobs = async () => {};
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down: finishing in-flight requests');
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    await app.close();
    await stopJobs();
    await stopMail();
    transport?.close();
    await database.close();
    logDestination.flushSync();
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));

  await app.listen({ host: config.HOST, port: config.PORT });
  stopJobs = (
    await startJobs(ctx, [retentionJob, caseFollowUpJob, deadlineDigestJob(config.CASE_DIGEST_HOUR_UTC)], {
      log: app.log,
    })
  ).stop;
  const url = config.PUBLIC_URL;
  // With several workers the first one speaks for all.
  if (cluster.isPrimary || cluster.worker?.id === 1) {
    const processes = config.WEB_CONCURRENCY > 1 ? `, ${config.WEB_CONCURRENCY} processes` : '';
    console.log(`\nAftercare is serving ${url} (database: ${database.kind}${processes})`);
    console.log(`  API docs:     ${url}/api/docs`);
    console.log(`  Back office:  ${url}/admin`);
  }
  if (owner?.generatedPassword) {
    console.log(
      `  Staff login:  ${owner.email} / ${owner.generatedPassword}   (shown once: change it under Your account, /admin/account)`,
    );
  } else if (owner) {
    console.log(`  Staff login:  ${owner.email} with the password from ADMIN_PASSWORD`);
  }
  if (owner) {
    console.log(
      '  Two-factor:   the owner sets up an authenticator app (TOTP) right after this first sign-in: scan the QR code the back office shows, type its code, keep the 10 recovery codes',
    );
  }
}

/**
 * WEB_CONCURRENCY > 1: this process only supervises workers that share the port, each a whole shop process
 * (they coordinate start-up through the database, like processes on several machines). A worker that dies
 * is replaced; SIGTERM stops them all gracefully.
 */
function supervise(workers: number): void {
  let stopping = false;
  for (let i = 0; i < workers; i++) cluster.fork();
  cluster.on('exit', (worker, code) => {
    if (stopping) return;
    console.error(`worker ${worker.process.pid} exited with ${code}; starting another`);
    cluster.fork();
  });
  const stop = () => {
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM');
    const remaining = () => Object.keys(cluster.workers ?? {}).length;
    const check = setInterval(() => {
      if (remaining() === 0) process.exit(0);
    }, 100);
    check.unref();
    setTimeout(() => process.exit(1), 20_000).unref();
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

function start(): Promise<void> {
  const config = loadConfig();
  if (cluster.isPrimary && config.WEB_CONCURRENCY > 1) {
    supervise(config.WEB_CONCURRENCY);
    return Promise.resolve();
  }
  return main();
}

Promise.resolve()
  .then(start)
  .catch((error: unknown) => {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(EXIT_CONFIG);
    }
    if (error instanceof DatabaseUnavailable) {
      console.error(error.message);
      process.exit(EXIT_UNAVAILABLE);
    }
    // A database error's message carries the query's values: print it through the log's serializer.
    console.error(describeError(error));
    process.exit(1);
  });

// Node would print a crash with every property of the error; this prints what the log may hold.
for (const event of ['uncaughtException', 'unhandledRejection'] as const) {
  process.on(event, (error: unknown) => {
    logDestination.flushSync();
    console.error(`${event}: ${describeError(error)}`);
    process.exit(1);
  });
}
