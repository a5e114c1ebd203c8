/**
 * Bank transfer: nothing to authorise. The order waits for the money; staff mark it paid when the transfer
 * arrives (the customer quotes the order reference). The account is a shop setting.
 */
import type { BankTransferInstructions } from '../../messaging/templates/order-placed.ts';
import type { PaymentProvider } from './provider.ts';

/**
 * A US dollar account, as a US payer's bank asks for it (ACH or domestic wire): the nine-digit ABA routing
 * number and the account number. IBAN and BIC are for euro and international transfers; the shop sells in
 * USD only.
 */
export interface BankAccount {
  accountName: string;
  bankName: string;
  /** ABA routing transit number: nine digits. */
  routingNumber: string;
  accountNumber: string;
}

/**
 * The demo shop's account: the routing number is a valid test number that no real bank uses. The holder is
 * the business's legal name, which does not follow the shop's display name when the owner renames the shop,
 * so the demo's holder does not repeat a brand either.
 */
export const defaultBankAccount: BankAccount = {
  accountName: 'Demo Shop Payments LLC',
  bankName: 'Demo Bank',
  routingNumber: '110000000',
  accountNumber: '000123456789',
};

export function bankTransferInstructions(
  reference: string,
  amountCents: number,
  account: BankAccount = defaultBankAccount,
): BankTransferInstructions {
  return { ...account, amountCents, reference };
}

export const bankTransferProvider: PaymentProvider = {
  method: 'bank_transfer',
  async authorize() {
    return { status: 'pending', processorReference: null };
  },
  async void() {},
};
