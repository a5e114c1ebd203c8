import { type SQL, sql } from 'drizzle-orm';

/**
 * A customer-facing order reference computed by the database as the order row is inserted: the year of
 * placement, then the next number of the order sequence (AC-26-00041, AC-26-00042, ... AC-26-123456).
 * Numbers never repeat and are handed out without waiting on other checkouts (see orderReferenceSeq).
 */
export function nextOrderReferenceSql(prefix: string, now: Date): SQL<string> {
  const head = `${prefix}-${String(now.getUTCFullYear() % 100).padStart(2, '0')}-`;
  return sql<string>`(select ${head} || lpad(n::text, greatest(5, length(n::text)), '0') from (select nextval('order_reference_seq') as n) as next)`;
}
