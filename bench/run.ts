/**
 * `npm run bench`: runs every scenario, prints a table and writes bench/results.json.
 *
 * Each scenario runs in its own child process on code compiled the way production runs it (esbuild, one
 * ES module), so one scenario's JIT state or garbage does not colour the next, and tsx's loader is not
 * measured.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { type AccountsBenchResult, runAccountsBench } from './accounts.bench.ts';
import { runCasesBench } from './cases.bench.ts';
import type { EvidenceBenchResult } from './evidence.bench.ts';
import { type BenchTarget, type HttpScenarioResult, runHttpBench } from './http.bench.ts';
import { type NumbersBenchResult, runNumbersBench } from './numbers.bench.ts';
import type { PolicyBenchResult } from './policy.bench.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'dist', 'bench');

async function compile(entry: string): Promise<string> {
  const outfile = join(outDir, `${entry.replace(/\W+/g, '-')}.mjs`);
  mkdirSync(outDir, { recursive: true });
  await build({
    entryPoints: [join(root, entry)],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'error',
  });
  return outfile;
}

async function policyScenario(): Promise<PolicyBenchResult> {
  const file = await compile('bench/policy.main.ts');
  const out = execFileSync(process.execPath, [file], { encoding: 'utf8', env: process.env });
  return JSON.parse(out.trim().split('\n').pop() as string) as PolicyBenchResult;
}

function readPreviousResults(file: string): {
  policy?: unknown;
  http?: unknown;
  cases?: unknown;
  evidence?: unknown;
  numbers?: unknown;
  accounts?: unknown;
} {
  if (!existsSync(file)) return {};
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as {
      measuredAt?: string;
      policy?: unknown;
      http?: unknown;
      evidence?: unknown;
    };
    // Files from before each figure carried its own time hold one time for all and a bare http list.
    const http = Array.isArray(parsed.http)
      ? { measuredAt: parsed.measuredAt, scenarios: parsed.http }
      : parsed.http;
    return {
      policy: parsed.policy ?? undefined,
      http,
      cases: (parsed as { cases?: unknown }).cases,
      evidence: (parsed as { evidence?: unknown }).evidence,
      numbers: (parsed as { numbers?: unknown }).numbers,
      accounts: (parsed as { accounts?: unknown }).accounts,
    };
  } catch {
    return {};
  }
}

const only = process.argv.slice(2);
const wanted = (name: string) => only.length === 0 || only.includes(name);

const policy = wanted('policy') ? await policyScenario() : null;
// Evidence photos (issue 10 point 10): run under tsx in its own process (it starts its server as another).
let evidence: EvidenceBenchResult | null = null;
if (wanted('evidence')) {
  const out = execFileSync(process.execPath, ['--import', 'tsx', join(root, 'bench', 'evidence.bench.ts')], {
    encoding: 'utf8',
    env: {
      ...process.env,
      DATABASE_URL: process.env.BENCH_EVIDENCE_DATABASE_URL ?? process.env.DATABASE_URL ?? '',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  evidence = JSON.parse(out) as EvidenceBenchResult;
}
let http: HttpScenarioResult[] = [];
// `npm run bench -- product-list`: only the product list beside the bare Fastify (PostgreSQL by default).
const productListOnly = only.includes('product-list');
if (wanted('http') || productListOnly) {
  try {
    execFileSync(process.execPath, [join(root, 'scripts', 'build-web.mjs'), '--if-stale', '--quiet'], {
      stdio: 'inherit',
    });
  } catch {
    // The API scenarios do not need the storefront; its page scenario reports itself skipped.
    console.warn('\nThe storefront did not build: the page scenario will be skipped.\n');
  }
  execFileSync(process.execPath, [join(root, 'scripts', 'build-server.mjs')], { stdio: 'inherit' });
  const seconds = Number(process.env.BENCH_SECONDS ?? 10);
  const databases = (
    process.env.BENCH_DATABASES ?? (productListOnly ? 'postgres' : 'pglite,postgres,postgres-2proc')
  ).split(',') as BenchTarget[];
  for (const database of databases) {
    http = http.concat(
      await runHttpBench(root, database, {
        seconds,
        connections: 50,
        ...(productListOnly ? { only: 'product-list' as const } : {}),
      }),
    );
  }
}
// `npm run bench -- cases`: the staff case queue over 100,000 cases and opening cases, on PostgreSQL.
let cases: HttpScenarioResult[] = [];
if (wanted('cases')) {
  if (!wanted('http')) {
    execFileSync(process.execPath, [join(root, 'scripts', 'build-server.mjs')], { stdio: 'inherit' });
  }
  cases = await runCasesBench(root, { seconds: Number(process.env.BENCH_SECONDS ?? 10), connections: 20 });
}
// `npm run bench -- numbers`: the owner's after-sales numbers over 300,000 orders and 100,000 cases, on PostgreSQL.
let numbers: NumbersBenchResult[] = [];
if (wanted('numbers')) {
  if (!wanted('http') && !wanted('cases')) {
    execFileSync(process.execPath, [join(root, 'scripts', 'build-server.mjs')], { stdio: 'inherit' });
  }
  numbers = await runNumbersBench(root);
}
// `npm run bench -- accounts`: customer sign-in throughput and pages during a flood of wrong passwords.
let accounts: AccountsBenchResult | null = null;
if (wanted('accounts')) {
  if (!wanted('http') && !wanted('cases') && !wanted('numbers')) {
    execFileSync(process.execPath, [join(root, 'scripts', 'build-server.mjs')], { stdio: 'inherit' });
  }
  accounts = await runAccountsBench(root, { seconds: Number(process.env.BENCH_SECONDS ?? 10) });
}
// A run of some scenarios keeps the last figures of the others, each with the time it was measured.
const resultsFile = join(root, 'bench', 'results.json');
const previous = readPreviousResults(resultsFile);
const now = new Date().toISOString();
const results = {
  machine: { node: process.version, cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length },
  policy: policy ? { measuredAt: now, ...policy } : (previous.policy ?? null),
  http: wanted('http') ? { measuredAt: now, scenarios: http } : (previous.http ?? null),
  cases: wanted('cases') ? { measuredAt: now, scenarios: cases } : (previous.cases ?? null),
  evidence: evidence ? { measuredAt: now, ...evidence } : (previous.evidence ?? null),
  numbers: wanted('numbers') ? { measuredAt: now, scenarios: numbers } : (previous.numbers ?? null),
  accounts: accounts ? { measuredAt: now, ...accounts } : (previous.accounts ?? null),
  ...(productListOnly ? { productList: { measuredAt: now, scenarios: http } } : {}),
};

if (policy) {
  console.log('\nAfter-sales policy engine (one core)');
  console.table([
    {
      scenario: policy.scenario,
      'assessments/s': policy.assessmentsPerSecond.toLocaleString('en-US'),
      'ns/assessment': policy.nsPerAssessment,
      'target/s': '1,000,000',
      met: policy.assessmentsPerSecond >= 1_000_000 ? 'yes' : 'no',
    },
  ]);
}
if (evidence) {
  console.log(
    `\nEvidence photo, ${evidence.photo.width} × ${evidence.photo.height} JPEG (${evidence.database})`,
  );
  console.table([
    {
      'process median ms': evidence.processMs.median,
      'process max ms': evidence.processMs.max,
      'upload median ms': evidence.uploadMs.median,
      target: '< 500 ms',
      met: evidence.processMs.median < 500 ? 'yes' : 'no',
      '/api/health p99 idle ms': evidence.health.idleP99Ms,
      '/api/health p99 during uploads ms': evidence.health.busyP99Ms,
    },
  ]);
}
if (http.length > 0) {
  console.log('\nHTTP (autocannon; server, database and load generator on the same 2 cores)');
  console.table(
    http.map((r) => ({
      database: r.database,
      scenario: r.scenario,
      conns: r.connections,
      'req/s': r.requestsPerSecond,
      'orders/s': r.ordersPerSecond ?? '',
      'p50 ms': r.latencyP50Ms,
      'p97.5 ms': r.latencyP97_5Ms,
      'p99 ms': r.latencyP99Ms,
      '× bare': r.ratioToBare ?? '',
      'CPU µs/req': r.cpuUsPerRequest ?? '',
      errors: r.errors,
      non2xx: r.non2xx,
      note: r.note ?? '',
    })),
  );
}
if (cases.length > 0) {
  console.log('\nAfter-sales cases on PostgreSQL (autocannon; same 2 cores)');
  console.table(
    cases.map((r) => ({
      database: r.database,
      scenario: r.scenario,
      conns: r.connections,
      'req/s': r.requestsPerSecond,
      'p50 ms': r.latencyP50Ms,
      'p99 ms': r.latencyP99Ms,
      'CPU µs/req': r.cpuUsPerRequest ?? '',
      errors: r.errors,
      non2xx: r.non2xx,
      note: r.note ?? '',
    })),
  );
}
if (numbers.length > 0) {
  console.log("\nThe owner's after-sales numbers on PostgreSQL (one request at a time)");
  console.table(
    numbers.map((r) => ({
      scenario: r.scenario,
      requests: r.requests,
      'median ms': r.medianMs,
      'p99 ms': r.p99Ms,
      'max ms': r.maxMs,
      note: r.note,
    })),
  );
}
if (accounts) {
  console.log('\nCustomer sign-in on PostgreSQL (autocannon; same 2 cores)');
  console.table([
    {
      scenario: accounts.signIns.scenario,
      conns: accounts.signIns.connections,
      'sign-ins/s': accounts.signIns.requestsPerSecond,
      'per core-second': accounts.signIns.signInsPerCoreSecond ?? '',
      'p99 ms': accounts.signIns.latencyP99Ms,
      non2xx: accounts.signIns.non2xx,
    },
  ]);
  console.table(
    [accounts.pagesIdle, accounts.pagesDuringFlood].map((r) => ({
      scenario: r.scenario,
      conns: r.connections,
      'req/s': r.requestsPerSecond,
      'p50 ms': r.latencyP50Ms,
      'p99 ms': r.latencyP99Ms,
      non2xx: r.non2xx,
    })),
  );
  console.log(
    `flood: ${accounts.pagesDuringFlood.floodAttemptsPerSecond} attempts/s (${JSON.stringify(accounts.pagesDuringFlood.floodStatuses)}); pages' p99 ${accounts.p99Ratio} × idle (target ≤ 2 ×): ${accounts.p99Ratio <= 2 ? 'met' : 'NOT met'}`,
  );
}
writeFileSync(resultsFile, `${JSON.stringify(results, null, 2)}\n`);
console.log(`\n${JSON.stringify(results)}`);
