/**
 * The after-sales policy engine: SPEC section 1 as one pure function (SPEC section 4 is its contract).
 * No I/O, no clock, no module state: the time is an input and the same input always gives the same answer.
 * Every clause that decided is named in `reasons`, with the real dates and amounts, so the customer, the
 * staff member and the test all read the same explanation.
 */
import { formatUsd, roundUpToWholeDollars } from '../shared/money.ts';
import { plural } from '../shared/text.ts';
import {
  addCalendarMonthsUtc,
  addDays,
  formatDay,
  formatElapsed,
  formatInstant,
  toIsoString,
} from '../shared/time.ts';
import {
  type ClaimInput,
  type ClaimKind,
  type EvidenceKind,
  parseClaim,
  type ReplaceableComponent,
  type Resolution,
} from './claim.schema.ts';
import { defaultPolicySettings, type PolicySettings, parsePolicySettings } from './policy.settings.ts';

export {
  type ClaimInput,
  type ClaimKind,
  claimInputSchema,
  type EvidenceKind,
  InvalidClaimError,
  type ProductCategory,
  type Resolution,
} from './claim.schema.ts';
export { defaultPolicySettings, type PolicySettings, policySettingsSchema } from './policy.settings.ts';

export interface Reason {
  clause: string;
  message: string;
}

export interface EvidenceRequirement {
  kind: EvidenceKind;
  required: boolean;
}

export interface Assessment {
  eligible: boolean;
  /** What may be offered, best first; [] when not eligible. */
  resolutions: Resolution[];
  evidence: EvidenceRequirement[];
  /** Every clause that decided, in the order it was applied. */
  reasons: Reason[];
  /** ISO 8601: the last moment to open this kind of claim; null when the policy sets no limit. */
  deadline: string | null;
  returnShipping: { payer: 'customer' | 'shop'; reimbursableUpToCents: number };
  partsPayer: 'customer' | 'shop' | null;
  /** AS-GEN-5: the coupon's value when `coupon` is offered, otherwise null. */
  couponValueCents: number | null;
  /** AS-GEN-2, AS-DEF-5: how the item travels back when a resolution sends it back, otherwise null. */
  returnParcel: { rmaRequired: true; declaredValueCents: number | null } | null;
}

const SENT_BACK: ReadonlySet<Resolution> = new Set(['repair', 'replacement', 'refund']);

// Factories rather than shared arrays: every answer owns its evidence list, and literals are the fastest
// way to build one.
const EVIDENCE: Record<ClaimKind, () => EvidenceRequirement[]> = {
  dead_on_arrival: () => [
    { kind: 'package_front', required: true },
    { kind: 'package_back', required: true },
    { kind: 'item_media', required: true },
    { kind: 'malfunction_media', required: true },
    { kind: 'postage_receipt', required: false },
  ],
  defective: () => [
    { kind: 'package_front', required: true },
    { kind: 'package_back', required: true },
    { kind: 'shipment_slip', required: false },
    { kind: 'item_media', required: true },
    { kind: 'defect_media', required: true },
    { kind: 'postage_receipt', required: false },
  ],
  incorrect_item: () => [
    { kind: 'item_media', required: true },
    { kind: 'malfunction_media', required: false },
    { kind: 'postage_receipt', required: false },
  ],
  change_of_mind: () => [],
};

const EVIDENCE_CLAUSE: Record<ClaimKind, string | null> = {
  dead_on_arrival: 'AS-DOA-2',
  defective: 'AS-DEF-6',
  incorrect_item: 'AS-INC-3',
  change_of_mind: null,
};

const EVIDENCE_LABEL: Record<EvidenceKind, string> = {
  package_front: 'the front of the package',
  package_back: 'the back of the package',
  item_media: 'photos or video of the item',
  malfunction_media: 'photos, video or a screenshot of the malfunction',
  defect_media: 'photos, video or a description of the defect',
  shipment_slip: 'partial shipment slips if any',
  postage_receipt: 'the postage receipt once shipped',
};

