/**
 * The back office's client for after-sales cases: the staff queue, one case, staff decisions and assignment.
 * Types come from the zod schemas the server validates with (src/aftersales/cases/schemas.ts).
 */
import type { z } from 'zod';
import type { staffMessageSchema } from '../../../src/aftersales/cases/conversation.schemas.ts';
import type {
  AdminCaseDetail,
  adminCaseListQuery,
  adminCaseListResponse,
  adminCaseSummarySchema,
  deadlinesOverviewResponse,
  staffCaseActionBody,
} from '../../../src/aftersales/cases/schemas.ts';
import type { caseRemediesResponse } from '../../../src/aftersales/remedies/schemas.ts';
import { request, withQuery } from './admin-api.ts';

export type { AdminCaseDetail };
export type AdminCaseSummary = z.infer<typeof adminCaseSummarySchema>;
export type AdminCaseList = z.infer<typeof adminCaseListResponse>;
/** The queue's query as the page sends it (numbers and flags as the URL carries them). */
export type CaseListQuery = Partial<Record<keyof z.input<typeof adminCaseListQuery>, string | number>>;
/** A staff decision as the dialogs send it. */
export type StaffCaseAction = z.input<typeof staffCaseActionBody>;

export function listCases(query: CaseListQuery): Promise<AdminCaseList> {
  return request('GET', withQuery('/api/admin/cases', query));
}

/** Deadlines at a glance (issue 11 point 5): overdue and near counts, shop and customer apart, and the soonest. */
export type DeadlinesOverview = z.infer<typeof deadlinesOverviewResponse>;

export function getDeadlinesOverview(): Promise<DeadlinesOverview> {
  return request('GET', '/api/admin/cases/deadlines');
}

export async function getCase(id: string): Promise<AdminCaseDetail> {
  return (await request<{ case: AdminCaseDetail }>('GET', `/api/admin/cases/${encodeURIComponent(id)}`)).case;
}

export async function runCaseAction(id: string, body: StaffCaseAction): Promise<AdminCaseDetail> {
  const path = `/api/admin/cases/${encodeURIComponent(id)}/actions`;
  return (await request<{ case: AdminCaseDetail }>('POST', path, body)).case;
}

export async function assignCase(id: string, staffId: string | null): Promise<AdminCaseDetail> {
  const path = `/api/admin/cases/${encodeURIComponent(id)}/assign`;
  return (await request<{ case: AdminCaseDetail }>('POST', path, { staffId })).case;
}

export const caseKeys = {
  all: ['cases'] as const,
  list: (query: CaseListQuery) => ['cases', 'list', query] as const,
  deadlines: ['cases', 'deadlines'] as const,
  detail: (id: string) => ['cases', 'detail', id] as const,
};

/** One message of a case's conversation with the customer (AS-GEN-1), with the staff member who wrote it. */
export type CaseMessage = z.infer<typeof staffMessageSchema>;

export async function getCaseMessages(id: string): Promise<CaseMessage[]> {
  const path = `/api/admin/cases/${encodeURIComponent(id)}/messages`;
  return (await request<{ messages: CaseMessage[] }>('GET', path)).messages;
}

/** Writes to the customer; the server emails them a link to the case. Errors name `body`. */
export async function postCaseMessage(id: string, body: string): Promise<CaseMessage> {
  const path = `/api/admin/cases/${encodeURIComponent(id)}/messages`;
  return (await request<{ message: CaseMessage }>('POST', path, { body })).message;
}

/** What a case gave: refunds, return-postage reimbursements, coupons and vouchers, replacement orders. */
export type CaseRemedies = z.infer<typeof caseRemediesResponse>;

export function getCaseRemedies(id: string): Promise<CaseRemedies> {
  return request('GET', `/api/admin/cases/${encodeURIComponent(id)}/remedies`);
}
