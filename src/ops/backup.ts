/**
 * PV-SEC-1: backups can be taken and restored. A backup is a folder holding the database and the uploaded
 * files, with a manifest saying what it is:
 *
 * - PostgreSQL: `pg_dump` in its custom format, taken while the shop keeps serving (one consistent
 *   snapshot); restored with `pg_restore --clean` in one transaction.
 * - PGlite: the embedded data directory as a gzipped tarball (PGlite's own dump). An embedded database
 *   belongs to one process, so the shop must be stopped for both backup and restore.
 *
 * A restore never destroys what it replaces: the embedded database and the uploads are moved aside first.
 */
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import type { Config } from '../config.ts';
import { type DatabaseKind, pgliteExtensions } from '../db/client.ts';
import { uploadsDir } from '../media/images.ts';

const run = promisify(execFile);

const PGLITE_FILE = 'database.pglite.tar.gz';
const PGDUMP_FILE = 'database.pgdump';
const MANIFEST_FILE = 'manifest.json';

export interface BackupManifest {
  format: 'aftercare-backup-1';
  createdAt: string;
  database: DatabaseKind;
  uploads: boolean;
}

type BackupConfig = Pick<Config, 'DATABASE_URL' | 'DATA_DIR'>;

export class BackupError extends Error {}

/** Writes a backup into `target` (created; must not hold a backup already). */
export async function takeBackup(config: BackupConfig, target: string, now: Date): Promise<BackupManifest> {
  if (existsSync(join(target, MANIFEST_FILE))) throw new BackupError(`${target} already holds a backup`);
  mkdirSync(target, { recursive: true });
  const kind: DatabaseKind = config.DATABASE_URL ? 'postgres' : 'pglite';
  if (config.DATABASE_URL) {
    await pgTool('pg_dump', ['--format=custom', '--no-owner', '--file', join(target, PGDUMP_FILE)], config);
  } else {
    const dir = pgliteDir(config);
    if (!existsSync(dir)) throw new BackupError(`No embedded database in ${dir}`);
    const db = await PGlite.create(dir, { extensions: pgliteExtensions });
    try {
      const tarball = await db.dumpDataDir('gzip');
      writeFileSync(join(target, PGLITE_FILE), Buffer.from(await tarball.arrayBuffer()));
    } finally {
      await db.close();
    }
  }
  const uploads = uploadsDir(config.DATA_DIR);
  const hasUploads = existsSync(uploads);
  if (hasUploads) cpSync(uploads, join(target, 'uploads'), { recursive: true });
  const manifest: BackupManifest = {
    format: 'aftercare-backup-1',
    createdAt: now.toISOString(),
    database: kind,
    uploads: hasUploads,
  };
  writeFileSync(join(target, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

/** Replaces the shop's database and uploads with the backup in `source`; what was there is moved aside. */
export async function restoreBackup(
  config: BackupConfig,
  source: string,
  now: Date,
): Promise<BackupManifest> {
  const manifest = readManifest(source);
  const kind: DatabaseKind = config.DATABASE_URL ? 'postgres' : 'pglite';
  if (manifest.database !== kind) {
    throw new BackupError(
      `This backup holds a ${manifest.database} database; the shop is configured for ${kind}`,
    );
  }
  const aside = `before-restore-${now.toISOString().replace(/[:.]/g, '-')}`;
  if (config.DATABASE_URL) {
    await pgTool(
      'pg_restore',
      ['--clean', '--if-exists', '--no-owner', '--single-transaction', join(source, PGDUMP_FILE)],
      config,
    );
  } else {
    const dir = pgliteDir(config);
    if (existsSync(dir)) renameSync(dir, `${dir}.${aside}`);
    const tarball = new Blob([readFileSync(join(source, PGLITE_FILE))]);
    const db = await PGlite.create(dir, { loadDataDir: tarball, extensions: pgliteExtensions });
    await db.close();
  }
  const uploads = uploadsDir(config.DATA_DIR);
  if (existsSync(uploads)) renameSync(uploads, `${uploads}.${aside}`);
  if (manifest.uploads) cpSync(join(source, 'uploads'), uploads, { recursive: true });
  return manifest;
}

function readManifest(source: string): BackupManifest {
  const file = join(source, MANIFEST_FILE);
  if (!existsSync(file)) throw new BackupError(`${source} holds no backup (no ${MANIFEST_FILE})`);
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as BackupManifest;
  if (manifest.format !== 'aftercare-backup-1') throw new BackupError(`Unknown backup format in ${file}`);
  return manifest;
}

function pgliteDir(config: BackupConfig): string {
  return resolve(config.DATA_DIR, 'pglite');
}

/** pg_dump / pg_restore, given the connection through the environment so no password appears in `ps`. */
async function pgTool(tool: 'pg_dump' | 'pg_restore', args: string[], config: BackupConfig): Promise<void> {
  const url = new URL(config.DATABASE_URL as string);
  const env = {
    ...process.env,
    PGHOST: url.hostname,
    PGPORT: url.port || '5432',
    PGUSER: decodeURIComponent(url.username),
    PGPASSWORD: decodeURIComponent(url.password),
    PGDATABASE: decodeURIComponent(url.pathname.slice(1)),
    ...(url.searchParams.get('sslmode') ? { PGSSLMODE: url.searchParams.get('sslmode') as string } : {}),
  };
  const dbArgs = tool === 'pg_restore' ? ['--dbname', env.PGDATABASE] : [];
  try {
    await run(tool, [...args, ...dbArgs], { env });
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr?.trim();
    throw new BackupError(`${tool} failed: ${stderr || (error as Error).message}`);
  }
}
