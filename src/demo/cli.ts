/**
 * `npm run seed` seeds the demo shop when the shop is empty; `npm run seed -- --reset` first empties every
 * shop table (staff accounts and settings stay) and seeds again, in one transaction.
 */
import { ensureOwner } from '../accounts/staff.service.ts';
import { loadConfig } from '../config.ts';
import { openDatabase, redactUrl } from '../db/client.ts';
import { loadAppSecret } from '../settings/service.ts';
import { systemClock } from '../shared/clock.ts';
import { runSeed } from './command.ts';

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const unknown = args.filter((a) => a !== '--reset');
  if (unknown.length > 0) {
    console.error(`Unknown argument ${unknown[0]}. Usage: npm run seed [-- --reset]`);
    return 64;
  }
  const config = loadConfig();
  const database = await openDatabase({
    databaseUrl: config.DATABASE_URL,
    dataDir: config.DATA_DIR,
    poolSize: 2,
  });
  try {
    await database.migrate();
    const secret = await loadAppSecret(database.db, config.APP_SECRET);
    // The demo's after-sales cases are handled by the shop's owner: a fresh database gets one, as on start.
    const owner = await ensureOwner({ db: database.db, config, clock: systemClock });
    if (owner?.generatedPassword) {
      console.log(`Staff login: ${owner.email} / ${owner.generatedPassword}   (shown once)`);
      console.log(
        'The owner then sets up an authenticator app (TOTP) from the back office before anything else.',
      );
    }
    const where = config.DATABASE_URL ? redactUrl(config.DATABASE_URL) : `${config.DATA_DIR} (PGlite)`;
    console.log(
      await runSeed(database, systemClock, {
        reset: args.includes('--reset'),
        where,
        cases: { config, secret },
      }),
    );
    return 0;
  } finally {
    await database.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
