/**
 * The back office's client for the owner's privacy tools (PV-STF-1, PV-RGT-2, PV-USE-2): maintenance grants
 * (a technician reads their own), the audit log and the business-transfer export. Types come from the zod
 * schemas the server validates with (src/privacy/staff-access/schemas.ts).
 */
import type { z } from 'zod';
import type { BusinessTransferFile } from '../../../src/privacy/staff-access/business-transfer-export.ts';
import type {
  AuditEntryView,
  auditLogQuery,
  auditLogResponse,
  GrantView,
  OwnGrantView,
} from '../../../src/privacy/staff-access/schemas.ts';
import { request, type Staff, withQuery } from './admin-api.ts';

export type MaintenanceGrant = GrantView;
export type OwnGrant = OwnGrantView;
export type AuditEntry = AuditEntryView;
export type AuditLogPage = z.infer<typeof auditLogResponse>;
export type AuditLogQuery = Partial<Record<keyof z.input<typeof auditLogQuery>, string | number>>;

export interface GrantInput {
  staffId: string;
  reason: string;
  scope: 'customer' | 'all';
  /** The customer's email or one of their order references; only for 'customer'. */
  customer?: string;
  hours: number;
}

/** The grants in force and of the last 30 days, and the longest access the shop allows (hours). */
export function listGrants(): Promise<{ items: MaintenanceGrant[]; maxHours: number }> {
  return request('GET', '/api/admin/maintenance-grants');
}

export async function ownGrants(): Promise<OwnGrant[]> {
  return (await request<{ items: OwnGrant[] }>('GET', '/api/admin/maintenance-grants/mine')).items;
}

export async function createGrant(input: GrantInput): Promise<MaintenanceGrant> {
  return (await request<{ grant: MaintenanceGrant }>('POST', '/api/admin/maintenance-grants', input)).grant;
}

export async function revokeGrant(id: string): Promise<MaintenanceGrant> {
  const path = `/api/admin/maintenance-grants/${encodeURIComponent(id)}/revocation`;
  return (await request<{ grant: MaintenanceGrant }>('POST', path)).grant;
}

export function listAuditLog(query: AuditLogQuery): Promise<AuditLogPage> {
  return request('GET', withQuery('/api/admin/audit-log', query));
}

export interface AuditMember {
  id: string;
  name: string;
  role: Staff['role'];
  active: boolean;
}

export async function auditMembers(): Promise<AuditMember[]> {
  return (await request<{ items: AuditMember[] }>('GET', '/api/admin/audit-log/members')).items;
}

/** Makes the export (an audit row with `purpose`) and hands the browser the file to save. */
export async function downloadBusinessTransfer(purpose: string): Promise<BusinessTransferFile> {
  const file = await request<BusinessTransferFile>('POST', '/api/admin/business-transfer-export', {
    purpose,
  });
  const url = URL.createObjectURL(new Blob([JSON.stringify(file, null, 2)], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = `aftercare-business-transfer-${file.generatedAt.slice(0, 10)}.json`;
  document.body.append(link);
  link.click();
  link.remove();
  // The file holds every customer's data: nothing of it stays reachable from the page afterwards.
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
  return file;
}

export const privacyKeys = {
  grants: ['maintenance-grants'] as const,
  ownGrants: ['maintenance-grants', 'mine'] as const,
  auditLog: (query: AuditLogQuery) => ['audit-log', query] as const,
  auditMembers: ['audit-log', 'members'] as const,
};
