/**
 * HTTP scenarios with autocannon against a real server process (the production build, dist/main.mjs), on
 * the embedded PGlite and on PostgreSQL: product list, product page, search, add to cart + checkout, and the
 * storefront's product page HTML. The checkout scenario ends by checking that no stock was oversold: the
 * units taken from stock equal the orders placed.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { closeSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { ownerSessionCookie } from './staff-sign-in.ts';

export type BenchTarget = 'pglite' | 'postgres' | 'postgres-2proc';

export interface HttpScenarioResult {
  /** The database, and for `postgres-2proc` two worker processes sharing the port (WEB_CONCURRENCY=2). */
  database: BenchTarget;
  scenario: string;
  connections: number;
  seconds: number;
  requestsPerSecond: number;
  /** For checkout: orders placed per second. */
  ordersPerSecond?: number;
  latencyP50Ms: number;
  /** autocannon has no p95: p97.5 is its nearest percentile above, so "p97.5 < X" proves "p95 < X". */
  latencyP97_5Ms: number;
  latencyP99Ms: number;
  errors: number;
  non2xx: number;
  /** For the product list: its requests/s over the bare Fastify's, measured in the same run. */
  ratioToBare?: number;
  /**
   * Server CPU time per request, in microseconds (Linux: from /proc). Unlike requests/s it hardly moves when
   * neighbours load the shared cores, so it compares the shop with the bare Fastify even on a busy machine.
   */
  cpuUsPerRequest?: number;
  note?: string;
}

export const OWNER_PASSWORD = 'bench owner password 2026';

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });
}

/**
 * Starts the shop exactly as `npm start` does after its build steps — `node --enable-source-maps
 * dist/main.mjs` with the shipped defaults (LOG_LEVEL=info included) — with its output going to a file, as a
 * process manager would keep it. Only the address, the database, the owner's password, NODE_ENV=production
 * (what the README asks of a production start) and the per-IP rate limit are set: the benchmark is one
 * client IP at full speed, which the default 600/minute would answer with 429s (the limiter still runs).
 */
export async function startServer(
  root: string,
  env: Record<string, string>,
  logFile: string,
): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  // BENCH_NODE_ARGS lets a profiling run pass e.g. --cpu-prof to the server.
  const nodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const out = openSync(logFile, 'a');
  const child = spawn(
    process.execPath,
    [...nodeArgs, '--enable-source-maps', join(root, 'dist', 'main.mjs')],
    {
      cwd: root,
      env: {
        PATH: process.env.PATH ?? '',
        NODE_ENV: 'production',
        HOST: '127.0.0.1',
        PORT: String(port),
        ADMIN_PASSWORD: OWNER_PASSWORD,
        RATE_LIMIT_PER_MINUTE: '100000000',
        ...env,
      },
      stdio: ['ignore', out, out],
    },
  );
  closeSync(out);
  const url = `http://127.0.0.1:${port}`;
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code) =>
      reject(new Error(`server exited with ${code}:\n${readFileSync(logFile, 'utf8').slice(-4_000)}`)),
    ),
  );
  exited.catch(() => {});
  const ready = (async () => {
    const until = Date.now() + 120_000;
    while (Date.now() < until) {
      const ok = await fetch(`${url}/api/health`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) return;
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error(`server did not start:\n${readFileSync(logFile, 'utf8').slice(-4_000)}`);
  })();
  await Promise.race([ready, exited]);
  return { url, child };
}

/** The bare Fastify of bench/bare-fastify.mjs, answering `listFile`'s JSON at /list. */
async function startBare(root: string, listFile: string): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn(process.execPath, [join(root, 'bench', 'bare-fastify.mjs'), listFile], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', PORT: String(port) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (d) => {
      if (String(d).includes('is serving')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`bare Fastify exited with ${code}`)));
  });
  return { url: `http://127.0.0.1:${port}/list`, child };
}

export async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

function percentile(result: autocannon.Result, p: 'p50' | 'p97_5' | 'p99'): number {
  return Math.round(result.latency[p] * 10) / 10;
}