/** The evidence clause of each kind, with the list a customer must upload: fixed per kind, so built once. */
const EVIDENCE_REASON = Object.fromEntries(
  Object.entries(EVIDENCE_CLAUSE).map(([kind, clause]) => {
    const required = EVIDENCE[kind as ClaimKind]()
      .filter((e) => e.required)
      .map((e) => EVIDENCE_LABEL[e.kind]);
    return [kind, clause ? { clause, message: `Evidence needed: ${required.join('; ')}.` } : null];
  }),
) as Record<ClaimKind, Reason | null>;

/** The times of a claim in epoch milliseconds. */
interface Timeline {
  opened: number;
  shipped: number;
  delivered: number | null;
  /** AS-GEN-4's "received": delivery, or shipment when delivery is untraceable. */
  received: number;
}

/** What one kind's clauses decided, before the rules every kind shares are applied. */
interface Decision {
  eligible: boolean;
  resolutions: Resolution[];
  deadline: number | null;
  shopPaysShipping: boolean;
  /** AS-GEN-4: a repair's parts are on the shop when the case opened within its days of receipt. */
  shopPaysParts: boolean;
  /** Defective claims after the AS-DEF-2 window: nothing is reimbursed. */
  afterReturnWindow: boolean;
}

type Facts = NonNullable<ClaimInput['facts']>;

interface Context {
  input: ClaimInput;
  facts: Facts;
  t: Timeline;
  s: PolicySettings;
  reasons: Reason[];
}

export function assessClaim(input: ClaimInput, settings: PolicySettings = defaultPolicySettings): Assessment {
  const { claim, opened, shipped, delivered } = parseClaim(input);
  const s = settings === defaultPolicySettings ? settings : parsePolicySettings(settings);
  const ctx: Context = {
    input: claim,
    facts: claim.facts ?? {},
    t: { opened, shipped, delivered, received: delivered ?? shipped },
    s,
    reasons: [],
  };

  const decision = decide(ctx);
  return finish(ctx, decision);
}

function decide(ctx: Context): Decision {
  switch (ctx.input.kind) {
    case 'dead_on_arrival':
      return decideDeadOnArrival(ctx);
    case 'defective':
      return decideDefective(ctx);
    case 'incorrect_item':
      return decideIncorrectItem(ctx);
    case 'change_of_mind':
      return decideChangeOfMind(ctx);
  }
}

function declined(deadline: number | null): Decision {
  return {
    eligible: false,
    resolutions: [],
    deadline,
    shopPaysShipping: false,
    shopPaysParts: false,
    afterReturnWindow: false,
  };
}

function decideDeadOnArrival({ facts, t, s, reasons, input }: Context): Decision {
  const traceable = t.delivered !== null;
  const from = t.delivered ?? t.shipped;
  const days = traceable ? s.doaDaysAfterDelivery : s.doaDaysAfterShipmentUntraceable;
  const deadline = addDays(from, days);
  const event = traceable ? 'delivery' : 'shipment (delivery date not traceable)';
  const reported = `Reported on ${formatDay(t.opened)}, ${formatElapsed(t.opened - from)} after ${event} on ${formatDay(from)}`;
  let eligible = true;

  if (facts.misuse) {
    eligible = false;
    reasons.push({
      clause: 'AS-DOA-1',
      message: 'Dead-on-arrival claims exclude inappropriate usage, and this item was used inappropriately.',
    });
    pushBuyerCausedFees(reasons);
  }
  if (t.opened > deadline) {
    eligible = false;
    reasons.push({
      clause: 'AS-DOA-1',
      message: `${reported}; dead-on-arrival claims must be reported within ${plural(days, 'day')} after ${traceable ? 'delivery' : 'shipment when delivery is not traceable'}, by ${formatInstant(deadline)}.`,
    });
  }
  if (!eligible) return declined(deadline);

  reasons.push({
    clause: 'AS-DOA-1',
    message: `${reported}, within the ${plural(days, 'day')} allowed for dead-on-arrival claims (until ${formatInstant(deadline)}). A dead item is replaced or refunded, not repaired.`,
  });
  const ignored = warrantyExclusions(input).map((e) => e.what);
  if (ignored.length > 0) {
    reasons.push({
      clause: 'AS-GEN-6',
      message: `Dead-on-arrival claims are accepted whatever the warranty, so the exclusions for ${ignored.join(', ')} do not apply.`,
    });
  }
  return {
    eligible: true,
    resolutions: ['replacement', 'refund'],
    deadline,
    shopPaysShipping: true,
    shopPaysParts: false,
    afterReturnWindow: false,
  };
}

