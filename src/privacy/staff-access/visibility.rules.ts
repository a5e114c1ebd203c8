/**
 * PV-STF-1, pure: which member of staff sees which customer's personal data (name, email, phone, addresses,
 * IP, message texts, staff's free-text notes and reasons on a record, evidence files). Product, state, dates and amounts are not personal and always show.
 *
 * - owner: everything (every read still goes to the audit log).
 * - customer_service: full data for the cases and orders assigned to them, and for the unassigned orders of
 *   cases assigned to them (the case's order is part of handling it); unassigned records nobody handles show
 *   masked (the queue still works: they may take them); a record assigned to another member, or unassigned
 *   while another member handles its order or one of its cases, is hidden (404, not 403, which would tell
 *   that it exists).
 * - technician: the workshop runs on masked data; full data only through an active maintenance grant that
 *   covers the customer ('customer' for them, or 'all'; a guest's records only through 'all').
 *
 * No I/O and no clock: the grants in force are an input (active-grants.ts reads them).
 */
import type { StaffPrincipal } from '../../accounts/staff.service.ts';
import { type ActiveGrant, grantCovering } from './active-grants.ts';

export type StaffRole = StaffPrincipal['role'];

/** Who is looking: their id, role and the maintenance grants they hold now (technicians). */
export interface Viewer {
  id: string;
  role: StaffRole;
  grants: readonly ActiveGrant[];
}

/** Whose record it is and who handles it. */
export interface RecordHolders {
  /** The member the record is assigned to, or null. */
  assignedTo: string | null;
  /** Members who handle it through another record (the assignees of an order's cases; a case's order's). */
  alsoHandledBy?: readonly (string | null)[];
  /** The customer account, or null for a guest. */
  customerId: string | null;
}

export type Visibility =
  /** Personal data shown; `purpose` and `grantId` say why when a maintenance grant allowed it. */
  | { kind: 'full'; purpose: string | null; grantId: string | null }
  /** Listed and readable, personal data masked. */
  | { kind: 'masked' }
  /** Not even listed: assigned to another member (detail endpoints answer 404). */
  | { kind: 'hidden' };

const FULL: Visibility = { kind: 'full', purpose: null, grantId: null };
const MASKED: Visibility = { kind: 'masked' };
const HIDDEN: Visibility = { kind: 'hidden' };

/** What `viewer` may see of one record (PV-STF-1). */
export function visibilityOf(viewer: Viewer, record: RecordHolders): Visibility {
  if (viewer.role === 'owner') return FULL;
  if (viewer.role === 'technician') {
    const grant = grantCovering(viewer.grants, record.customerId);
    return grant ? { kind: 'full', purpose: grant.reason, grantId: grant.id } : MASKED;
  }
  if (record.assignedTo === viewer.id) return FULL;
  // Another member's record stays theirs, whatever else the viewer handles on it: taking an unassigned case
  // must not open the order the owner gave someone else.
  if (record.assignedTo !== null) return HIDDEN;
  if (record.alsoHandledBy?.includes(viewer.id)) return FULL;
  // Unassigned, but another member handles it through its order or a case of it: theirs too, so it can
  // neither be read nor taken from under them.
  return record.alsoHandledBy?.some((h) => h !== null) ? HIDDEN : MASKED;
}

/** Whether `viewer` sees every customer's data (the owner, a technician with an 'all' grant): mail outbox. */
export function seesEveryone(viewer: Viewer): { purpose: string | null; grantId: string | null } | null {
  if (viewer.role === 'owner') return { purpose: null, grantId: null };
  if (viewer.role !== 'technician') return null;
  const all = viewer.grants.find((g) => g.scope === 'all');
  return all ? { purpose: all.reason, grantId: all.id } : null;
}

/** "Jane Doe" → "J. D."; a name of no letters → "—". */
export function initials(name: string): string {
  const parts = name
    .trim()
    .split(/\s+/)
    .map((w) => w.match(/\p{L}|\p{N}/u)?.[0])
    .filter((c): c is string => Boolean(c));
  return parts.length === 0 ? '—' : parts.map((c) => `${c.toUpperCase()}.`).join(' ');
}

/** "jane@example.com" → "…@example.com": the domain says which mail provider, not who. */
export function emailDomain(email: string): string {
  const at = email.lastIndexOf('@');
  return at < 0 ? '…' : `…${email.slice(at)}`;
}

/** An IPv4 address keeps its first two parts, an IPv6 one its first two groups: the network, not the device. */
export function maskIp(ip: string): string {
  if (ip.includes(':')) return `${ip.split(':').slice(0, 2).join(':')}:…`;
  const parts = ip.split('.');
  return parts.length === 4 ? `${parts[0]}.${parts[1]}.…` : '…';
}

/** A shipping address masked: initials, country only (no street, city, postcode or phone). */
export function maskAddress<A extends { name: string; country: string }>(
  address: A,
): { name: string; line1: string; city: string; postalCode: string; country: string } {
  return { name: initials(address.name), line1: '', city: '', postalCode: '', country: address.country };
}

/**
 * A free text written on a customer's record (a staff note, a written reason, a message), masked (PV-STF-1):
 * it may quote the customer's data, so only that it exists shows (''), not what it says; no text stays null.
 * Who wrote it and when are kept beside it by the caller.
 */
export function maskText(text: string | null): string | null {
  return text === null ? null : '';
}

/** `data` (a timeline entry's details) with the free texts under `keys` masked as `maskText` does. */
export function maskTextFields<D extends Record<string, unknown>>(data: D, keys: readonly string[]): D {
  const masked: Record<string, unknown> = { ...data };
  for (const key of keys) {
    if (typeof masked[key] === 'string') masked[key] = '';
  }
  return masked as D;
}
