import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { asc } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { mediaRoot } from '../../src/catalog/media.routes.ts';
import type { Db } from '../../src/db/client.ts';
import {
  carts,
  orderEvents,
  orderLines,
  orders,
  payments,
  productImages,
  products,
  productVariants,
  staffUsers,
} from '../../src/db/schema.ts';
import { caseScenarios } from '../../src/demo/case-scenarios.ts';
import { demoProducts } from '../../src/demo/catalog.ts';
import { runSeed } from '../../src/demo/command.ts';
import { productIllustration } from '../../src/demo/illustrations.ts';
import { isShopEmpty, seedDemoShop } from '../../src/demo/index.ts';
import { resetShop } from '../../src/demo/reset.ts';
import { fixedClock } from '../../src/shared/clock.ts';
import { projectRoot } from '../../src/shared/paths.ts';
import { DAY_MS } from '../../src/shared/time.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';

const NOW = '2026-03-10T12:00:00.000Z';
const nowMs = Date.parse(NOW);
const daysAgo = (d: Date | null) => (d ? (nowMs - d.getTime()) / DAY_MS : null);

type Row = Record<string, unknown>;

/** Every seeded row, in a stable order, for comparing two seeds. */
async function snapshot(db: Db): Promise<Record<string, Row[]>> {
  const tables: Record<string, PgTable & { id?: unknown }> = {
    products,
    productVariants,
    productImages,
    orders,
    orderLines,
    orderEvents,
    payments,
  };
  const out: Record<string, Row[]> = {};
  for (const [name, table] of Object.entries(tables)) {
    const rows = (await db
      .select()
      .from(table)
      .orderBy(asc((table as unknown as { id: typeof products.id }).id))) as Row[];
    out[name] = rows;
  }
  return out;
}

