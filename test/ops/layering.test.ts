/**
 * The folders' layering, checked from the imports: the database folder is at the bottom (it knows the tables
 * through schema.ts, and nothing of the features' behaviour), and the demo shop is at the top (it imports the
 * features; only the entry point and tests import it).
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { projectRoot } from '../../src/shared/paths.ts';

const src = join(projectRoot, 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'migrations' ? [] : sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** Each relative import of a file, as a path from src/ ("orders/schema.ts"). */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)].map((m) =>
    relative(src, resolve(dirname(file), m[1] as string)),
  );
}

const files = sourceFiles(src).map((file) => ({ file: relative(src, file), imports: importsOf(file) }));

describe('layering of src/', () => {
  it('db/ imports only db/, shared/ and the configuration (schema.ts gathers the tables)', () => {
    const climbing = files
      .filter((f) => f.file.startsWith('db/') && f.file !== 'db/schema.ts')
      .flatMap((f) =>
        f.imports
          .filter((i) => !/^(db|shared)\//.test(i) && i !== 'config.ts')
          .map((i) => `${f.file} → ${i}`),
      );
    assert.deepEqual(climbing, []);
  });

  it('db/schema.ts only gathers the features’ table files (schema.ts, *.schema.ts)', () => {
    const schema = files.find((f) => f.file === 'db/schema.ts');
    assert.ok(schema);
    for (const i of schema.imports) assert.match(i, /[/.]schema\.ts$/);
  });

  it('nothing but main.ts imports the demo shop', () => {
    const users = files
      .filter((f) => !f.file.startsWith('demo/') && f.file !== 'main.ts')
      .flatMap((f) => f.imports.filter((i) => i.startsWith('demo/')).map((i) => `${f.file} → ${i}`));
    assert.deepEqual(users, []);
  });
});
