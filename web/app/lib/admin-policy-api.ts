/**
 * The back office's client for the after-sales policy settings (issue 11 point 1): the numbered versions,
 * one version, two compared, a change previewed, a new version saved. Types come from the zod schemas the
 * server validates with (src/aftersales/cases/schemas.ts).
 */
import type { z } from 'zod';
import type {
  policyChangeSchema,
  policyCompareResponse,
  policyPreviewResponse,
  policyVersionListResponse,
  policyVersionSchema,
} from '../../../src/aftersales/cases/schemas.ts';
import type { PolicySettings } from '../../../src/aftersales/policy.settings.ts';
import { request, withQuery } from './admin-api.ts';

export type { PolicySettings };
export type PolicyVersionList = z.infer<typeof policyVersionListResponse>;
export type PolicyVersionItem = PolicyVersionList['items'][number];
export type PolicyVersionView = z.infer<typeof policyVersionSchema>;
export type PolicyChangeView = z.infer<typeof policyChangeSchema>;
export type PolicyPreview = z.infer<typeof policyPreviewResponse>;
export type PolicyComparison = z.infer<typeof policyCompareResponse>;

/** Every version, newest first; `current` is the live one. Every staff member may read them. */
export function listPolicyVersions(): Promise<PolicyVersionList> {
  return request('GET', '/api/admin/policy/versions');
}

/** What saving these settings would change against the live version; nothing is saved (400 names the field). */
export function previewPolicy(settings: PolicySettings): Promise<PolicyPreview> {
  return request('POST', '/api/admin/policy/versions/preview', { settings });
}

/** The differences between two versions, in words (404 naming `from` or `to` when one is missing). */
export function comparePolicyVersions(from: number, to: number): Promise<PolicyComparison> {
  return request('GET', withQuery('/api/admin/policy/versions/compare', { from, to }));
}

/** Saves the settings as the next version (owner only: 403 otherwise; 400 names `settings.<field>` or `reason`). */
export async function savePolicyVersion(
  settings: PolicySettings,
  reason: string,
): Promise<PolicyVersionView> {
  return (
    await request<{ policy: PolicyVersionView }>('POST', '/api/admin/policy/versions', { settings, reason })
  ).policy;
}

export const policyKeys = {
  all: ['policy'] as const,
  versions: ['policy', 'versions'] as const,
  compare: (from: number, to: number) => ['policy', 'compare', from, to] as const,
};
