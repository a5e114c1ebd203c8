/**
 * The customer-facing after-sales policy, written from the same settings the engine enforces, so the policy
 * page can never promise something `assessClaim` refuses (or the reverse).
 */
import { formatUsd } from '../shared/money.ts';
import { plural } from '../shared/text.ts';
import { defaultPolicySettings, type PolicySettings, parsePolicySettings } from './policy.settings.ts';

export interface PolicySection {
  id: 'general' | 'dead_on_arrival' | 'defective' | 'incorrect_item' | 'returns';
  title: string;
  clauses: Array<{ clause: string; text: string }>;
}

export function describePolicy(settings: PolicySettings = defaultPolicySettings): PolicySection[] {
  const s = settings === defaultPolicySettings ? settings : parsePolicySettings(settings);
  const cap = formatUsd(s.returnShippingFeeCapCents);
  const threshold = formatUsd(s.couponThresholdCents);
  const coupon =
    s.couponFixedValueCents === null
      ? 'worth the price you paid, rounded up to whole dollars'
      : `worth ${formatUsd(s.couponFixedValueCents)}`;
  const faultDays = plural(s.shopPaysFaultDays, 'day');
  const defectiveDays = plural(s.defectiveDaysAfterShipment, 'day');

  return [
    {
      id: 'general',
      title: 'How after-sales service works',
      clauses: [
        {
          clause: 'AS-GEN-1',
          text: 'Every request starts as a conversation with customer service, who first try to solve the issue with you without sending the product back. A return is authorised only if the issue persists.',
        },
        {
          clause: 'AS-GEN-2',
          text: 'Please do not send anything back before customer service has given you a return authorisation (RMA) number.',
        },
        {
          clause: 'AS-GEN-3',
          text: `We accept return shipping fees below ${cap}. Upload the shipping receipt once you have sent the parcel; the fee is refunded only if inspection finds your complaint justified. A fee of ${cap} or more is not reimbursed.`,
        },
        {
          clause: 'AS-GEN-4',
          text: `We inspect every returned item. If the buyer caused the issue (misuse, man-made damage), the buyer pays the related repair, parts and shipping. If the product itself is at fault, we pay repair and shipping for cases opened within ${faultDays} after you received the order.`,
        },
        {
          clause: 'AS-GEN-5',
          text: `Items that cost less than ${threshold} are never sent back for repair: you receive a free coupon ${coupon} instead.`,
        },
        {
          clause: 'AS-GEN-6',
          text: `The ${s.warrantyMonths}-month warranty from shipment does not cover man-made issues, accessories, clearance products, or smartphones and tablets opened by the customer. After the ${s.defectiveDaysAfterShipment}-day return window and until the warranty ends, a defective item can still be repaired; you pay the shipping both ways. These exclusions never apply to items dead on arrival.`,
        },
      ],
    },
    {
      id: 'dead_on_arrival',
      title: 'Dead on arrival',
      clauses: [
        {
          clause: 'AS-DOA-1',
          text: `Whatever its warranty, a product that does not work when it arrives (inappropriate usage excluded) is replaced or refunded if you report it within ${plural(s.doaDaysAfterDelivery, 'day')} after delivery, or within ${plural(s.doaDaysAfterShipmentUntraceable, 'day')} after shipment when the delivery date cannot be traced.`,
        },
        {
          clause: 'AS-DOA-2',
          text: 'Please send photos of the original package, front and back; photos or video of the item; and photos, video or a screenshot showing the malfunction.',
        },
      ],
    },
    {
      id: 'defective',
      title: 'Defective items',
      clauses: [
        {
          clause: 'AS-DEF-1',
          text: 'Defective-item returns apply to items without special warranty terms, without physical damage and without inappropriate usage.',
        },
        {
          clause: 'AS-DEF-2',
          text: `Report a defective item within ${defectiveDays} from the date of shipment for a repair, replacement or refund.`,
        },
        {
          clause: 'AS-DEF-3',
          text: 'Repairs are free when no component has to be replaced. When the screen, battery or motherboard must be replaced, you pay for those parts: we send you a quote to accept or decline before work starts.',
        },
        {
          clause: 'AS-DEF-4',
          text: `You arrange the shipment back (reimbursed as described above when the complaint is justified); within ${faultDays} of receiving the order the shop pays it.`,
        },
        {
          clause: 'AS-DEF-5',
          text: `Send the item by ordinary mail, the cheapest post service, with a tracking number; if tracking is too expensive, untracked post is fine but keep the receipt. Declare a value of ${formatUsd(s.declaredParcelValueCents)} on the parcel and send us a photo or screenshot of the postage receipt.`,
        },
        {
          clause: 'AS-DEF-6',
          text: 'Please send photos of the front and back of the packaging envelope or box, any partial shipment slips, and a photo, video, screenshot or description of the item and of the defect.',
        },
      ],
    },
    {
      id: 'incorrect_item',
      title: 'Incorrect item received',
      clauses: [
        {
          clause: 'AS-INC-1',
          text: 'If the item you received is completely different from the one you ordered, we replace it and reimburse shipping and replacement costs against receipts. Return it in its original box, in the condition it was delivered.',
        },
        { clause: 'AS-INC-2', text: 'You may instead keep the item and receive a discount or voucher.' },
        {
          clause: 'AS-INC-3',
          text: 'Please send photos or video of the item you received and, if it also malfunctions, of the malfunction.',
        },
        {
          clause: 'AS-INC-4',
          text: 'Logos and packaging vary between batches. An item whose functions and appearance match the description is not an incorrect item.',
        },
      ],
    },
    {
      id: 'returns',
      title: 'Returns',
      clauses: [
        {
          clause: 'AS-RET-1',
          text: 'Products without physical or other damage on delivery cannot be returned: we do not accept change-of-mind returns.',
        },
      ],
    },
  ];
}
