/**
 * The money rules of a case's resolution, over the engine's stored answer (`Assessment`). Pure: no database,
 * no clock. The engine (policy.ts) decides who pays and up to how much; these turn its answer and an amount
 * (a receipt, a quote) into what is paid, with the clauses that decided.
 */
import { formatUsd } from '../../shared/money.ts';
import type { Assessment } from '../policy.ts';

export interface MoneyDecision {
  /** Cents the shop pays the customer (reimbursement) or the customer pays (quote), never negative. */
  amountCents: number;
  reasons: Array<{ clause: string; message: string }>;
}

/**
 * AS-GEN-3 / AS-DEF-4 / AS-INC-1: the return-shipping reimbursement for a postage receipt of `receiptCents`.
 * `feeCapCents` is the policy's `returnShippingFeeCapCents` (the settings version the case was judged by).
 *
 * - The engine made the customer the payer, or the claim is ineligible: 0 (AS-DEF-4).
 * - A receipt at or above the policy's cap: 0. AS-GEN-3 accepts only fees below the cap; a fee at or above it
 *   is not reimbursed at all (not even the cap's worth).
 * - Otherwise min(receipt, `returnShipping.reimbursableUpToCents`): the engine's ceiling for this claim (the
 *   fee the customer declared when opening it, or the cap minus one cent). A receipt above that ceiling is
 *   reimbursed only up to it, and the reasons say so.
 *
 * @throws RangeError when `receiptCents` is not a non-negative integer.
 */
export function reimbursement(
  receiptCents: number,
  assessment: Pick<Assessment, 'eligible' | 'returnShipping'>,
  feeCapCents: number,
): MoneyDecision {
  if (!Number.isSafeInteger(receiptCents) || receiptCents < 0) {
    throw new RangeError('receiptCents must be a non-negative integer');
  }
  const { payer, reimbursableUpToCents: ceiling } = assessment.returnShipping;
  if (!assessment.eligible || payer !== 'shop') {
    return {
      amountCents: 0,
      reasons: [
        {
          clause: 'AS-DEF-4',
          message: 'The customer pays the return shipping of this claim: the postage is not reimbursed.',
        },
      ],
    };
  }
  if (receiptCents >= feeCapCents) {
    return {
      amountCents: 0,
      reasons: [
        {
          clause: 'AS-GEN-3',
          message: `The receipt shows ${formatUsd(receiptCents)}: the shop accepts only return postage below ${formatUsd(feeCapCents)}, so none of it is reimbursed.`,
        },
      ],
    };
  }
  if (receiptCents > ceiling) {
    return {
      amountCents: ceiling,
      reasons: [
        {
          clause: 'AS-GEN-3',
          message: `The receipt shows ${formatUsd(receiptCents)}, above the ${formatUsd(ceiling)} reimbursable for this claim: ${formatUsd(ceiling)} is reimbursed, the rest is not.`,
        },
      ],
    };
  }
  return {
    amountCents: receiptCents,
    reasons: [
      {
        clause: 'AS-GEN-3',
        message: `The return postage of ${formatUsd(receiptCents)} is reimbursed in full (below the ${formatUsd(feeCapCents)} cap).`,
      },
    ],
  };
}

/**
 * AS-DEF-3 / AS-GEN-4: what the customer pays of a parts quote of `quoteCents` (the screen, battery or
 * motherboard to replace). The engine's `partsPayer` decides: `customer` pays the quote (and accepts or
 * declines it before work starts); `shop` pays it, so the customer's quote is 0; null means no part is
 * changed, so the repair is free (a quote above 0 is then refused: there is nothing to charge for).
 *
 * @throws RangeError when `quoteCents` is not a non-negative integer, or is above 0 when no parts payer is named.
 */
export function partsQuote(quoteCents: number, assessment: Pick<Assessment, 'partsPayer'>): MoneyDecision {
  if (!Number.isSafeInteger(quoteCents) || quoteCents < 0) {
    throw new RangeError('quoteCents must be a non-negative integer');
  }
  if (assessment.partsPayer === 'customer') {
    return {
      amountCents: quoteCents,
      reasons: [
        {
          clause: 'AS-DEF-3',
          message: `The parts to replace cost ${formatUsd(quoteCents)}, paid by the customer once they accept the quote; the work starts after that.`,
        },
      ],
    };
  }
  if (assessment.partsPayer === 'shop') {
    return {
      amountCents: 0,
      reasons: [
        {
          clause: 'AS-GEN-4',
          message: `The fault is the product's and was reported in time: the shop pays the ${formatUsd(quoteCents)} of parts; the customer pays nothing.`,
        },
      ],
    };
  }
  if (quoteCents > 0) throw new RangeError('no parts are to be replaced: a parts quote must be 0');
  return {
    amountCents: 0,
    reasons: [{ clause: 'AS-DEF-3', message: 'No component must be changed: the repair is free.' }],
  };
}