describe('demo shop seed', () => {
  let t: TestApp;
  let db: Db;

  before(async () => {
    t = await startTestApp({ seed: true, clock: fixedClock(NOW) });
    db = t.ctx.db;
  });
  after(() => t.close());

  it('has at least 24 active products in every category, with variants, stock and an image each', async () => {
    const all = await db.select().from(products);
    const active = all.filter((p) => p.status === 'active');
    assert.ok(active.length >= 24, `${active.length} active products`);
    for (const category of ['smartphone', 'tablet', 'wearable', 'accessory'] as const) {
      assert.ok(active.filter((p) => p.category === category).length >= 3, category);
    }
    assert.ok(all.some((p) => p.status === 'draft'));
    assert.ok(all.some((p) => p.status === 'archived'));

    const variants = await db.select().from(productVariants);
    const images = await db.select().from(productImages);
    assert.equal(new Set(variants.map((v) => v.sku)).size, variants.length, 'SKUs are unique');
    for (const p of all) {
      const own = variants.filter((v) => v.productId === p.id);
      assert.ok(own.length >= 1, p.slug);
      assert.equal(p.priceFromCents, Math.min(...own.map((v) => v.priceCents)), `${p.slug} priceFromCents`);
      for (const v of own) assert.ok(Number.isInteger(v.priceCents) && v.priceCents > 0 && v.stock >= 0);
      const image = images.find((i) => i.productId === p.id);
      assert.ok(image, `${p.slug} has no image`);
      assert.ok(existsSync(join(projectRoot, 'public', image.url)), `${image.url} is not a committed file`);
    }
    assert.ok(
      variants.some((v) => v.colour && v.storageGb),
      'variants by colour and storage',
    );
  });

  it('has clearance (AS-GEN-6), special-warranty (AS-DEF-1) and under-US$100 (AS-GEN-5) products', async () => {
    const active = (await db.select().from(products)).filter((p) => p.status === 'active');
    assert.ok(active.filter((p) => p.clearance).length >= 3, 'clearance');
    const special = active.filter((p) => p.specialWarranty);
    assert.ok(special.length >= 2, 'special warranty');
    for (const p of special) assert.ok((p.specialWarrantyTerms ?? '').length > 20, `${p.slug} terms`);
    assert.ok(active.filter((p) => p.priceFromCents < 10000).length >= 6, 'under US$100');
    assert.ok(active.some((p) => p.category === 'accessory' && p.priceFromCents < 10000));
  });

  it('SH-BATCH-1: most products carry the batch-variance note, some do not', async () => {
    const active = (await db.select().from(products)).filter((p) => p.status === 'active');
    assert.ok(active.filter((p) => p.batchVarianceNote).length > active.length / 2);
    assert.ok(active.some((p) => !p.batchVarianceNote));
  });

  it('has orders in every state, dated relative to the clock, with references AC-yy-nnnnn', async () => {
    const all = await db.select().from(orders);
    assert.deepEqual(
      new Set(all.map((o) => o.status)),
      new Set(['placed', 'paid', 'shipped', 'delivered', 'completed', 'cancelled']),
    );
    for (const o of all) {
      assert.match(o.reference, /^AC-\d{2}-\d{5}$/);
      assert.match(o.email, /@example\.com$/);
    }
    assert.equal(new Set(all.map((o) => o.reference)).size, all.length);

    const pay = await db.select().from(payments);
    const placed = all.find((o) => o.status === 'placed');
    assert.equal(placed?.paymentMethod, 'bank_transfer');
    assert.equal(pay.find((p) => p.orderId === placed?.id)?.status, 'pending');

    const tracked = all.find((o) => o.status === 'shipped' && o.trackingNumber);
    assert.ok(tracked?.carrier && tracked.shippedAt);
    // Recorded as the order services do: delivered, without a date the carrier could give.
    const untraceable = all.find((o) => o.deliveryUntraceable);
    assert.equal(untraceable?.status, 'delivered');
    assert.equal(daysAgo(untraceable?.shippedAt ?? null), 10);
    assert.equal(untraceable?.deliveredAt, null);

    const delivered = all
      .filter((o) => o.deliveredAt && o.status === 'delivered')
      .map((o) => daysAgo(o.deliveredAt))
      .sort((a, b) => (a ?? 0) - (b ?? 0));
    // The three delivered orders of the storefront's demo, and one for each demo after-sales case.
    assert.deepEqual(
      delivered,
      [2, 20, 100, ...caseScenarios.map((c) => c.deliveredDaysAgo)].sort((a, b) => a - b),
    );
    const completed = all.find((o) => o.status === 'completed');
    assert.ok(completed?.completedAt && completed.deliveredAt);
    const cancelled = all.find((o) => o.status === 'cancelled');
    assert.ok(cancelled?.cancelledAt && !cancelled.shippedAt);
    assert.equal(pay.find((p) => p.orderId === cancelled?.id)?.status, 'voided');

    // References carry the year of placement, then the sequence in order of placement.
    const old = all.find((o) => daysAgo(o.deliveredAt) === 100);
    assert.match(old?.reference ?? '', /^AC-25-00001$/);
    const numbers = all.map((o) => Number(o.reference.slice(-5))).sort((a, b) => a - b);
    assert.deepEqual(
      numbers,
      all.map((_, i) => i + 1),
    );
  });

  it('order lines snapshot the product, totals add up, and every order has a timeline', async () => {
    const all = await db.select().from(orders);
    const lines = await db.select().from(orderLines);
    const events = await db.select().from(orderEvents);
    const variants = new Map((await db.select().from(productVariants)).map((v) => [v.id, v]));
    const productById = new Map((await db.select().from(products)).map((p) => [p.id, p]));
    for (const o of all) {
      const own = lines.filter((l) => l.orderId === o.id);
      assert.ok(own.length >= 1);
      for (const l of own) {
        const v = variants.get(l.variantId);
        const p = productById.get(l.productId);
        assert.ok(v && p);
        assert.deepEqual(
          [l.sku, l.variantName, l.unitPriceCents, l.productName, l.category, l.clearance, l.specialWarranty],
          [v.sku, v.name, v.priceCents, p.name, p.category, p.clearance, p.specialWarranty],
        );
      }
      const subtotal = own.reduce((s, l) => s + l.unitPriceCents * l.quantity, 0);
      assert.equal(o.subtotalCents, subtotal);
      assert.equal(o.totalCents, subtotal + o.shippingCents);

      const timeline = events
        .filter((e) => e.orderId === o.id)
        .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
      assert.equal(timeline[0]?.type, 'placed');
      assert.equal(timeline.filter((e) => e.toStatus).at(-1)?.toStatus, o.status, o.reference);
    }
    assert.ok(lines.some((l) => l.clearance) && lines.some((l) => l.specialWarranty));
    assert.ok(lines.some((l) => l.unitPriceCents < 10000));
  });

  it('is deterministic: seeding again with the same clock gives the same rows, ids included', async () => {
    const first = await snapshot(db);
    await db.transaction(async (tx) => {
      await resetShop(tx);
      assert.equal(await isShopEmpty(tx), true);
      await seedDemoShop(tx, fixedClock(NOW));
    });
    assert.deepEqual(await snapshot(db), first);
  });

  it('another clock moves the dates and keeps the catalogue, prices and orders', async () => {
    const first = await snapshot(db);
    await db.transaction(async (tx) => {
      await resetShop(tx);
      await seedDemoShop(tx, fixedClock('2027-01-02T08:00:00.000Z'));
    });
    const second = await snapshot(db);
    const shape = (s: Record<string, Row[]>) =>
      (s.productVariants ?? []).map((v) => [v.sku, v.name, v.priceCents, v.stock]).sort();
    assert.deepEqual(shape(second), shape(first));
    assert.equal(second.orders?.length, first.orders?.length);
    assert.notDeepEqual(
      second.orders?.map((o) => o.placedAt),
      first.orders?.map((o) => o.placedAt),
    );
    await db.transaction(async (tx) => {
      await resetShop(tx);
      await seedDemoShop(tx, fixedClock(NOW));
    });
  });

  it('the committed illustrations are the ones the generator draws (npx tsx src/demo/write-media.ts)', () => {
    for (const product of demoProducts) {
      const file = join(mediaRoot, 'products', `${product.slug}.svg`);
      assert.ok(existsSync(file), `${file} is missing`);
      assert.equal(readFileSync(file, 'utf8'), productIllustration(product), `${product.slug}.svg is stale`);
    }
  });

  it('the seed command seeds an empty shop once; --reset empties the shop and seeds it again', async () => {
    const where = 'the test database';
    await resetShop(db);
    assert.match(
      await runSeed(t.ctx.database, fixedClock(NOW), { reset: false, where }),
      /^Seeded the demo shop in the test database: \d+ products, \d+ orders, \d+ after-sales cases\.$/,
    );
    const before = await snapshot(db);
    assert.match(
      await runSeed(t.ctx.database, fixedClock(NOW), { reset: false, where }),
      /already has products: nothing seeded/,
    );
    assert.deepEqual(await snapshot(db), before);
    await db.insert(carts).values({ id: '01900000-0000-7000-8000-0000000000aa', tokenHash: 'x' });
    assert.match(
      await runSeed(t.ctx.database, fixedClock(NOW), { reset: true, where }),
      /^Reset and seeded the demo shop/,
    );
    assert.deepEqual(await snapshot(db), before);
    assert.equal((await db.select().from(carts)).length, 0, 'the reset emptied the carts');
    assert.equal((await db.select().from(staffUsers)).length, 1, 'the reset kept the staff');
  });

  it('npm run seed runs the command (and refuses unknown arguments)', () => {
    const run = (...args: string[]) =>
      spawnSync(process.execPath, ['--import', 'tsx', 'src/demo/cli.ts', ...args], {
        cwd: projectRoot,
        env: { ...process.env, DATABASE_URL: t.ctx.config.DATABASE_URL ?? '' },
        encoding: 'utf8',
        timeout: 60_000,
      });
    const bad = run('--wipe');
    assert.equal(bad.status, 64);
    assert.match(bad.stderr, /Unknown argument --wipe/);
    // A real run needs a database the test owns: PostgreSQL's is; a PGlite one on disk costs seconds of initdb.
    if (!t.ctx.config.DATABASE_URL) return;
    const seeded = run('--reset');
    assert.equal(seeded.status, 0, seeded.stderr);
    assert.match(
      seeded.stdout,
      /^Reset and seeded the demo shop in postgres.*: \d+ products, \d+ orders, 17 after-sales cases\.\n$/,
    );
  });
});
