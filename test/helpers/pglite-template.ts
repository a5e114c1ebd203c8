/**
 * One migrated PGlite database for the whole test run, as a data folder tarball in the system's temporary
 * folder: every test app starts from it instead of running initdb and the migrations again (about four times
 * faster per app). The file's name holds a hash of the migrations and of PGlite's version, so a new migration
 * or a PGlite upgrade makes a new one; test files running at once that find none each make one and rename it
 * into place, which is atomic, so a reader never sees half a file.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { migrationsFolder, pgliteExtensions } from '../../src/db/client.ts';
import { projectRoot } from '../../src/shared/paths.ts';

let template: Promise<Blob> | undefined;

/** The migrated template (a tarball Blob for `openDatabase({ template })`), made on first use. */
export function migratedPgliteTemplate(): Promise<Blob> {
  template ??= loadOrMake();
  return template;
}

function templatePath(): string {
  const hash = createHash('sha256');
  hash.update(readFileSync(join(projectRoot, 'node_modules', '@electric-sql', 'pglite', 'package.json')));
  for (const dir of [migrationsFolder, join(migrationsFolder, 'meta')]) {
    for (const name of readdirSync(dir).sort()) {
      if (name.endsWith('.sql') || name.endsWith('.json'))
        hash.update(name).update(readFileSync(join(dir, name)));
    }
  }
  return join(tmpdir(), `aftercare-pglite-${hash.digest('hex').slice(0, 16)}.tar`);
}

async function loadOrMake(): Promise<Blob> {
  const path = templatePath();
  if (existsSync(path)) return new Blob([readFileSync(path)]);
  const client = await PGlite.create('memory://', { extensions: pgliteExtensions });
  try {
    await migrate(drizzle({ client }), { migrationsFolder });
    const tarball = await client.dumpDataDir('none');
    const scratch = `${path}.${process.pid}.tmp`;
    writeFileSync(scratch, Buffer.from(await tarball.arrayBuffer()));
    renameSync(scratch, path);
    return tarball;
  } finally {
    await client.close();
  }
}
