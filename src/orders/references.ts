import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { formatReference } from '../shared/ids.ts';
import { referenceCounters } from './schema.ts';

/**
 * The next customer-facing reference for a prefix and year (AC-26-00001, AC-26-00002, ...). The upsert locks
 * the counter row until the transaction ends, so concurrent orders never share a number, and a rolled-back
 * checkout leaves no gap.
 */
export async function nextReference(db: Db, prefix: string, now: Date): Promise<string> {
  const year = now.getUTCFullYear();
  const [row] = await db
    .insert(referenceCounters)
    .values({ prefix, year, value: 1 })
    .onConflictDoUpdate({
      target: [referenceCounters.prefix, referenceCounters.year],
      set: { value: sql`${referenceCounters.value} + 1` },
    })
    .returning({ value: referenceCounters.value });
  return formatReference(prefix, year, row?.value as number);
}
