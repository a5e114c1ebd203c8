/**
 * The database: PostgreSQL when DATABASE_URL is set, otherwise embedded PGlite (Postgres compiled to WASM)
 * with its files in DATA_DIR. Both speak the same SQL, so every query, migration and test runs on both.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { fuzzystrmatch } from '@electric-sql/pglite/contrib/fuzzystrmatch';
import { type SQL, sql } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { projectRoot } from '../shared/paths.ts';
import * as schema from './schema.ts';

export type Schema = typeof schema;
/** A database or an open transaction: services take this, so a caller can wrap several in one transaction. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema>;

export type DatabaseKind = 'pglite' | 'postgres';

export interface Database {
  db: Db;
  kind: DatabaseKind;
  /** Applies the committed migrations. Several processes starting together call it inside `exclusive`. */
  migrate(): Promise<void>;
  /**
   * Runs `work` while no other process of the shop runs its own `exclusive` work: start-up (migrations,
   * the owner account, the demo seed) happens once even when several processes start at the same moment.
   */
  exclusive<T>(work: () => Promise<T>): Promise<T>;
  /** How many migrations are applied, and the newest one's tag. */
  migrationLevel(): Promise<{ applied: number; latest: string | null }>;
  /** Rows of a raw query, the same shape on both drivers. */
  rows<T>(query: SQL): Promise<T[]>;
  /**
   * Plain SQL for libraries that bring their own (the job queue): with values one statement, without them
   * possibly several, answered with the last one's rows.
   */
  executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
  close(): Promise<void>;
}

/** The extensions the migrations create, which PGlite loads from its own package (search uses fuzzystrmatch). */
export const pgliteExtensions = { fuzzystrmatch };

export const migrationsFolder = join(projectRoot, 'src', 'db', 'migrations');

/** Raised when the database cannot be reached at start: main.ts turns it into one clear line and exit code. */
export class DatabaseUnavailable extends Error {}

export interface OpenOptions {
  databaseUrl?: string | undefined;
  /** A folder for PGlite's files, or 'memory://' for a throwaway database (tests). */
  dataDir: string;
  poolSize?: number;
  /**
   * PGlite only: a data folder tarball (`PGlite.dumpDataDir`) to start from instead of an empty database, so
   * that initdb is skipped (the test suite starts hundreds of databases from one migrated copy).
   */
  template?: Blob;
}

function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

export async function openDatabase(options: OpenOptions): Promise<Database> {
  return options.databaseUrl
    ? openPostgres(options.databaseUrl, options.poolSize ?? 10)
    : openPglite(options.dataDir, options.template);
}

async function openPostgres(url: string, poolSize: number): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, connectionTimeoutMillis: 5_000 });
  // An idle client that loses its connection must not crash the process; the pool replaces it.
  pool.on('error', () => {});
  keepConnectionsOnRefusals(pool);
  try {
    const client = await pool.connect();
    client.release();
  } catch (error) {
    await pool.end().catch(() => {});
    throw new DatabaseUnavailable(
      `Cannot connect to PostgreSQL at ${redactUrl(url)}: ${(error as Error).message}`,
    );
  }
  const driverDb = drizzlePg({ client: pool, schema, casing: 'snake_case' });
  const db = driverDb as unknown as Db;
  const rows = async <T>(query: SQL) => rowsOf<T>(await db.execute(query));
  return {
    db,
    kind: 'postgres',
    rows,
    async migrate() {
      await migratePg(driverDb, { migrationsFolder });
    },
    async exclusive(work) {
      // A session-level advisory lock held on its own connection for the duration of `work`.
      const client = await pool.connect();
      try {
        await client.query('select pg_advisory_lock(727274)');
        return await work();
      } finally {
        await client.query('select pg_advisory_unlock(727274)').catch(() => {});
        client.release();
      }
    },
    migrationLevel: () => migrationLevel(rows),
    async executeSql(text, values) {
      // Without values pg uses the simple protocol, which runs several statements; the answer is the last.
      const result = (await pool.query(text, values)) as unknown as pg.QueryResult | pg.QueryResult[];
      return { rows: Array.isArray(result) ? (result.at(-1)?.rows ?? []) : result.rows };
    },
    close: () => pool.end(),
  };
}

