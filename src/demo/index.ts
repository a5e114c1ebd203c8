/**
 * The demo shop: the catalogue of catalog.ts, with illustrations, and orders in every state (orders.ts).
 * Deterministic: the same clock gives the same rows, ids included; dates are relative to the clock.
 */
import { inArray, sql } from 'drizzle-orm';
import type { AppContext } from '../context.ts';
import type { Db } from '../db/client.ts';
import { productImages, products, productVariants } from '../db/schema.ts';
import { testProcessorCharges } from '../orders/payments/test-processor.schema.ts';
import { orderEvents, orderLines, orders, payments } from '../orders/schema.ts';
import type { Clock } from '../shared/clock.ts';
import { seedDemoCases } from './cases.ts';
import { catalogRows } from './catalog-rows.ts';
import { orderRows } from './orders.ts';

/** True when the shop has no products yet (first start). */
export async function isShopEmpty(db: Db): Promise<boolean> {
  const rows = await db.select({ id: products.id }).from(products).limit(1);
  return rows.length === 0;
}

/**
 * Seeds the catalogue and the orders; with `cases` (the shop's config and secret) also the after-sales cases,
 * played through the shop's use cases (cases.ts), which need an owner to act as staff.
 */
export async function seedDemoShop(
  db: Db,
  clock: Clock,
  cases?: Pick<AppContext, 'config' | 'secret'>,
): Promise<{ products: number; orders: number; cases: number }> {
  const now = clock.now().getTime();
  const catalog = catalogRows(now);
  const demo = orderRows(now, catalog);
  await db.transaction(async (tx) => {
    await tx.insert(products).values(catalog.products);
    await tx.insert(productVariants).values(catalog.variants);
    await tx.insert(productImages).values(catalog.images);
    await tx.insert(orders).values(demo.orders);
    await tx.insert(orderLines).values(demo.lines);
    await tx.insert(orderEvents).values(demo.events);
    await tx.insert(payments).values(demo.payments);
    // The test processor knows the demo's card payments, so staff can refund them like any other.
    const charges = demo.payments.filter((p) => p.provider === 'test_card' && p.processorReference);
    if (charges.length > 0) {
      // A reset gives the demo's payments the same references again: the processor forgets the old charges
      // and their refunds (cascade), or a demo refund would find its charge already refunded.
      const references = charges.map((p) => p.processorReference as string);
      await tx.delete(testProcessorCharges).where(inArray(testProcessorCharges.reference, references));
      await tx.insert(testProcessorCharges).values(
        charges.map((p) => ({
          reference: p.processorReference as string,
          tokenId: `demo_${p.processorReference}`,
          amountCents: p.amountCents,
          refundOutcome: 'succeed' as const,
        })),
      );
    }
    // New orders continue after the demo's references.
    await tx.execute(
      sql`select setval('order_reference_seq', greatest(${demo.lastReferenceNumber}, (select last_value from order_reference_seq)))`,
    );
  });
  const caseCount = cases ? await seedDemoCases({ ...cases, db }, now, demo.idsByKey) : 0;
  // Fresh tables have no planner statistics (and autovacuum may be off): give the planner some.
  await db.execute(
    sql`analyze ${products}, ${productVariants}, ${productImages}, ${orders}, ${orderLines}, ${orderEvents}, ${payments}`,
  );
  return { products: catalog.products.length, orders: demo.orders.length, cases: caseCount };
}
