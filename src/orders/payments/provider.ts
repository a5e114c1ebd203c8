import { AppError } from '../../shared/errors.ts';
/**
 * How checkout talks to a way of paying. Checkout calls `authorize` inside its transaction, after stock is
 * reserved and before anything is written; a decline rolls everything back. When the transaction fails after
 * an authorisation succeeded, checkout calls `void` (the explicit undo). `settle` runs after commit, for
 * processors that confirm by webhook.
 */
import type { PaymentInput, PaymentMethod } from '../schemas.ts';
import type { WebhookDelivery } from './webhook-delivery.ts';

export interface AuthorizeRequest {
  payment: PaymentInput;
  amountCents: number;
  currency: 'USD';
  /** The order reference, for the processor's records and the bank transfer's reference. */
  orderReference: string;
  now: Date;
}

export interface Authorization {
  /** 'pending': nothing is reserved yet (bank transfer); 'authorized': the processor holds the amount. */
  status: 'pending' | 'authorized';
  /** PV-PAY-1: the processor's reference is all the shop keeps of a card payment. */
  processorReference: string | null;
}

export interface PaymentProvider {
  readonly method: PaymentMethod;
  authorize(request: AuthorizeRequest): Promise<Authorization>;
  /** Releases an authorisation (checkout failed after it, or the order was cancelled). */
  void(processorReference: string): Promise<void>;
  /** After commit: what the processor does next (the test processor captures and calls the webhook). */
  settle?(
    authorization: Authorization,
    amountCents: number,
    deliver: WebhookDelivery,
    now: Date,
  ): Promise<void>;
}

/** The processor refused the payment: checkout answers 402 and writes nothing. */
export class PaymentDeclined extends AppError {
  constructor(message = 'The card was declined; try another card or pay by bank transfer') {
    super('payment_declined', message, { field: 'payment' });
  }
}

export type PaymentProviders = Readonly<Record<PaymentMethod, PaymentProvider>>;
