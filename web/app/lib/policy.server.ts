/**
 * The after-sales policy as the engine enforces it: the live version of the policy settings (the one new
 * claims are judged by), or an earlier one a customer asks for to read the policy their order was sold under.
 */
import { data } from 'react-router';
import type { PolicySettings } from '../../../src/aftersales/policy.settings.ts';
import { describePolicy } from '../../../src/aftersales/policy.text.ts';
import {
  currentPolicyVersion,
  findPolicyVersion,
  type PolicyVersion,
} from '../../../src/aftersales/policy-versions.service.ts';
import type { AppContext } from '../../../src/context.ts';
import { isNotFound } from './orders.server.ts';

/** The settings of the live version: what the storefront promises is what the engine applies. */
export async function currentPolicySettings(ctx: AppContext): Promise<PolicySettings> {
  return (await currentPolicyVersion(ctx.db)).settings;
}

/**
 * The version a policy page shows: the live one without `?version`, else that version. Anything but a
 * version that exists (`abc`, `0`, `1.5`, `99`) is the not-found page, never an error.
 */
export async function policyVersionForPage(
  ctx: AppContext,
  asked: string | null,
): Promise<{ shown: PolicyVersion; live: PolicyVersion }> {
  const live = await currentPolicyVersion(ctx.db);
  if (asked === null) return { shown: live, live };
  const version = /^[1-9]\d{0,8}$/.test(asked) ? Number(asked) : null;
  if (version === null) throw data(null, { status: 404, statusText: 'Not Found' });
  if (version === live.version) return { shown: live, live };
  const shown = await findPolicyVersion(ctx.db, version).catch((error: unknown) => {
    if (isNotFound(error)) throw data(null, { status: 404, statusText: 'Not Found' });
    throw error;
  });
  return { shown, live };
}

export { describePolicy };
