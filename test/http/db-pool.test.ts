/**
 * The PostgreSQL pool keeps a connection that PostgreSQL merely refused a statement on (src/db/client.ts):
 * an expected refusal — a duplicate claim's unique violation, a division by zero — answers its 409 or 400
 * on the same connection, without a new one (TCP, authentication, prepared statements parsed again).
 * PostgreSQL only: PGlite has one connection and no pool.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { openDatabase } from '../../src/db/client.ts';

const url = process.env.DATABASE_URL;

describe('database pool (PostgreSQL)', { skip: url ? false : 'PostgreSQL only (DATABASE_URL)' }, () => {
  it('a statement PostgreSQL refuses leaves its connection in the pool', async () => {
    const database = await openDatabase({ databaseUrl: url, dataDir: 'memory://', poolSize: 1 });
    try {
      const pid = async () =>
        (await database.rows<{ pid: number }>(sql`select pg_backend_pid() as pid`))[0]?.pid;
      const before = await pid();
      // drizzle wraps the driver's error: PostgreSQL's words are its cause.
      const refused = (words: RegExp) => (error: Error) =>
        words.test(String((error.cause as Error)?.message ?? error.message));
      await assert.rejects(database.rows(sql`select 1 / 0`), refused(/division by zero/));
      await assert.rejects(
        database.executeSql('select $1::int', ['not a number']),
        refused(/invalid input syntax/),
      );
      assert.equal(await pid(), before, 'the same backend answers after the refusals');
    } finally {
      await database.close();
    }
  });

  it('a connection that is gone is replaced, not handed out again', async () => {
    const database = await openDatabase({ databaseUrl: url, dataDir: 'memory://', poolSize: 1 });
    try {
      const pid = async () =>
        (await database.rows<{ pid: number }>(sql`select pg_backend_pid() as pid`))[0]?.pid;
      const before = await pid();
      // The backend ends itself: an error with a SQLSTATE (57P01), but the connection cannot be used again.
      await assert.rejects(database.rows(sql`select pg_terminate_backend(pg_backend_pid())`));
      const after = await pid();
      assert.ok(after !== undefined && after !== before, 'a new backend answers');
    } finally {
      await database.close();
    }
  });
});
