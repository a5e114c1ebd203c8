// Builds the storefront (web/) with React Router + Vite into build/client and build/server/index.js.
// `--if-stale` skips the build when build/.stamp is newer than every input: web/, the src/ modules that page
// loaders bundle, and package-lock.json. `npm start` and the browser tests use it, so a fresh clone builds
// once and later starts are immediate.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const buildDir = join(root, 'build');
const stamp = join(buildDir, '.stamp');
const inputs = ['web', 'src', 'package-lock.json'];
const skipped = new Set(['node_modules', '.react-router', 'build']);

function newestMtime(path) {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const name of readdirSync(path)) {
    if (skipped.has(name)) continue;
    newest = Math.max(newest, newestMtime(join(path, name)));
  }
  return newest;
}

export function isWebBuildStale() {
  const built = statSync(stamp, { throwIfNoEntry: false });
  if (!built || !existsSync(join(buildDir, 'server', 'index.js'))) return true;
  return inputs.some((input) => newestMtime(join(root, input)) > built.mtimeMs);
}

/** .br and .gz beside every text asset: the server sends them as they are (@fastify/static preCompressed). */
function precompress(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      precompress(path);
      continue;
    }
    if (!/\.(js|css|svg|json|txt)$/.test(name)) continue;
    const data = readFileSync(path);
    if (data.length < 1024) continue;
    writeFileSync(
      `${path}.br`,
      brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
    );
    writeFileSync(`${path}.gz`, gzipSync(data, { level: 9 }));
  }
}

export function buildWeb({ ifStale = false, quiet = false } = {}) {
  if (ifStale && !isWebBuildStale()) return;
  const started = Date.now();
  rmSync(buildDir, { recursive: true, force: true });
  const bin = join(root, 'node_modules', '@react-router', 'dev', 'bin.js');
  const result = spawnSync(process.execPath, [bin, 'build', 'web'], {
    cwd: root,
    stdio: quiet ? ['ignore', 'pipe', 'inherit'] : 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (result.status !== 0) {
    if (quiet && result.stdout) process.stdout.write(result.stdout);
    throw new Error(`The web build failed (exit ${result.status ?? result.signal})`);
  }
  precompress(join(buildDir, 'client'));
  writeFileSync(stamp, `${new Date().toISOString()}\n`);
  if (!quiet) console.log(`Web app built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    buildWeb({ ifStale: process.argv.includes('--if-stale'), quiet: process.argv.includes('--quiet') });
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