export async function run(options: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon(options, (error, result) => (error ? reject(error) : resolve(result)));
  });
}

async function json<T>(res: Response): Promise<T> {
  if (!res.ok) throw new Error(`${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

interface Target {
  slug: string;
  productId: string;
  variantId: string;
}

/**
 * The products the checkout scenario buys, their stock raised through the back office: the first variant of
 * each of the first `count` products in the list, so buyers spread over a catalogue as in a real shop while
 * each variant still has many concurrent buyers.
 */
async function prepare(
  url: string,
  stock: number,
  count: number,
): Promise<{ targets: Target[]; staffCookie: string }> {
  const staffCookie = await ownerSessionCookie(url, 'owner@aftercare.test', OWNER_PASSWORD);
  const list = await json<{ items: Array<{ slug: string }> }>(
    await fetch(`${url}/api/products?limit=${count}`),
  );
  if (list.items.length === 0) throw new Error('the demo catalog is empty');
  const targets: Target[] = [];
  for (const item of list.items) {
    const product = await json<{ id: string; variants: Array<{ id: string }> }>(
      await fetch(`${url}/api/products/${item.slug}`),
    );
    const variantId = product.variants[0]?.id as string;
    await json(
      await fetch(`${url}/api/admin/variants/${variantId}/stock`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json', cookie: staffCookie },
        body: JSON.stringify({ stock }),
      }),
    );
    targets.push({ slug: item.slug, productId: product.id, variantId });
  }
  return { targets, staffCookie };
}

/** Orders the benchmark placed, counted through the back office once in-flight checkouts have finished. */
async function countBenchOrders(url: string, staffCookie: string): Promise<number> {
  await new Promise((r) => setTimeout(r, 1_000));
  let count = 0;
  let cursor: string | null = null;
  do {
    const query = new URLSearchParams({
      q: 'bench@example.com',
      limit: '100',
      ...(cursor ? { cursor } : {}),
    });
    const page: { items: unknown[]; nextCursor: string | null } = await json(
      await fetch(`${url}/api/admin/orders?${query}`, { headers: { cookie: staffCookie } }),
    );
    count += page.items.length;
    cursor = page.nextCursor;
  } while (cursor);
  return count;
}

async function stockOf(url: string, target: Target): Promise<number> {
  const product = await json<{ variants: Array<{ id: string; stock: number }> }>(
    await fetch(`${url}/api/products/${target.slug}`, { headers: { 'cache-control': 'no-cache' } }),
  );
  return product.variants.find((v) => v.id === target.variantId)?.stock ?? Number.NaN;
}

const checkoutBody = JSON.stringify({
  email: 'bench@example.com',
  shippingAddress: {
    name: 'Bench Buyer',
    line1: '1 Load Street',
    city: 'Springfield',
    postalCode: '12345',
    country: 'US',
  },
  shippingMethod: 'post',
  payment: { method: 'bank_transfer' },
});

/** Fills `count` carts with one unit each (spread over the targets), `parallel` at a time; their cookies. */
async function fillCarts(url: string, targets: Target[], count: number, parallel = 20): Promise<string[]> {
  const cookies: string[] = [];
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const variantId = targets[next++ % targets.length]?.variantId;
      const res = await fetch(`${url}/api/cart/lines`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ variantId, quantity: 1 }),
      });
      if (!res.ok) throw new Error(`add to cart: ${res.status} ${await res.text()}`);
      cookies.push((res.headers.getSetCookie()[0] ?? '').split(';')[0] as string);
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
  return cookies;
}

export function summarize(
  database: HttpScenarioResult['database'],
  scenario: string,
  result: autocannon.Result,
  seconds: number,
): HttpScenarioResult {
  return {
    database,
    scenario,
    connections: result.connections,
    seconds,
    requestsPerSecond: Math.round(result.requests.average),
    latencyP50Ms: percentile(result, 'p50'),
    latencyP97_5Ms: percentile(result, 'p97_5'),
    latencyP99Ms: percentile(result, 'p99'),
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

/** Fields of /proc/<pid>/stat after the command name "(…)" (which may hold spaces), or null. */
function procStat(pid: number | string): string[] | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return null;
  }
}

/**
 * User + system CPU time of a process and its children so far (WEB_CONCURRENCY's workers are children of the
 * supervising process: its own figure leaves them out), in microseconds; null where /proc is not available.
 */
function cpuMicros(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  const own = procStat(pid);
  if (!own) return null;
  // utime and stime are the 12th and 13th fields after the name, in clock ticks (1/100 s); ppid the 2nd.
  const ticks = (fields: string[]) => Number(fields[11]) + Number(fields[12]);
  let total = ticks(own);
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const fields = procStat(entry);
    if (fields && Number(fields[1]) === pid) total += ticks(fields);
  }
  return total * 10_000;
}

/** One autocannon run against a server process, with the CPU time that process spent answering it. */
export async function measured(
  pid: number | undefined,
  options: autocannon.Options,
): Promise<{ result: autocannon.Result; cpuMicros: number | null }> {
  const before = cpuMicros(pid);
  const result = await run(options);
  const after = cpuMicros(pid);
  return { result, cpuMicros: before === null || after === null ? null : after - before };
}

/** Rounds of one server's measurement as one row: mean requests/s, the worst round's percentiles. */
function combine(
  database: BenchTarget,
  scenario: string,
  measurements: Array<{ result: autocannon.Result; cpuMicros: number | null }>,
  seconds: number,
): HttpScenarioResult {
  const rows = measurements.map((m) => summarize(database, scenario, m.result, seconds));
  const requests = measurements.reduce((sum, m) => sum + m.result.requests.total, 0);
  const cpu = measurements.every((m) => m.cpuMicros !== null)
    ? measurements.reduce((sum, m) => sum + (m.cpuMicros ?? 0), 0)
    : null;
  const worst = (key: 'latencyP50Ms' | 'latencyP97_5Ms' | 'latencyP99Ms') =>
    Math.max(...rows.map((r) => r[key]));
  return {
    ...(rows[0] as HttpScenarioResult),
    seconds: seconds * rows.length,
    requestsPerSecond: Math.round(rows.reduce((sum, r) => sum + r.requestsPerSecond, 0) / rows.length),
    latencyP50Ms: worst('latencyP50Ms'),
    latencyP97_5Ms: worst('latencyP97_5Ms'),
    latencyP99Ms: worst('latencyP99Ms'),
    errors: rows.reduce((sum, r) => sum + r.errors, 0),
    non2xx: rows.reduce((sum, r) => sum + r.non2xx, 0),
    ...(cpu !== null && requests > 0 ? { cpuUsPerRequest: Math.round((cpu / requests) * 10) / 10 } : {}),
  };
}

export const PRODUCT_LIST_PATH = '/api/products?limit=20';

/**
 * The product list as shipped beside its ceiling: a bare Fastify answering the same 20-item JSON list (the
 * very body the shop answers) with the same connections, on the same machine, in the same run. The two
 * alternate for `rounds` rounds so that a neighbour's load on the shared cores falls on both.
 */
async function productListAgainstBare(
  root: string,
  url: string,
  shop: ChildProcess,
  database: BenchTarget,
  workDir: string,
  { seconds, connections, rounds = 2 }: { seconds: number; connections: number; rounds?: number },
): Promise<HttpScenarioResult[]> {
  const body = await (await fetch(`${url}${PRODUCT_LIST_PATH}`)).text();
  const items = (JSON.parse(body) as { items: unknown[] }).items.length;
  const listFile = join(workDir, 'product-list.json');
  writeFileSync(listFile, body);
  const bare = await startBare(root, listFile);
  const bareRounds: Array<Awaited<ReturnType<typeof measured>>> = [];
  const shopRounds: Array<Awaited<ReturnType<typeof measured>>> = [];
  try {
    // Warm-up, not counted: the shop's first seconds carry its start-up (JIT, the job queue's first rounds).
    const warmUp = Math.min(3, seconds);
    await run({ url: bare.url, connections, duration: warmUp });
    await run({ url: `${url}${PRODUCT_LIST_PATH}`, connections, duration: warmUp });
    for (let i = 0; i < rounds; i++) {
      bareRounds.push(await measured(bare.child.pid, { url: bare.url, connections, duration: seconds }));
      shopRounds.push(
        await measured(shop.pid, { url: `${url}${PRODUCT_LIST_PATH}`, connections, duration: seconds }),
      );
    }
  } finally {
    await stopServer(bare.child);
  }
  const ceiling = combine(database, 'bare Fastify, the same list', bareRounds, seconds);
  ceiling.note = `${items} items, the same ${body.length} bytes`;
  const shipped = combine(database, 'product list (as shipped)', shopRounds, seconds);
  shipped.ratioToBare = Math.round((shipped.requestsPerSecond / ceiling.requestsPerSecond) * 100) / 100;
  const cpuRatio =
    shipped.cpuUsPerRequest && ceiling.cpuUsPerRequest
      ? `; CPU per request ${Math.round((ceiling.cpuUsPerRequest / shipped.cpuUsPerRequest) * 100) / 100} × as efficient`
      : '';
  shipped.note = `${PRODUCT_LIST_PATH}: ${shipped.ratioToBare} × bare Fastify's requests/s${cpuRatio}`;
  return [ceiling, shipped];
}

export async function runHttpBench(
  root: string,
  database: HttpScenarioResult['database'],
  {
    seconds = 10,
    connections = 50,
    only: scenarios,
  }: { seconds?: number; connections?: number; only?: 'product-list' } = {},
): Promise<HttpScenarioResult[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'aftercare-bench-'));
  const pgName = `aftercare_bench_${process.pid}`;
  const pgBase = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  let env: Record<string, string> = { DATA_DIR: dataDir };
  if (database !== 'pglite') {
    const admin = new pg.Client({ connectionString: pgBase });
    await admin.connect();
    await admin.query(`drop database if exists ${pgName} with (force)`);
    await admin.query(`create database ${pgName}`);
    await admin.end();
    const u = new URL(pgBase);
    u.pathname = `/${pgName}`;
    env = {
      DATABASE_URL: u.toString(),
      DATABASE_POOL_SIZE: '20',
      WEB_CONCURRENCY: database === 'postgres-2proc' ? '2' : '1',
    };
  }
  const { url, child } = await startServer(root, env, join(dataDir, 'server.log'));
  const results: HttpScenarioResult[] = [];
  try {
    // Two processes share the port in postgres-2proc: a one-process bare Fastify is no ceiling for them.
    if (database !== 'postgres-2proc') {
      results.push(
        ...(await productListAgainstBare(root, url, child, database, dataDir, { seconds, connections })),
      );
    }
    if (scenarios === 'product-list') return results;

    const initialStock = 1_000_000;
    const { targets, staffCookie } = await prepare(url, initialStock, 12);
    const target = targets[0] as Target;
    let next = 0;

    // The storefront page's target is a latency a shopper sees: measured for one shopper at a time and for
    // ten at once, not at the most a saturated server can push out.
    const reads: Array<[string, string, number]> = [
      ...(database === 'postgres-2proc'
        ? ([['product list (as shipped)', PRODUCT_LIST_PATH, connections]] as Array<[string, string, number]>)
        : []),
      ['product page (API)', `/api/products/${target.slug}`, connections],
      ['search', '/api/products?q=phone', connections],
      ['product page (HTML)', `/products/${target.slug}`, 1],
      ['product page (HTML)', `/products/${target.slug}`, 10],
    ];
    for (const [scenario, path, readConnections] of reads) {
      const probe = await fetch(`${url}${path}`);
      if (!probe.ok) {
        results.push({
          database,
          scenario,
          connections: readConnections,
          seconds: 0,
          requestsPerSecond: 0,
          latencyP50Ms: 0,
          latencyP97_5Ms: 0,
          latencyP99Ms: 0,
          errors: 0,
          non2xx: 0,
          note: `skipped: ${path} answered ${probe.status}`,
        });
        continue;
      }
      const result = await run({ url: `${url}${path}`, connections: readConnections, duration: seconds });
      results.push(summarize(database, scenario, result, seconds));
    }

    // Add to cart, then check out that cart: two requests per order, each connection with its own cart.
    const checkout = await run({
      url,
      connections,
      duration: seconds,
      requests: [
        {
          method: 'POST',
          path: '/api/cart/lines',
          headers: { 'content-type': 'application/json' },
          setupRequest: (req) => ({
            ...req,
            headers: { ...req.headers, cookie: '' },
            body: JSON.stringify({ variantId: targets[next++ % targets.length]?.variantId, quantity: 1 }),
          }),
          onResponse: (_status, _body, context, headers) => {
            const raw = (headers as Record<string, string | string[]>)['set-cookie'];
            const cookie = Array.isArray(raw) ? raw[0] : raw;
            (context as { cookie?: string }).cookie = cookie ? cookie.split(';')[0] : '';
          },
        },
        {
          method: 'POST',
          path: '/api/checkout',
          setupRequest: (req, context) => ({
            ...req,
            headers: {
              ...req.headers,
              'content-type': 'application/json',
              cookie: String((context as { cookie?: string }).cookie ?? ''),
              'idempotency-key': `bench-${randomUUID()}`,
            },
            body: checkoutBody,
          }),
        },
      ],
    });
    const placedWithCarts = await countBenchOrders(url, staffCookie);

    // The checkout alone, on carts filled beforehand (as shoppers do, minutes earlier): each connection checks
    // out the next prepared cart.
    const carts = await fillCarts(url, targets, Math.max(1_000, 400 * seconds));
    let nextCart = 0;
    const checkoutOnly = await run({
      url,
      connections,
      duration: seconds,
      requests: [
        {
          method: 'POST',
          path: '/api/checkout',
          setupRequest: (req) => ({
            ...req,
            headers: {
              ...req.headers,
              'content-type': 'application/json',
              cookie: carts[nextCart++ % carts.length] as string,
              'idempotency-key': `bench-${randomUUID()}`,
            },
            body: checkoutBody,
          }),
        },
      ],
    });
    const placed = await countBenchOrders(url, staffCookie);
    let taken = 0;
    let negative = false;
    for (const t of targets) {
      const left = await stockOf(url, t);
      taken += initialStock - left;
      negative ||= left < 0;
    }
    const row = summarize(database, 'add to cart + checkout', checkout, seconds);
    row.ordersPerSecond = Math.round((checkout.statusCodeStats?.['201']?.count ?? 0) / seconds);
    row.note = `${placedWithCarts} orders over ${targets.length} products`;
    results.push(row);
    const only = summarize(database, 'checkout (cart filled before)', checkoutOnly, seconds);
    const created = checkoutOnly.statusCodeStats?.['201']?.count ?? 0;
    only.ordersPerSecond = Math.round(created / seconds);
    if (created > carts.length) only.note = `ran out of prepared carts (${carts.length})`;
    results.push(only);
    // Both scenarios together: every unit taken from stock belongs to an order, and no stock is below 0.
    only.note =
      (only.note ? `${only.note}; ` : '') +
      (taken === placed && !negative
        ? `all ${placed} orders: ${taken} units taken from stock, none oversold`
        : `STOCK MISMATCH: ${placed} orders but ${taken} units taken`);
  } finally {
    await stopServer(child);
    rmSync(dataDir, { recursive: true, force: true });
    if (database !== 'pglite') {
      const admin = new pg.Client({ connectionString: pgBase });
      await admin.connect();
      await admin.query(`drop database if exists ${pgName} with (force)`);
      await admin.end();
    }
  }
  return results;
}
