/**
 * Stateless processes (issue: foundation, item 7): two server processes on one PostgreSQL database. A cart
 * filled through one is checked out through the other, and an idempotent retry sent to the other process
 * returns the same order. Needs PostgreSQL: the embedded database belongs to one process by design.
 */
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { checkoutPayload, newKey } from '../helpers/orders-fixtures.ts';

const baseUrl = process.env.DATABASE_URL;
const main = join(import.meta.dirname, '..', '..', 'src', 'main.ts');

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });
}

function startProcess(databaseUrl: string, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', main], {
    env: {
      PATH: process.env.PATH ?? '',
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
      SEED_DEMO: 'true',
      ADMIN_PASSWORD: 'correct horse battery staple',
      APP_SECRET: 'multi-process-secret-0123456789-abcdefghij',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`process on ${port} did not start:\n${output}`)), 60_000);
    child.stdout?.on('data', (d) => {
      output += d;
      if (output.includes('is serving')) {
        clearTimeout(timer);
        resolve(child);
      }
    });
    child.stderr?.on('data', (d) => {
      output += d;
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`process on ${port} exited with ${code}:\n${output}`));
    });
  });
}

describe('two processes behind a load balancer', {
  skip: baseUrl ? false : 'needs DATABASE_URL (PostgreSQL)',
}, () => {
  const name = `ac_multi_${process.pid}`;
  let url = '';
  let a = '';
  let b = '';
  const children: ChildProcess[] = [];

  before(async () => {
    const admin = new pg.Client({ connectionString: baseUrl });
    await admin.connect();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.query(`create database ${name}`);
    await admin.end();
    const u = new URL(baseUrl as string);
    u.pathname = `/${name}`;
    url = u.toString();
    const [portA, portB] = [await freePort(), await freePort()];
    // Both start at the same moment: one migrates and seeds while the other waits.
    children.push(...(await Promise.all([startProcess(url, portA), startProcess(url, portB)])));
    a = `http://127.0.0.1:${portA}`;
    b = `http://127.0.0.1:${portB}`;
  });

  after(async () => {
    for (const child of children) child.kill('SIGTERM');
    await Promise.all(
      children.map((c) => new Promise((r) => (c.exitCode !== null ? r(null) : c.on('exit', r)))),
    );
    const admin = new pg.Client({ connectionString: baseUrl });
    await admin.connect();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  });

  it('the demo shop was seeded once although both processes started together', async () => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const { rows } = await client.query<{ n: number }>(
      'select count(*)::int as n from products where slug in (select slug from products group by slug having count(*) > 1)',
    );
    const staff = await client.query<{ n: number }>('select count(*)::int as n from staff_users');
    await client.end();
    assert.equal(rows[0]?.n, 0);
    assert.equal(staff.rows[0]?.n, 1);
  });

  it('a cart filled on one process is checked out on the other, and a retry on the first returns the same order', async () => {
    const list = (await (await fetch(`${a}/api/products?limit=24`)).json()) as {
      items: Array<{ slug: string; inStock: boolean }>;
    };
    const slug = list.items.find((p) => p.inStock)?.slug;
    assert.ok(slug, 'a product in stock');
    const product = (await (await fetch(`${b}/api/products/${slug}`)).json()) as {
      variants: Array<{ id: string; stock: number }>;
    };
    const variant = product.variants.find((v) => v.stock > 0);
    assert.ok(variant);

    const added = await fetch(`${a}/api/cart/lines`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ variantId: variant.id, quantity: 1 }),
    });
    assert.ok(added.ok, await added.clone().text());
    const cookie = (added.headers.getSetCookie().find((c) => c.startsWith('__Host-ac_cart=')) ?? '').split(
      ';',
    )[0] as string;
    assert.ok(cookie);

    const seen = (await (await fetch(`${b}/api/cart`, { headers: { cookie } })).json()) as {
      cart: { lines: unknown[] };
    };
    assert.equal(seen.cart.lines.length, 1, 'the other process sees the cart');

    const key = newKey();
    const body = JSON.stringify(checkoutPayload());
    const headers = { 'content-type': 'application/json', cookie, 'idempotency-key': key };
    const first = await fetch(`${b}/api/checkout`, { method: 'POST', headers, body });
    assert.equal(first.status, 201, await first.clone().text());
    const retry = await fetch(`${a}/api/checkout`, { method: 'POST', headers, body });
    const [one, two] = (await Promise.all([first.json(), retry.json()])) as Array<{
      order: { reference: string };
    }>;
    assert.equal(two?.order.reference, one?.order.reference);

    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const { rows } = await client.query<{ n: number }>(
      'select count(*)::int as n from orders where reference = $1',
      [one?.order.reference],
    );
    await client.end();
    assert.equal(rows[0]?.n, 1);
  });
});