interface Exclusion {
  clause: 'AS-GEN-6' | 'AS-DEF-1';
  what: string;
}

/** AS-GEN-6 and AS-DEF-1: what keeps an item out of defective-item returns and the warranty. */
function warrantyExclusions(input: ClaimInput): Exclusion[] {
  const { item } = input;
  const facts = input.facts ?? {};
  const out: Exclusion[] = [];
  if (item.specialWarranty) out.push({ clause: 'AS-DEF-1', what: 'items sold under special warranty terms' });
  if (facts.physicalDamage) out.push({ clause: 'AS-DEF-1', what: 'physical damage not present on delivery' });
  if (facts.misuse) out.push({ clause: 'AS-DEF-1', what: 'inappropriate usage' });
  if (facts.misuse) out.push({ clause: 'AS-GEN-6', what: 'man-made issues' });
  if (item.category === 'accessory') out.push({ clause: 'AS-GEN-6', what: 'accessories' });
  if (item.clearance) out.push({ clause: 'AS-GEN-6', what: 'clearance products' });
  if (item.openedByCustomer && (item.category === 'smartphone' || item.category === 'tablet')) {
    out.push({ clause: 'AS-GEN-6', what: `${item.category}s opened by the customer` });
  }
  return out;
}

function decideDefective(ctx: Context): Decision {
  const { input, facts, t, s, reasons } = ctx;
  const windowEnd = addDays(t.shipped, s.defectiveDaysAfterShipment);
  const warrantyEnd = addCalendarMonthsUtc(t.shipped, s.warrantyMonths);
  const deadline = Math.max(windowEnd, warrantyEnd);
  const inWindow = t.opened <= windowEnd;
  const inWarranty = t.opened <= warrantyEnd;
  // Texts are built only on the branch that cites them: most declined claims never need a date formatted.
  const reported = () =>
    `Reported on ${formatDay(t.opened)}, ${formatElapsed(t.opened - t.shipped)} after shipment on ${formatDay(t.shipped)}`;
  const windowText = () =>
    `within ${plural(s.defectiveDaysAfterShipment, 'day')} of shipment (until ${formatInstant(windowEnd)})`;
  const warrantyText = () => `the ${s.warrantyMonths}-month warranty (until ${formatInstant(warrantyEnd)})`;

  const exclusions = warrantyExclusions(input);
  if (exclusions.length > 0) {
    const returns = exclusions.filter((e) => e.clause === 'AS-DEF-1').map((e) => e.what);
    const warranty = exclusions.filter((e) => e.clause === 'AS-GEN-6').map((e) => e.what);
    if (returns.length > 0) {
      reasons.push({
        clause: 'AS-DEF-1',
        message: `Defective-item returns do not cover ${returns.join(', ')}.`,
      });
    }
    if (warranty.length > 0) {
      reasons.push({ clause: 'AS-GEN-6', message: `The warranty does not cover ${warranty.join(', ')}.` });
    }
  }
  if (facts.misuse) pushBuyerCausedFees(reasons);
  if (!inWindow && !inWarranty) {
    reasons.push({
      clause: 'AS-DEF-2',
      message: `${reported()}; defective items must be reported ${windowText()}, or for a repair within ${warrantyText()}.`,
    });
  }
  if (exclusions.length > 0 || (!inWindow && !inWarranty)) return declined(deadline);

  reasons.push({
    clause: 'AS-DEF-1',
    message: 'The item has no special warranty terms, no physical damage and no inappropriate usage.',
  });
  // AS-GEN-4 counts from receipt, AS-DEF-2 from shipment: a late delivery can put a claim inside the first
  // and past the second, and then the shop still pays the parts while the customer pays the shipping.
  const faultEnd = addDays(t.received, s.shopPaysFaultDays);
  const shopPaysFault = t.opened <= faultEnd;
  const receivedText = () =>
    `${formatElapsed(t.opened - t.received)} after you received the order on ${formatDay(t.received)}`;
  let resolutions: Resolution[];
  const shopPaysShipping = inWindow && shopPaysFault;
  if (inWindow) {
    reasons.push({ clause: 'AS-DEF-2', message: `${reported()}, ${windowText()}.` });
    resolutions = ['repair', 'replacement', 'refund'];
    reasons.push(
      shopPaysShipping
        ? {
            clause: 'AS-GEN-4',
            message: `Opened ${receivedText()}, within ${plural(s.shopPaysFaultDays, 'day')}: if inspection finds a fault of the product, the shop pays the repair and the shipping.`,
          }
        : {
            clause: 'AS-DEF-4',
            message: `Opened ${receivedText()}, later than ${plural(s.shopPaysFaultDays, 'day')}: you pay for sending the item back, reimbursed under AS-GEN-3 if the complaint is justified.`,
          },
    );
  } else {
    reasons.push({
      clause: 'AS-GEN-6',
      message: `${reported()}: past the ${s.defectiveDaysAfterShipment}-day return window but within ${warrantyText()}, so the item can be repaired under warranty; you pay the shipping both ways.`,
    });
    resolutions = ['repair'];
  }

  if (input.item.unitPriceCents < s.couponThresholdCents) {
    resolutions = resolutions.map((r) => (r === 'repair' ? 'coupon' : r));
    reasons.push({
      clause: 'AS-GEN-5',
      message: `The item cost ${formatUsd(input.item.unitPriceCents)}, under ${formatUsd(s.couponThresholdCents)}: instead of sending it back for repair you receive a free coupon worth ${formatUsd(couponValue(input.item.unitPriceCents, s))}.`,
    });
  } else {
    pushRepairCost(ctx, shopPaysFault, receivedText);
  }
  return {
    eligible: true,
    resolutions,
    deadline,
    shopPaysShipping,
    shopPaysParts: shopPaysFault,
    afterReturnWindow: !inWindow,
  };
}

