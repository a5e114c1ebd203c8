/**
 * PV-STF-1: "who read this record". The audit log stores a record's id (`recordId`, an order's or a case's
 * uuid) and whose data it was (`customerId`, null for a guest); the owner knows a record by what the back
 * office shows: an order reference (AC-26-00123), a case number (RMA-26-00042), a customer's email. This rule
 * reads what was typed, with the record type chosen beside it, into what to look up; no I/O.
 */
import type { AccessRecordType } from './schema.ts';

/** What a typed reference names, before it is looked up. */
export type RecordReference =
  /** An order by its reference: its 'order' rows. */
  | { kind: 'order'; reference: string }
  /** A case by its number: its 'case' rows, and its 'evidence' rows unless `evidenceOnly` says only those. */
  | { kind: 'case'; reference: string; evidenceOnly: boolean }
  /** A customer by email: every row about their data (account rows, and a guest's orders and cases). */
  | { kind: 'customer'; email: string }
  /** A record by its id, as the log stores it (a deleted record's rows stay findable); `recordType` narrows. */
  | { kind: 'id'; id: string; recordType: AccessRecordType | undefined };

/** The record types a reference can name; the others (an export, a mail) are found by id only. */
export const referencedTypes = ['order', 'case', 'evidence', 'customer'] as const;

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Year then sequence, as `customerReference` writes them; the sequence may outgrow five digits. */
const orderPattern = /^AC-\d{2}-\d{5,}$/i;
const casePattern = /^RMA-\d{2}-\d{5,}$/i;
const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export const recordReferenceHint =
  'is not an order reference (AC-26-00123), a case number (RMA-26-00042), a customer’s email or a record id';

/**
 * Reads `raw` (trimmed) as a reference of `recordType` (or of the type its shape says when none is chosen).
 * Returns the reference, or `{ error }`: the message for a 400 on `record`. An order reference with the type
 * 'case' and the like is an error, not an empty list: the owner asked a question that has no answer.
 */
export function parseRecordReference(
  recordType: AccessRecordType | undefined,
  raw: string,
): RecordReference | { error: string } {
  const value = raw.trim();
  if (uuidPattern.test(value)) return { kind: 'id', id: value.toLowerCase(), recordType };
  const wrongType = (kind: string) => ({
    error: `is ${kind}, not a reference of the record type chosen (${recordType})`,
  });
  if (orderPattern.test(value)) {
    if (recordType && recordType !== 'order') return wrongType('an order reference');
    return { kind: 'order', reference: value.toUpperCase() };
  }
  if (casePattern.test(value)) {
    if (recordType && recordType !== 'case' && recordType !== 'evidence') return wrongType('a case number');
    return { kind: 'case', reference: value.toUpperCase(), evidenceOnly: recordType === 'evidence' };
  }
  if (value.includes('@')) {
    if (!emailPattern.test(value)) return { error: 'is not a valid email' };
    if (recordType && recordType !== 'customer') return wrongType('an email');
    return { kind: 'customer', email: value };
  }
  return { error: recordReferenceHint };
}
