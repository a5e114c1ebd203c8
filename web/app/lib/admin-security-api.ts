/**
 * The back office's client for security events (PV-ACC-2: listed, filtered, marked reviewed; the navigation's
 * count) and the owner's staff page (invitations, deactivation, resetting a member's lost second factor). Types come from the zod schemas
 * the server validates with (src/accounts/security-events/schemas.ts).
 */
import type { z } from 'zod';
import type {
  SecurityEventView,
  securityEventListQuery,
  securityEventListResponse,
} from '../../../src/accounts/security-events/schemas.ts';
import type { Deactivation } from '../../../src/accounts/staff-lifecycle/deactivate.ts';
import { request, type Staff, withQuery } from './admin-api.ts';

export type SecurityEvent = SecurityEventView;
export type SecurityEventList = z.infer<typeof securityEventListResponse>;
export type SecurityEventListQuery = Partial<
  Record<keyof z.input<typeof securityEventListQuery>, string | number>
>;

export function listSecurityEvents(query: SecurityEventListQuery): Promise<SecurityEventList> {
  return request('GET', withQuery('/api/admin/security-events', query));
}

/** How many events wait for review. */
export async function unreviewedSecurityEvents(): Promise<number> {
  return (await request<{ unreviewed: number }>('GET', '/api/admin/security-events/summary')).unreviewed;
}

export async function reviewSecurityEvent(id: string): Promise<SecurityEvent> {
  const path = `/api/admin/security-events/${encodeURIComponent(id)}/review`;
  return (await request<{ event: SecurityEvent }>('POST', path)).event;
}

export interface StaffMember {
  id: string;
  email: string;
  name: string;
  role: Staff['role'];
  active: boolean;
  secondFactor: boolean;
  /** Passkeys the member signs in with (each is both factors). */
  passkeys: number;
}

export async function listStaff(): Promise<StaffMember[]> {
  return (await request<{ items: StaffMember[] }>('GET', '/api/admin/staff')).items;
}

export function resetSecondFactor(id: string): Promise<void> {
  return request('POST', `/api/admin/staff/${encodeURIComponent(id)}/second-factor/reset`);
}

/** PV-STF-2: an invitation waiting for its answer. */
export interface StaffInvitation {
  id: string;
  email: string;
  name: string;
  role: Staff['role'];
  createdAt: string;
  expiresAt: string;
}

export async function listInvitations(): Promise<StaffInvitation[]> {
  return (await request<{ items: StaffInvitation[] }>('GET', '/api/admin/staff/invitations')).items;
}

/** Queues the invitation email; replaces an open invitation to the address (409 on `email` for a member's). */
export async function inviteStaff(input: {
  email: string;
  name: string;
  role: Staff['role'];
}): Promise<StaffInvitation> {
  return (await request<{ invitation: StaffInvitation }>('POST', '/api/admin/staff/invitations', input))
    .invitation;
}

/**
 * Ends everything of the member at once (409 for the last active owner); answers how many open cases and
 * orders went back to the queue (PV-STF-2).
 */
export function deactivateStaff(id: string): Promise<Deactivation> {
  return request<Deactivation>('POST', `/api/admin/staff/${encodeURIComponent(id)}/deactivation`);
}

export const securityKeys = {
  all: ['security-events'] as const,
  list: (query: SecurityEventListQuery) => ['security-events', 'list', query] as const,
  summary: ['security-events', 'summary'] as const,
  staff: ['staff-members'] as const,
  invitations: ['staff-invitations'] as const,
};
