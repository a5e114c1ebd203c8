/**
 * The back office's client for the policy playground: the policy versions to choose from, a hypothetical claim
 * judged under one or two of them, and the claims an order's lines would make. Types come from the zod schemas
 * the server validates with (src/aftersales/playground/schemas.ts).
 */
import type { z } from 'zod';
import type { policyVersionListResponse } from '../../../src/aftersales/cases/schemas.ts';
import type { ClaimInput, ClaimKind } from '../../../src/aftersales/claim.schema.ts';
import type {
  PlaygroundAssessResponse,
  PlaygroundFromOrder,
} from '../../../src/aftersales/playground/schemas.ts';
import { request, withQuery } from './admin-api.ts';

export type { ClaimInput, PlaygroundAssessResponse, PlaygroundFromOrder };
export type PolicyVersionList = z.infer<typeof policyVersionListResponse>;

export function listPolicyVersions(): Promise<PolicyVersionList> {
  return request('GET', '/api/admin/policy/versions');
}

/** Errors name `claim.<field>` (the engine's schema) or `versions.<i>` (a version that does not exist). */
export function assessInPlayground(claim: ClaimInput, versions: number[]): Promise<PlaygroundAssessResponse> {
  return request('POST', '/api/admin/policy/assess', { claim, versions });
}

/** Errors name `reference`: 404 no such order, 409 not shipped or delivered yet. */
export function claimsOfOrder(reference: string, kind: ClaimKind): Promise<PlaygroundFromOrder> {
  return request('GET', withQuery('/api/admin/policy/assess/from-order', { reference, kind }));
}

export const playgroundKeys = {
  versions: ['policy', 'versions'] as const,
};