/**
 * Makes `pool.query` give its connection back to the pool when PostgreSQL refused the statement (an error
 * with a SQLSTATE: a unique or check violation, a bad value), after which the connection is as good as
 * before. pg-pool's own `query` ends the connection on any error, so every expected refusal (the same claim
 * opened twice, a coupon redeemed twice: a 409) cost a new connection — TCP, authentication and each
 * prepared statement parsed again, some 40 ms — and a burst of them emptied the pool. A lost connection
 * (no SQLSTATE, one of the classes `isRefusal` leaves out, or a connection that is no longer queryable) is
 * still ended, as pg-pool decides.
 * Transactions are unaffected: they hold their connection from `pool.connect()` to the end.
 */
/**
 * SQLSTATE classes of a refused statement on a healthy connection: a bad value (22), a constraint (23), a
 * serialization failure or deadlock (40), a bad statement (42), a raised exception (P0), a lock not
 * available (55), and a statement timeout (57014). Not the rest of class 57 (57P01: the server ended the
 * connection, sent as an error), nor 08 (connection), 53 (resources), 58 or XX (system, internal).
 */
const REFUSAL_CLASSES = new Set(['22', '23', '40', '42', 'P0', '55']);
function isRefusal(error: Error): boolean {
  if (!(error instanceof pg.DatabaseError) || typeof error.code !== 'string') return false;
  return REFUSAL_CLASSES.has(error.code.slice(0, 2)) || error.code === '57014';
}

function keepConnectionsOnRefusals(pool: pg.Pool): void {
  const query = async (config: string | pg.QueryConfig, values?: unknown[]) => {
    const client = await pool.connect();
    let failure: Error | undefined;
    try {
      return await client.query(config, values);
    } catch (error) {
      failure = error as Error;
      throw error;
    } finally {
      client.release(failure && isRefusal(failure) ? undefined : failure);
    }
  };
  (pool as unknown as { query: typeof query }).query = query;
}

async function openPglite(dataDir: string, template?: Blob): Promise<Database> {
  const inMemory = dataDir.startsWith('memory://');
  const dir = inMemory ? dataDir : resolve(dataDir, 'pglite');
  if (!inMemory) mkdirSync(dir, { recursive: true });
  let client: PGlite;
  try {
    client = await PGlite.create(dir, {
      extensions: pgliteExtensions,
      ...(template ? { loadDataDir: template } : {}),
    });
  } catch (error) {
    throw new DatabaseUnavailable(`Cannot open the embedded database in ${dir}: ${(error as Error).message}`);
  }
  const driverDb = drizzlePglite({ client, schema, casing: 'snake_case' });
  const db = driverDb as unknown as Db;
  const rows = async <T>(query: SQL) => rowsOf<T>(await db.execute(query));
  return {
    db,
    kind: 'pglite',
    rows,
    async migrate() {
      await migratePglite(driverDb, { migrationsFolder });
    },
    // One process owns an embedded database: nothing to coordinate.
    exclusive: (work) => work(),
    migrationLevel: () => migrationLevel(rows),
    async executeSql(text, values) {
      // PGlite's `query` takes one statement; `exec` takes several and answers each.
      if (values && values.length > 0) return { rows: (await client.query(text, values)).rows };
      const results = await client.exec(text);
      return { rows: results.at(-1)?.rows ?? [] };
    },
    close: () => client.close(),
  };
}

async function migrationLevel(rows: Database['rows']): Promise<{ applied: number; latest: string | null }> {
  const journal = JSON.parse(readFileSync(join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as {
    entries: Array<{ tag: string; when: number }>;
  };
  const applied = await rows<{ created_at: string | number }>(
    sql`select created_at from drizzle.__drizzle_migrations order by created_at`,
  );
  const last = applied.at(-1);
  const latest = last ? (journal.entries.find((e) => e.when === Number(last.created_at))?.tag ?? null) : null;
  return { applied: applied.length, latest };
}

export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(unparseable URL)';
  }
}
