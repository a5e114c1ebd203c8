/**
 * AS-DEF-3: how an accepted parts quote is paid. Reading chosen, simple and honest: the customer pays it by
 * bank transfer quoting the case's RMA number, the way a bank-transfer order is paid, and staff record the
 * money received before the repair starts. Nothing is taken from a card without a new authorisation, and
 * nothing is "deducted" from a refund the case does not owe. When the shop pays the parts (AS-GEN-4) or no
 * part is changed, the customer's quote is 0 and there is nothing to pay.
 */
import type { BankTransferInstructions } from '../../messaging/templates/order-placed.ts';
import { bankTransferInstructions } from '../../orders/payments/bank-transfer.ts';
import type { Assessment } from '../policy.ts';
import { type MoneyDecision, partsQuote } from './money.rules.ts';

export interface PartsQuoteTerms extends MoneyDecision {
  /** Where to send the money (reference: the RMA number), or null when the customer pays nothing. */
  payment: BankTransferInstructions | null;
}

/**
 * The quote the customer accepts or declines: what they pay of `quoteCents` (the engine's `partsPayer`
 * decides, `partsQuote`) and, when above 0, the bank-transfer instructions with `caseReference`. Pure.
 *
 * @throws RangeError as `partsQuote` does.
 */
export function partsQuoteTerms(
  quoteCents: number,
  assessment: Pick<Assessment, 'partsPayer'>,
  caseReference: string,
): PartsQuoteTerms {
  const decision = partsQuote(quoteCents, assessment);
  return {
    ...decision,
    payment: decision.amountCents > 0 ? bankTransferInstructions(caseReference, decision.amountCents) : null,
  };
}
