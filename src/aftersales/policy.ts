/**
 * The after-sales policy engine: the after-sales clauses of docs/clauses.md as one pure function.
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
  type ClaimFacts,
  type ClaimInput,
  type ClaimKind,
  type EvidenceKind,
  type ParsedClaim,
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
  readonly clause: string;
  readonly message: string;
}

export interface EvidenceRequirement {
  readonly kind: EvidenceKind;
  readonly required: boolean;
}

export interface Assessment {
  eligible: boolean;
  /** What may be offered, best first; [] when not eligible. */
  resolutions: Resolution[];
  /** What the customer uploads for this kind of claim: the policy's own list, shared and frozen. */
  evidence: readonly EvidenceRequirement[];
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

function frozen<T extends object>(value: T): Readonly<T> {
  return Object.freeze(value);
}

const EVIDENCE: Record<ClaimKind, readonly EvidenceRequirement[]> = {
  dead_on_arrival: [
    { kind: 'package_front', required: true },
    { kind: 'package_back', required: true },
    { kind: 'item_media', required: true },
    { kind: 'malfunction_media', required: true },
    { kind: 'postage_receipt', required: false },
  ],
  defective: [
    { kind: 'package_front', required: true },
    { kind: 'package_back', required: true },
    { kind: 'shipment_slip', required: false },
    { kind: 'item_media', required: true },
    { kind: 'defect_media', required: true },
    { kind: 'postage_receipt', required: false },
  ],
  incorrect_item: [
    { kind: 'item_media', required: true },
    { kind: 'malfunction_media', required: false },
    { kind: 'postage_receipt', required: false },
  ],
  change_of_mind: [],
};
for (const list of Object.values(EVIDENCE)) {
  for (const requirement of list) frozen(requirement);
  frozen(list);
}

const EVIDENCE_CLAUSE: Record<ClaimKind, string | null> = {
  dead_on_arrival: 'AS-DOA-2',
  defective: 'AS-DEF-6',
  incorrect_item: 'AS-INC-3',
  change_of_mind: null,
};

/** The clause that lists the evidence of a claim of `kind` (AS-DOA-2, AS-DEF-6, AS-INC-3), or null when none does. */
export function evidenceClauseOf(kind: ClaimKind): string | null {
  return EVIDENCE_CLAUSE[kind];
}

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
    const required = EVIDENCE[kind as ClaimKind].filter((e) => e.required).map((e) => EVIDENCE_LABEL[e.kind]);
    return [kind, clause ? frozen({ clause, message: `Evidence needed: ${required.join('; ')}.` }) : null];
  }),
) as Record<ClaimKind, Reason | null>;

/**
 * The reasons whose text depends on no date, amount or setting: built once and shared by every answer
 * (frozen, so no answer can change another's).
 */
const FIXED = {
  doaMisuse: frozen({
    clause: 'AS-DOA-1',
    message: 'Dead-on-arrival claims exclude inappropriate usage, and this item was used inappropriately.',
  }),
  buyerCausedFees: frozen({
    clause: 'AS-GEN-4',
    message: 'A fault caused by the buyer is at the buyer’s cost: repair, parts and shipping back.',
  }),
  noExclusion: frozen({
    clause: 'AS-DEF-1',
    message: 'The item has no special warranty terms, no physical damage and no inappropriate usage.',
  }),
  freeRepair: frozen({
    clause: 'AS-DEF-3',
    message: 'The repair is free when no component has to be replaced.',
  }),
  onlyLogoOrPackaging: frozen({
    clause: 'AS-INC-4',
    message:
      'Only the logo or packaging differs, which varies between batches; an item whose functions and appearance match the description is not an incorrect item.',
  }),
  incorrectDamaged: frozen({
    clause: 'AS-INC-1',
    message:
      'An incorrect item must come back in its original box as delivered; this one is physically damaged, so it cannot be returned.',
  }),
  incorrectItem: frozen({
    clause: 'AS-INC-1',
    message:
      'The item received differs from the one ordered: the shop replaces it and reimburses shipping and replacement costs against receipts. Return it in its original box, as delivered.',
  }),
  keepWithVoucher: frozen({
    clause: 'AS-INC-2',
    message: 'You may keep the incorrect item and receive a discount or voucher instead.',
  }),
  changeOfMind: frozen({
    clause: 'AS-RET-1',
    message:
      'Products without physical or other damage on delivery cannot be returned: change-of-mind returns are declined.',
  }),
  troubleshootingDone: frozen({
    clause: 'AS-GEN-1',
    message: 'Troubleshooting with customer service is finished and the issue persists.',
  }),
  troubleshootFirst: frozen({
    clause: 'AS-GEN-1',
    message:
      'Customer service first tries to solve the issue with you; a return is authorised only if it persists.',
  }),
  rmaFirst: frozen({
    clause: 'AS-GEN-2',
    message:
      'Do not send anything back before customer service gives you a return authorisation (RMA) number.',
  }),
} satisfies Record<string, Reason>;