function pushRepairCost(
  { facts, reasons, s }: Context,
  shopPaysParts: boolean,
  receivedText: () => string,
): void {
  const parts = facts.componentsToReplace ?? [];
  if (parts.length === 0) {
    reasons.push({ clause: 'AS-DEF-3', message: 'The repair is free when no component has to be replaced.' });
    return;
  }
  reasons.push(
    shopPaysParts
      ? {
          clause: 'AS-GEN-4',
          message: `The ${listComponents(parts)} must be replaced; the case was opened ${receivedText()}, within ${plural(s.shopPaysFaultDays, 'day')}, so the shop pays for the parts.`,
        }
      : {
          clause: 'AS-DEF-3',
          message: `The ${listComponents(parts)} must be replaced: you pay for these parts, and you receive a quote to accept or decline before work starts.`,
        },
  );
}

function decideIncorrectItem({ facts, reasons }: Context): Decision {
  if (facts.onlyLogoOrPackagingDiffers) {
    reasons.push({
      clause: 'AS-INC-4',
      message:
        'Only the logo or packaging differs, which varies between batches; an item whose functions and appearance match the description is not an incorrect item.',
    });
    return declined(null);
  }
  reasons.push({
    clause: 'AS-INC-1',
    message: facts.physicalDamage
      ? 'An incorrect item must come back in its original box as delivered; this one is physically damaged, so it cannot be returned.'
      : 'The item received differs from the one ordered: the shop replaces it and reimburses shipping and replacement costs against receipts. Return it in its original box, as delivered.',
  });
  reasons.push({
    clause: 'AS-INC-2',
    message: 'You may keep the incorrect item and receive a discount or voucher instead.',
  });
  return {
    eligible: true,
    resolutions: facts.physicalDamage ? ['keep_with_voucher'] : ['replacement', 'keep_with_voucher'],
    deadline: null,
    shopPaysShipping: true,
    shopPaysParts: false,
    afterReturnWindow: false,
  };
}

function decideChangeOfMind({ reasons }: Context): Decision {
  reasons.push({
    clause: 'AS-RET-1',
    message:
      'Products without physical or other damage on delivery cannot be returned: change-of-mind returns are declined.',
  });
  return declined(null);
}

