/**
 * Bank transfer: nothing to authorise. The order waits for the money; staff mark it paid when the transfer
 * arrives (the customer quotes the order reference). The account is a shop setting.
 */
import type { BankTransferInstructions } from '../../messaging/templates/order-placed.ts';
import type { PaymentProvider } from './provider.ts';

export interface BankAccount {
  accountName: string;
  bankName: string;
  iban: string;
  bic: string;
}

export const defaultBankAccount: BankAccount = {
  accountName: 'Aftercare Demo Shop',
  bankName: 'Demo Bank',
  iban: 'GB33BUKB20201555555555',
  bic: 'BUKBGB22',
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
