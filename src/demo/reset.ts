import { getTableName, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../db/client.ts';
import { productImages, products, productVariants } from '../db/schema.ts';
import { mailOutbox } from '../messaging/schema.ts';
import {
  cartLines,
  carts,
  idempotencyKeys,
  orderEvents,
  orderLines,
  orders,
  payments,
} from '../orders/schema.ts';

/** Every table of shop data. Staff accounts, their sessions and the shop's settings are not among them. */
export const shopTables: readonly PgTable[] = [
  products,
  productVariants,
  productImages,
  carts,
  cartLines,
  orders,
  orderLines,
  orderEvents,
  payments,
  idempotencyKeys,
  mailOutbox,
];

/**
 * Empties the shop's tables in one statement. CASCADE also empties tables that refer to these (after-sales
 * cases refer to orders, for instance): a reset shop has no history.
 */
export async function resetShop(db: Db): Promise<void> {
  const names = shopTables.map((table) => sql.identifier(getTableName(table)));
  await db.execute(sql`truncate table ${sql.join(names, sql`, `)} cascade`);
  await db.execute(sql`alter sequence order_reference_seq restart with 1`);
  await db.execute(sql`alter sequence case_reference_seq restart with 1`);
}
