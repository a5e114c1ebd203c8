import type { AppContext } from '../../context.ts';
import { bankTransferProvider } from './bank-transfer.ts';
import type { PaymentProviders } from './provider.ts';
import { testCardProvider } from './test-card.ts';
import { TestProcessor } from './test-processor.ts';

/** The secret shared with the test processor: PAYMENT_WEBHOOK_SECRET, or the app's secret. */
export function paymentWebhookSecret(ctx: Pick<AppContext, 'config' | 'secret'>): string {
  return ctx.config.PAYMENT_WEBHOOK_SECRET ?? ctx.secret;
}

export function testProcessorFor(ctx: Pick<AppContext, 'config' | 'secret'>): TestProcessor {
  return new TestProcessor(paymentWebhookSecret(ctx));
}

export function paymentProviders(ctx: Pick<AppContext, 'config' | 'secret'>): PaymentProviders {
  return { bank_transfer: bankTransferProvider, test_card: testCardProvider(testProcessorFor(ctx)) };
}