const SENT_BACK: ReadonlySet<Resolution> = new Set(['repair', 'replacement', 'refund']);

/** One list of resolutions a kind's clauses can offer, with what follows from it worked out once. */
interface Offer {
  resolutions: readonly Resolution[];
  /** Some resolution sends the item back to the shop (AS-GEN-2's RMA, AS-GEN-3's fee). */
  sendsBack: boolean;
  repair: boolean;
  coupon: boolean;
}

function offer(...resolutions: Resolution[]): Offer {
  return frozen({
    resolutions: frozen(resolutions),
    sendsBack: resolutions.some((r) => SENT_BACK.has(r)),
    repair: resolutions.includes('repair'),
    coupon: resolutions.includes('coupon'),
  });
}

const OFFER = {
  none: offer(),
  deadOnArrival: offer('replacement', 'refund'),
  defective: offer('repair', 'replacement', 'refund'),
  /** AS-GEN-5: a cheap item's repair becomes a coupon. */
  defectiveCheap: offer('coupon', 'replacement', 'refund'),
  warrantyRepair: offer('repair'),
  warrantyCoupon: offer('coupon'),
  incorrectItem: offer('replacement', 'keep_with_voucher'),
  incorrectDamaged: offer('keep_with_voucher'),
};

/** What one kind's clauses decided, before the rules every kind shares are applied. */
interface Decision {
  eligible: boolean;
  offer: Offer;
  deadline: number | null;
  shopPaysShipping: boolean;
  /** AS-GEN-4: a repair's parts are on the shop when the case opened within its days of receipt. */
  shopPaysParts: boolean;
  /** Defective claims after the AS-DEF-2 window: nothing is reimbursed. */
  afterReturnWindow: boolean;
  couponValueCents: number | null;
}

interface Context {
  c: ParsedClaim;
  facts: ClaimFacts;
  /** AS-GEN-4's "received": delivery, or shipment when delivery is untraceable. */
  received: number;
  s: PolicySettings;
  reasons: Reason[];
}

export function assessClaim(input: ClaimInput, settings: PolicySettings = defaultPolicySettings): Assessment {
  const c = parseClaim(input);
  const s = settings === defaultPolicySettings ? settings : parsePolicySettings(settings);
  const ctx: Context = { c, facts: c.facts, received: c.delivered ?? c.shipped, s, reasons: [] };
  return finish(ctx, decide(ctx));
}

function decide(ctx: Context): Decision {
  switch (ctx.c.kind) {
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
    offer: OFFER.none,
    deadline,
    shopPaysShipping: false,
    shopPaysParts: false,
    afterReturnWindow: false,
    couponValueCents: null,
  };
}

