import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { formatReference } from '../shared/ids.ts';

/**
 * The next customer-facing order reference: the year of placement, then the next number of the order
 * sequence (AC-26-00041, AC-26-00042, ...). Numbers never repeat and are handed out without waiting on
 * other checkouts (see orderReferenceSeq).
 */
export async function nextOrderReference(db: Db, prefix: string, now: Date): Promise<string> {
  const result = await db.execute(sql`select nextval('order_reference_seq')::int as n`);
  const [row] = (result as unknown as { rows: Array<{ n: number }> }).rows;
  return formatReference(prefix, now.getUTCFullYear(), Number(row?.n));
}
