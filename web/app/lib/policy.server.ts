/**
 * The after-sales policy as the engine enforces it. Policy numbers are shop settings; until the settings
 * service stores them, the catalogue defaults are the policy.
 */

import { defaultPolicySettings, type PolicySettings } from '../../../src/aftersales/policy.settings.ts';
import { describePolicy } from '../../../src/aftersales/policy.text.ts';

export async function currentPolicySettings(): Promise<PolicySettings> {
  return defaultPolicySettings;
}

export { describePolicy };