function decideDeadOnArrival({ c, facts, s, reasons }: Context): Decision {
  const traceable = c.delivered !== null;
  const from = c.delivered ?? c.shipped;
  const days = traceable ? s.doaDaysAfterDelivery : s.doaDaysAfterShipmentUntraceable;
  const deadline = addDays(from, days);
  const late = c.opened > deadline;

  if (facts.misuse) reasons.push(FIXED.doaMisuse, FIXED.buyerCausedFees);
  if (late || facts.misuse) {
    if (late) {
      reasons.push({
        clause: 'AS-DOA-1',
        message: `${reportedAfter(c.opened, from, traceable ? 'delivery' : 'shipment (delivery date not traceable)')}; dead-on-arrival claims must be reported within ${plural(days, 'day')} after ${traceable ? 'delivery' : 'shipment when delivery is not traceable'}, by ${formatInstant(deadline)}.`,
      });
    }
    return declined(deadline);
  }

  reasons.push({
    clause: 'AS-DOA-1',
    message: `${reportedAfter(c.opened, from, traceable ? 'delivery' : 'shipment (delivery date not traceable)')}, within the ${plural(days, 'day')} allowed for dead-on-arrival claims (until ${formatInstant(deadline)}). A dead item is replaced or refunded, not repaired.`,
  });
  if (hasExclusion(c)) {
    const ignored = [...returnExclusions(c), ...warrantyExclusions(c)];
    reasons.push({
      clause: 'AS-GEN-6',
      message: `Dead-on-arrival claims are accepted whatever the warranty, so the exclusions for ${ignored.join(', ')} do not apply.`,
    });
  }
  return {
    eligible: true,
    offer: OFFER.deadOnArrival,
    deadline,
    shopPaysShipping: true,
    shopPaysParts: false,
    afterReturnWindow: false,
    couponValueCents: null,
  };
}

/** "Reported on 14 Jan 2026, 4 days after delivery on 10 Jan 2026" */
function reportedAfter(opened: number, from: number, event: string): string {
  return `Reported on ${formatDay(opened)}, ${formatElapsed(opened - from)} after ${event} on ${formatDay(from)}`;
}

/** AS-GEN-6 and AS-DEF-1 in one test: most claims have no exclusion and need no list built. */
function hasExclusion({ item, facts }: ParsedClaim): boolean {
  return (
    item.specialWarranty ||
    facts.physicalDamage ||
    facts.misuse ||
    item.category === 'accessory' ||
    item.clearance ||
    (item.openedByCustomer && (item.category === 'smartphone' || item.category === 'tablet'))
  );
}

/** AS-DEF-1: what keeps an item out of defective-item returns. */
function returnExclusions({ item, facts }: ParsedClaim): string[] {
  const out: string[] = [];
  if (item.specialWarranty) out.push('items sold under special warranty terms');
  if (facts.physicalDamage) out.push('physical damage not present on delivery');
  if (facts.misuse) out.push('inappropriate usage');
  return out;
}

/** AS-GEN-6: what the warranty does not cover. */
function warrantyExclusions({ item, facts }: ParsedClaim): string[] {
  const out: string[] = [];
  if (facts.misuse) out.push('man-made issues');
  if (item.category === 'accessory') out.push('accessories');
  if (item.clearance) out.push('clearance products');
  if (item.openedByCustomer && (item.category === 'smartphone' || item.category === 'tablet')) {
    out.push(`${item.category}s opened by the customer`);
  }
  return out;
}