/** The rules every kind shares: troubleshooting first, shipping fees, parts, evidence, the return parcel. */
function finish(ctx: Context, d: Decision): Assessment {
  const { input, facts, s, reasons } = ctx;
  const resolutions = d.resolutions;
  const sendsBack = d.eligible && sendsItemBack(resolutions);

  if (d.eligible) {
    if (facts.troubleshootingDone) {
      reasons.push({
        clause: 'AS-GEN-1',
        message: 'Troubleshooting with customer service is finished and the issue persists.',
      });
    } else {
      resolutions.unshift('troubleshoot');
      reasons.push({
        clause: 'AS-GEN-1',
        message:
          'Customer service first tries to solve the issue with you; a return is authorised only if it persists.',
      });
    }
  }

  let reimbursable = 0;
  if (sendsBack) {
    reasons.push({
      clause: 'AS-GEN-2',
      message:
        'Do not send anything back before customer service gives you a return authorisation (RMA) number.',
    });
    if (input.kind === 'defective') {
      reasons.push({
        clause: 'AS-DEF-5',
        message: `Send it by ordinary mail with a tracking number (or untracked, keeping the receipt), declare a value of ${formatUsd(s.declaredParcelValueCents)}, and upload a photo of the postage receipt.`,
      });
    }
    if (!d.afterReturnWindow) {
      reimbursable = reimbursableFee(facts.returnShippingFeeCents, s.returnShippingFeeCapCents);
      reasons.push({ clause: 'AS-GEN-3', message: feeMessage(facts.returnShippingFeeCents, s) });
    }
  }

  const evidenceReason = EVIDENCE_REASON[input.kind];
  if (d.eligible && evidenceReason)
    reasons.push({ clause: evidenceReason.clause, message: evidenceReason.message });

  return {
    eligible: d.eligible,
    resolutions,
    evidence: EVIDENCE[input.kind](),
    reasons,
    deadline: d.deadline === null ? null : toIsoString(d.deadline),
    returnShipping: {
      payer: d.eligible && d.shopPaysShipping ? 'shop' : 'customer',
      reimbursableUpToCents: reimbursable,
    },
    partsPayer: partsPayer(facts, resolutions, d),
    couponValueCents: resolutions.includes('coupon') ? couponValue(input.item.unitPriceCents, s) : null,
    returnParcel: sendsBack
      ? {
          rmaRequired: true,
          declaredValueCents: input.kind === 'defective' ? s.declaredParcelValueCents : null,
        }
      : null,
  };
}

function sendsItemBack(resolutions: readonly Resolution[]): boolean {
  for (const r of resolutions) if (SENT_BACK.has(r)) return true;
  return false;
}

/** AS-GEN-3: only fees below the cap are accepted; with no fee declared yet, the most that could be. */
function reimbursableFee(feeCents: number | undefined, capCents: number): number {
  if (feeCents === undefined) return capCents - 1;
  return feeCents < capCents ? feeCents : 0;
}

function feeMessage(feeCents: number | undefined, s: PolicySettings): string {
  const cap = formatUsd(s.returnShippingFeeCapCents);
  if (feeCents === undefined) {
    return `Return shipping must cost less than ${cap}; upload the receipt after shipping. The fee is refunded only if inspection finds the complaint justified.`;
  }
  return feeCents < s.returnShippingFeeCapCents
    ? `The return shipping fee of ${formatUsd(feeCents)} is below ${cap}: it is refunded if inspection finds the complaint justified.`
    : `The return shipping fee of ${formatUsd(feeCents)} is not below ${cap}, so it is not reimbursed.`;
}

function partsPayer(
  facts: Facts,
  resolutions: readonly Resolution[],
  d: Decision,
): 'customer' | 'shop' | null {
  if (!facts.componentsToReplace?.length) return null;
  if (facts.misuse) return 'customer';
  if (!resolutions.includes('repair')) return null;
  return d.shopPaysParts ? 'shop' : 'customer';
}

function pushBuyerCausedFees(reasons: Reason[]): void {
  reasons.push({
    clause: 'AS-GEN-4',
    message: 'A fault caused by the buyer is at the buyer’s cost: repair, parts and shipping back.',
  });
}

function couponValue(unitPriceCents: number, s: PolicySettings): number {
  return s.couponFixedValueCents ?? roundUpToWholeDollars(unitPriceCents);
}

function listComponents(parts: readonly ReplaceableComponent[]): string {
  if (parts.length === 1) return parts[0] as string;
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

export { describePolicy, type PolicySection } from './policy.text.ts';
