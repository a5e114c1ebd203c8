/**
 * Taking units from stock: the one conditional decrement every order uses (checkout and after-sales
 * replacements), so two orders can never both take the last unit. Call it last in a transaction, with
 * variants in id order when taking several (stock rows are what every buyer contends for).
 */
import { and, eq, sql } from 'drizzle-orm';
import { productVariants } from '../catalog/schema.ts';
import type { Db } from '../db/client.ts';

/**
 * Takes `quantity` units of the variant when at least that many are in stock (and, when `priceCents` is given,
 * when the variant still costs that). Returns true when taken; false leaves stock unchanged.
 */
export async function takeStock(
  tx: Db,
  take: { variantId: string; quantity: number; priceCents?: number },
): Promise<boolean> {
  const [row] = await tx
    .update(productVariants)
    .set({ stock: sql`${productVariants.stock} - ${take.quantity}` })
    .where(
      and(
        eq(productVariants.id, take.variantId),
        take.priceCents === undefined ? undefined : eq(productVariants.priceCents, take.priceCents),
        sql`${productVariants.stock} >= ${take.quantity}`,
      ),
    )
    .returning({ id: productVariants.id });
  return row !== undefined;
}

/** Units of the variant in stock now, and its price (null when the variant is gone). */
export async function stockOf(
  tx: Db,
  variantId: string,
): Promise<{ stock: number; priceCents: number } | null> {
  const [row] = await tx
    .select({ stock: productVariants.stock, priceCents: productVariants.priceCents })
    .from(productVariants)
    .where(eq(productVariants.id, variantId));
  return row ?? null;
}