function decideDefective(ctx: Context): Decision {
  const { c, facts, s, reasons } = ctx;
  const windowEnd = addDays(c.shipped, s.defectiveDaysAfterShipment);
  const warrantyEnd = addCalendarMonthsUtc(c.shipped, s.warrantyMonths);
  const deadline = Math.max(windowEnd, warrantyEnd);
  const inWindow = c.opened <= windowEnd;
  const inWarranty = c.opened <= warrantyEnd;

  const excluded = hasExclusion(c);
  if (excluded) {
    const returns = returnExclusions(c);
    const warranty = warrantyExclusions(c);
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
  if (facts.misuse) reasons.push(FIXED.buyerCausedFees);
  if (!inWindow && !inWarranty) {
    reasons.push({
      clause: 'AS-DEF-2',
      message: `${reportedAfter(c.opened, c.shipped, 'shipment')}; defective items must be reported ${returnWindowText(s, windowEnd)}, or for a repair within ${warrantyText(s, warrantyEnd)}.`,
    });
  }
  if (excluded || (!inWindow && !inWarranty)) return declined(deadline);

  reasons.push(FIXED.noExclusion);
  // AS-GEN-4 counts from receipt, AS-DEF-2 from shipment: a late delivery can put a claim inside the first
  // and past the second, and then the shop still pays the parts while the customer pays the shipping.
  const shopPaysFault = c.opened <= addDays(ctx.received, s.shopPaysFaultDays);
  const shopPaysShipping = inWindow && shopPaysFault;
  const cheap = c.item.unitPriceCents < s.couponThresholdCents;
  if (inWindow) {
    reasons.push({
      clause: 'AS-DEF-2',
      message: `${reportedAfter(c.opened, c.shipped, 'shipment')}, ${returnWindowText(s, windowEnd)}.`,
    });
    reasons.push(
      shopPaysShipping
        ? {
            clause: 'AS-GEN-4',
            message: `Opened ${receivedText(ctx)}, within ${plural(s.shopPaysFaultDays, 'day')}: if inspection finds a fault of the product, the shop pays the repair and the shipping.`,
          }
        : {
            clause: 'AS-DEF-4',
            message: `Opened ${receivedText(ctx)}, later than ${plural(s.shopPaysFaultDays, 'day')}: you pay for sending the item back; the fee is reimbursed if inspection finds the complaint justified and it is below ${formatUsd(s.returnShippingFeeCapCents)}.`,
          },
    );
  } else {
    reasons.push({
      clause: 'AS-GEN-6',
      message: `${reportedAfter(c.opened, c.shipped, 'shipment')}: past the ${s.defectiveDaysAfterShipment}-day return window but within ${warrantyText(s, warrantyEnd)}, so the item can be repaired under warranty; you pay the shipping both ways.`,
    });
  }

  let couponValueCents: number | null = null;
  if (cheap) {
    const price = c.item.unitPriceCents;
    couponValueCents = couponValue(price, s);
    reasons.push({
      clause: 'AS-GEN-5',
      message: `The item cost ${formatUsd(price)}, under ${formatUsd(s.couponThresholdCents)}: instead of sending it back for repair you receive a free coupon worth ${formatUsd(couponValueCents)}.`,
    });
  } else {
    pushRepairCost(ctx, shopPaysFault);
  }
  return {
    eligible: true,
    offer: inWindow
      ? cheap
        ? OFFER.defectiveCheap
        : OFFER.defective
      : cheap
        ? OFFER.warrantyCoupon
        : OFFER.warrantyRepair,
    deadline,
    shopPaysShipping,
    shopPaysParts: shopPaysFault,
    afterReturnWindow: !inWindow,
    couponValueCents,
  };
}

function returnWindowText(s: PolicySettings, windowEnd: number): string {
  return `within ${plural(s.defectiveDaysAfterShipment, 'day')} of shipment (until ${formatInstant(windowEnd)})`;
}

function warrantyText(s: PolicySettings, warrantyEnd: number): string {
  return `the ${s.warrantyMonths}-month warranty (until ${formatInstant(warrantyEnd)})`;
}

function receivedText({ c, received }: Context): string {
  return `${formatElapsed(c.opened - received)} after you received the order on ${formatDay(received)}`;
}

function pushRepairCost(ctx: Context, shopPaysParts: boolean): void {
  const { facts, reasons, s } = ctx;
  const parts = facts.componentsToReplace;
  if (parts.length === 0) {
    reasons.push(FIXED.freeRepair);
    return;
  }
  reasons.push(
    shopPaysParts
      ? {
          clause: 'AS-GEN-4',
          message: `The ${listComponents(parts)} must be replaced; the case was opened ${receivedText(ctx)}, within ${plural(s.shopPaysFaultDays, 'day')}, so the shop pays for the parts.`,
        }
      : {
          clause: 'AS-DEF-3',
          message: `The ${listComponents(parts)} must be replaced: you pay for these parts, and you receive a quote to accept or decline before work starts.`,
        },
  );
}

function decideIncorrectItem({ facts, reasons }: Context): Decision {
  if (facts.onlyLogoOrPackagingDiffers) {
    reasons.push(FIXED.onlyLogoOrPackaging);
    return declined(null);
  }
  reasons.push(facts.physicalDamage ? FIXED.incorrectDamaged : FIXED.incorrectItem, FIXED.keepWithVoucher);
  return {
    eligible: true,
    offer: facts.physicalDamage ? OFFER.incorrectDamaged : OFFER.incorrectItem,
    deadline: null,
    shopPaysShipping: true,
    shopPaysParts: false,
    afterReturnWindow: false,
    couponValueCents: null,
  };
}

function decideChangeOfMind({ reasons }: Context): Decision {
  reasons.push(FIXED.changeOfMind);
  return declined(null);
}

/** The rules every kind shares: troubleshooting first, shipping fees, parts, evidence, the return parcel. */
function finish(ctx: Context, d: Decision): Assessment {
  const { c, facts, s, reasons } = ctx;
  const offered = d.offer;
  const sendsBack = d.eligible && offered.sendsBack;
  const resolutions: Resolution[] = [];

  if (d.eligible) {
    if (facts.troubleshootingDone) {
      reasons.push(FIXED.troubleshootingDone);
    } else {
      resolutions.push('troubleshoot');
      reasons.push(FIXED.troubleshootFirst);
    }
    for (const r of offered.resolutions) resolutions.push(r);
  }

  let reimbursable = 0;
  if (sendsBack) {
    reasons.push(FIXED.rmaFirst);
    if (c.kind === 'defective') {
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

  const evidenceReason = EVIDENCE_REASON[c.kind];
  if (d.eligible && evidenceReason) reasons.push(evidenceReason);

  return {
    eligible: d.eligible,
    resolutions,
    evidence: EVIDENCE[c.kind],
    reasons,
    deadline: d.deadline === null ? null : toIsoString(d.deadline),
    returnShipping: {
      payer: d.eligible && d.shopPaysShipping ? 'shop' : 'customer',
      reimbursableUpToCents: reimbursable,
    },
    partsPayer: partsPayer(facts, offered, d),
    couponValueCents: d.couponValueCents,
    returnParcel: sendsBack
      ? {
          rmaRequired: true,
          declaredValueCents: c.kind === 'defective' ? s.declaredParcelValueCents : null,
        }
      : null,
  };
}

/** AS-GEN-3: only fees below the cap are accepted; with no fee declared yet, the most that could be. */
function reimbursableFee(feeCents: number | null, capCents: number): number {
  if (feeCents === null) return capCents - 1;
  return feeCents < capCents ? feeCents : 0;
}

function feeMessage(feeCents: number | null, s: PolicySettings): string {
  const cap = formatUsd(s.returnShippingFeeCapCents);
  if (feeCents === null) {
    return `Return shipping must cost less than ${cap}; upload the receipt after shipping. The fee is refunded only if inspection finds the complaint justified.`;
  }
  return feeCents < s.returnShippingFeeCapCents
    ? `The return shipping fee of ${formatUsd(feeCents)} is below ${cap}: it is refunded if inspection finds the complaint justified.`
    : `The return shipping fee of ${formatUsd(feeCents)} is not below ${cap}, so it is not reimbursed.`;
}

/**
 * AS-DEF-3, AS-GEN-4: who pays for replaced components — only when a repair is among the resolutions offered.
 * Parts are a repair's cost: a declined claim, a replacement, a refund or a voucher replaces no component, so
 * no one is named (even when the customer listed components or the fault was buyer-caused; AS-GEN-4's
 * buyer-caused fees are then the reasons' business, not a parts bill).
 */
function partsPayer(facts: ClaimFacts, offered: Offer, d: Decision): 'customer' | 'shop' | null {
  if (!d.eligible || !offered.repair) return null;
  if (facts.componentsToReplace.length === 0) return null;
  if (facts.misuse) return 'customer';
  return d.shopPaysParts ? 'shop' : 'customer';
}

function couponValue(unitPriceCents: number, s: PolicySettings): number {
  return s.couponFixedValueCents ?? roundUpToWholeDollars(unitPriceCents);
}

function listComponents(parts: readonly ReplaceableComponent[]): string {
  if (parts.length === 1) return parts[0] as string;
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

export { describePolicy, type PolicySection } from './policy.text.ts';
