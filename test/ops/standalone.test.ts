/**
 * The repository stands alone: a fresh clone passes `npm install && npm test` with nothing beside it. The
 * specification the project was started from is a source to consult, not a file to read: tests, scripts and
 * the README use the project's own clause catalogue, docs/clauses.md.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { projectRoot } from '../../src/shared/paths.ts';
import { catalogueClauseIds } from '../helpers/clauses.ts';

// Outside documents that must never be read or linked: the folder above the repository and its files.
const OUTSIDE =
  /\.\.\/(?:\.\.\/)*shared\/(?:SPEC|ARCHITECTURE|STYLE)\.md|\.\.\/shared\/(?:tools|seed|hooks)\/|(?:^|[^\w/.])SPEC\.md/;

function trackedFiles(): string[] {
  const out = execFileSync('git', ['ls-files', '-z'], { cwd: projectRoot, encoding: 'utf8' });
  return out
    .split('\0')
    .filter((f) => f && !f.startsWith('docs/screenshots/') && !/\.(png|jpe?g|webp|ico)$/.test(f));
}

describe('the repository stands alone', () => {
  it('no tracked file reads or links the specification outside the repository', () => {
    const offenders: string[] = [];
    for (const file of trackedFiles()) {
      if (file === 'test/ops/standalone.test.ts') continue;
      const text = readFileSync(join(projectRoot, file), 'utf8');
      text.split('\n').forEach((line, i) => {
        if (OUTSIDE.test(line)) offenders.push(`${file}:${i + 1}: ${line.trim().slice(0, 120)}`);
      });
    }
    assert.deepEqual(offenders, []);
  });

  it('the clause catalogue lists every after-sales, privacy and shop clause once', () => {
    const ids = catalogueClauseIds();
    assert.equal(new Set(ids).size, ids.length, 'no clause twice');
    assert.equal(catalogueClauseIds('AS').length, 19);
    assert.equal(catalogueClauseIds('PV').length, 16);
    assert.equal(catalogueClauseIds('SH').length, 6);
  });
});
