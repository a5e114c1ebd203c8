// Runs the whole suite with node:test through tsx. Node 20 has no glob support in
// `node --test`, so the test files are collected here.
//
// Files run in parallel processes: each file starts its own app on its own database (a PGlite folder or a
// PostgreSQL database with a random name), so files share nothing but the machine. Browser files run one at
// a time after the others: each drives a chromium and a server, and two at once on a small machine turn
// their generous timeouts into flakes. TEST_CONCURRENCY sets how many other files run at once (default: the
// number of cores, at least 2, since most files wait on their database rather than on the CPU).
//
// A file that hangs (a failed assertion that leaves a server or a browser waiting) fails after TEST_TIMEOUT_MS
// (default 10 minutes, far above the slowest file) instead of holding the whole run until CI stops it: node's
// --test-timeout bounds each test and each file's process alike, and the spec reporter prints files in order,
// so one hung file would also hide every result after it.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, sep } from 'node:path';

const roots = process.argv.slice(2).length ? process.argv.slice(2) : ['src', 'test'];

function collect(path, out) {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) return out;
  if (stat.isFile()) {
    if (/\.test\.tsx?$/.test(path)) out.push(path);
    return out;
  }
  for (const name of readdirSync(path).sort()) {
    if (name === 'node_modules') continue;
    collect(join(path, name), out);
  }
  return out;
}

const files = roots.flatMap((root) => collect(root, []));
if (files.length === 0) {
  console.error('No test files found under', roots.join(', '));
  process.exit(1);
}
const concurrency =
  Number.parseInt(process.env.TEST_CONCURRENCY ?? '', 10) || Math.max(2, availableParallelism());
const timeout = Number.parseInt(process.env.TEST_TIMEOUT_MS ?? '', 10) || 600_000;
const isBrowserFile = (file) => file.split(sep).includes('e2e');
const passes = [
  { files: files.filter((f) => !isBrowserFile(f)), concurrency },
  { files: files.filter(isBrowserFile), concurrency: 1 },
].filter((pass) => pass.files.length > 0);

let status = 0;
for (const pass of passes) {
  const result = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      '--test',
      '--test-reporter=spec',
      `--test-concurrency=${pass.concurrency}`,
      `--test-timeout=${timeout}`,
      ...pass.files,
    ],
    { stdio: 'inherit' },
  );
  // Both passes run even when the first fails: one CI run shows every failure.
  if (result.status !== 0) status = result.status ?? 1;
}
process.exit(status);
