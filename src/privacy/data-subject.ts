/**
 * What every feature holding data about a customer implements, for the export (PV-RGT-1) and the deletion
 * (PV-ACC-4) of that customer's data. A feature that adds a table about customers (saved addresses, passkeys,
 * …) writes one `CustomerDataEntry` next to its own schema and adds it to `customerDataRegistry`
 * (customer-data.registry.ts): the export file gains its part and the deletion removes it, nothing else
 * changes. The entry owns its queries; the privacy folder owns neither tables nor columns.
 */
import type { Db } from '../db/client.ts';

/** The customer whose data is read or removed, resolved once before the entries run. */
export interface DataSubject {
  customerId: string;
  /** The account's normalised email: guest orders and security events before the account name it. */
  email: string;
  /** The account's orders: joined to it, or bought as a guest with its (verified) address. */
  orderIds: string[];
  /** The after-sales cases of those orders. */
  caseIds: string[];
}

export interface CustomerDataEntry {
  /** The key of this entry's part in the export file ("orders", "cases", …). */
  key: string;
  /** This entry's part of the export: JSON-ready values (ISO 8601 instants, integer cents). */
  export(db: Db, subject: DataSubject): Promise<unknown>;
  /**
   * Removes or anonymises the data in the deletion's transaction `tx`; returns how many rows it changed. What
   * the entry keeps (for accounting law) holds no name, email, phone, address or IP afterwards. Stored files
   * are queued for removal after the commit (see aftersales/evidence/purge-evidence.ts).
   */
  erase(tx: Db, subject: DataSubject, now: Date): Promise<number>;
}

/** ISO 8601 or null, for the export. */
export function iso(value: Date | null | undefined): string | null {
  return value ? value.toISOString() : null;
}
