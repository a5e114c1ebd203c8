/**
 * Search latency over a catalogue of 1,000 products (the demo's 28 and variations of them): the storefront's
 * `listProducts` and the back office's `listAdminProducts`, called directly (no HTTP, no cache), per query.
 *
 *   npx tsx bench/search.bench.ts                                          # embedded PGlite, in memory
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npx tsx bench/search.bench.ts   # a throwaway database
 *
 * Prints one line per query: median and 95th percentile in milliseconds over 60 runs, after 10 to warm up.
 */
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { listAdminProducts } from '../src/catalog/admin-products.ts';
import { listProducts } from '../src/catalog/list-products.ts';
import { products } from '../src/catalog/schema.ts';
import { openDatabase } from '../src/db/client.ts';
// The demo catalogue (moving to src/demo/: update this one import).
import { demoProducts } from '../src/demo/catalog.ts';
import { uuidv7 } from '../src/shared/ids.ts';

const CATALOGUE = 1_000;
const QUERIES = [
  'phone',
  'ch',
  'charg',
  'chargr',
  'nimbus x2 pr',
  'wireless chargi',
  'noise cancelling',
  'zzqxvj',
];
const MODELS = ['Air', 'Max', 'Neo', 'Prime', 'Edge', 'Core', 'Ultra', 'Go', 'Plus', 'Mini'];

async function throwawayPostgres(baseUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `ac_bench_${process.pid}`;
  const run = async (text: string) => {
    const client = new pg.Client({ connectionString: baseUrl });
    await client.connect();
    await client.query(text);
    await client.end();
  };
  await run(`create database ${name}`);
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => run(`drop database if exists ${name} with (force)`) };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] as number;
}

const base = process.env.DATABASE_URL;
const pgDb = base ? await throwawayPostgres(base) : null;
const database = await openDatabase({ databaseUrl: pgDb?.url, dataDir: 'memory://' });
try {
  await database.migrate();
  const start = Date.UTC(2026, 0, 1);
  const rows = Array.from({ length: CATALOGUE }, (_, i) => {
    const demo = demoProducts[i % demoProducts.length] as (typeof demoProducts)[number];
    const variation = i < demoProducts.length ? '' : ` ${MODELS[i % MODELS.length]} ${Math.floor(i / 28)}`;
    return {
      id: uuidv7(start + i * 60_000),
      slug: `${demo.slug}-${i}`,
      name: `${demo.name}${variation}`,
      brand: demo.brand,
      category: demo.category,
      summary: demo.summary,
      description: demo.description,
      priceFromCents: demo.variants[0]?.priceCents ?? 1000,
      createdAt: new Date(start + i * 60_000),
    };
  });
  for (let i = 0; i < rows.length; i += 200)
    await database.db.insert(products).values(rows.slice(i, i + 200));
  if (database.kind === 'postgres') await database.executeSql('analyze products');

  console.log(`${database.kind}, ${CATALOGUE} products: median / p95 ms per search (found)`);
  for (const q of QUERIES) {
    for (const [label, run] of [
      ['storefront', () => listProducts(database.db, { q, limit: 24 })],
      ['back office', () => listAdminProducts(database.db, { q, limit: 50 })],
    ] as const) {
      let found = 0;
      const times: number[] = [];
      for (let i = 0; i < 70; i++) {
        const t0 = performance.now();
        found = (await run()).items.length;
        if (i >= 10) times.push(performance.now() - t0);
      }
      times.sort((a, b) => a - b);
      const fmt = (n: number) => n.toFixed(1).padStart(6);
      console.log(
        `${label.padEnd(12)} ${JSON.stringify(q).padEnd(20)} ${fmt(percentile(times, 0.5))} ${fmt(percentile(times, 0.95))}   (${found})`,
      );
    }
  }
} finally {
  await database.close();
  await pgDb?.drop();
}
