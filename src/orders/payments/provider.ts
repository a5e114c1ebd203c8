/**
 * How checkout and refunds talk to a way of paying. Checkout calls `authorize` inside its transaction, before
 * the order is written or numbered; a decline rolls everything back. When the transaction fails after an
 * authorisation succeeded, checkout calls `void` (the explicit undo). `settle` runs after commit, for
 * processors that confirm by webhook. `refund` (processors that can give money back) runs after the refund
 * was recorded and committed; the processor confirms it by webhook (`settleRefund`).
 */
import type { Db } from '../../db/client.ts';
import { AppError } from '../../shared/errors.ts';
import type { PaymentInput, PaymentMethod } from '../schemas.ts';
import type { WebhookDelivery } from './webhook-delivery.ts';

export interface AuthorizeRequest {
  payment: PaymentInput;
  amountCents: number;
  currency: 'USD';
  now: Date;
  /** The checkout's transaction: an in-process processor keeps its records there (test-processor.ts). */
  db: Db;
}

export interface ProviderRefundRequest {
  /** The payment's processor reference. */
  reference: string;
  amountCents: number;
  idempotencyKey: string;
  now: Date;
  db: Db;
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
  /**
   * Asks the processor to refund; resolves with its refund id once accepted (confirmation follows by
   * webhook), throws `RefundRefused` when it refuses. Absent: refunds are made by hand (bank transfer).
   */
  refund?(request: ProviderRefundRequest): Promise<{ refundId: string }>;
  /** After an accepted refund: the processor's confirmation (the test processor posts its webhook). */
  settleRefund?(
    reference: string,
    refundId: string,
    amountCents: number,
    deliver: WebhookDelivery,
    now: Date,
  ): Promise<void>;
}

/** The processor refused a refund; its words are kept on the refund for staff. */
export class RefundRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RefundRefused';
  }
}

/** The processor refused the payment: checkout answers 402 and writes nothing. */
export class PaymentDeclined extends AppError {
  constructor(message = 'The card was declined; try another card or pay by bank transfer') {
    super('payment_declined', message, { field: 'payment' });
  }
}

export type PaymentProviders = Readonly<Record<PaymentMethod, PaymentProvider>>;
