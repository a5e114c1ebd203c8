/**
 * PV-SEC-1: backups can be taken and restored — on the database this run uses (PGlite by default, a fresh
 * PostgreSQL database with DATABASE_URL), with the uploaded files, and without destroying what a restore
 * replaces.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { count } from 'drizzle-orm';
import { products } from '../../src/catalog/schema.ts';
import { openDatabase } from '../../src/db/client.ts';
import { seedDemoShop } from '../../src/demo/index.ts';
import { BackupError, restoreBackup, takeBackup } from '../../src/ops/backup.ts';
import { systemClock } from '../../src/shared/clock.ts';
import { freshPostgres } from '../helpers/app.ts';

const cli = join(import.meta.dirname, '..', '..', 'src', 'ops', 'backup-cli.ts');
const NOW = new Date('2026-11-25T12:00:00Z');

describe('backup and restore, PV-SEC-1', () => {
  const work = mkdtempSync(join(tmpdir(), 'aftercare-backup-'));
  const dataDir = join(work, 'data');
  const upload = join(dataDir, 'uploads', 'products', 'phone.webp');
  let pg: Awaited<ReturnType<typeof freshPostgres>> | null = null;
  let config: { DATABASE_URL?: string; DATA_DIR: string } = { DATA_DIR: dataDir };

  const withDb = async <T>(work: (db: Awaited<ReturnType<typeof openDatabase>>['db']) => Promise<T>) => {
    const database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir, poolSize: 2 });
    try {
      return await work(database.db);
    } finally {
      await database.close();
    }
  };
  const productNames = () =>
    withDb(async (db) => (await db.select({ name: products.name }).from(products)).map((p) => p.name).sort());

  before(async () => {
    if (process.env.DATABASE_URL) {
      pg = await freshPostgres(process.env.DATABASE_URL);
      config = { DATABASE_URL: pg.url, DATA_DIR: dataDir };
    }
    const database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir, poolSize: 2 });
    await database.migrate();
    await seedDemoShop(database.db, systemClock);
    await database.close();
    mkdirSync(join(dataDir, 'uploads', 'products'), { recursive: true });
    writeFileSync(upload, 'the original photo');
  });
  after(async () => {
    await pg?.drop();
    rmSync(work, { recursive: true, force: true });
  });

  it('a backup taken, the shop changed, the backup restored: products and uploads are back as they were, and what the restore replaced is kept aside, PV-SEC-1', async () => {
    const original = await productNames();
    assert.ok(original.length > 20);
    const backup = join(work, 'backup-1');
    const manifest = await takeBackup(config, backup, NOW);
    assert.deepEqual(manifest, {
      format: 'aftercare-backup-1',
      createdAt: NOW.toISOString(),
      database: config.DATABASE_URL ? 'postgres' : 'pglite',
      uploads: true,
    });
    await assert.rejects(takeBackup(config, backup, NOW), BackupError, 'a backup is never overwritten');

    // Damage after the backup: every product renamed, a photo replaced.
    await withDb(async (db) => {
      await db.update(products).set({ name: 'Damaged' });
    });
    writeFileSync(upload, 'a replaced photo');
    assert.notDeepEqual(await productNames(), original);

    await restoreBackup(config, backup, NOW);
    assert.deepEqual(await productNames(), original);
    assert.equal(readFileSync(upload, 'utf8'), 'the original photo');
    const aside = readdirSync(dataDir).filter((name) => name.includes('before-restore-'));
    assert.ok(
      aside.some((name) => name.startsWith('uploads.')),
      'the replaced uploads are kept',
    );
    if (!config.DATABASE_URL)
      assert.ok(
        aside.some((name) => name.startsWith('pglite.')),
        'and the replaced database',
      );
    const total = await withDb(async (db) => (await db.select({ n: count() }).from(products))[0]?.n);
    assert.equal(total, original.length);
  });

  it('a folder without a backup, or a backup of the other database kind, is refused with a clear message', async () => {
    await assert.rejects(restoreBackup(config, join(work, 'nothing-here'), NOW), /holds no backup/);
    const other = join(work, 'other-kind');
    mkdirSync(other);
    writeFileSync(
      join(other, 'manifest.json'),
      JSON.stringify({
        format: 'aftercare-backup-1',
        createdAt: NOW.toISOString(),
        database: config.DATABASE_URL ? 'pglite' : 'postgres',
        uploads: false,
      }),
    );
    await assert.rejects(restoreBackup(config, other, NOW), /configured for/);
  });

  it('npm run backup / restore: a usage line and exit code 64 for wrong arguments, one line and exit 1 for a bad folder', () => {
    const env = {
      PATH: process.env.PATH ?? '',
      DATA_DIR: dataDir,
      ...(config.DATABASE_URL ? { DATABASE_URL: config.DATABASE_URL } : {}),
    };
    const runCli = (...args: string[]) =>
      spawnSync(process.execPath, ['--import', 'tsx', cli, ...args], { env, encoding: 'utf8' });
    const usage = runCli('restore');
    assert.equal(usage.status, 64);
    assert.match(usage.stderr, /Usage: npm run backup/);
    const missing = runCli('restore', join(work, 'missing'));
    assert.equal(missing.status, 1);
    assert.match(missing.stderr, /holds no backup/);
    assert.doesNotMatch(missing.stderr, /at .*\.ts:\d+/, 'no stack trace');
    const taken = runCli('backup', join(work, 'from-cli'));
    assert.equal(taken.status, 0, taken.stderr);
    assert.match(taken.stdout, /Backed up the (pglite|postgres) database and the uploads to/);
    assert.ok(existsSync(join(work, 'from-cli', 'manifest.json')));
  });
});
