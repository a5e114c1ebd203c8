import { type CardField, readCard } from '../../../../src/orders/payments/card-input.ts';
import { cx } from '../ui/cx.ts';
import { Input } from '../ui/Input.tsx';

export type { CardField };

export interface PaymentFieldsProps {
  method: string;
  /** False until the scripts run: a card can only be tokenised by the browser. */
  hydrated: boolean;
  error?: string | null;
  cardErrors: Partial<Record<CardField, string>>;
}

/**
 * How to pay. Bank transfer works everywhere. The test card's fields have no `name`: they are never part of
 * the form's submission; the page sends them to the processor and posts only the token (PV-PAY-1). Which
 * fields show follows the checked radio through CSS (`:has`), so it works before the scripts load too.
 */
export function PaymentFields({ method, hydrated, error, cardErrors }: PaymentFieldsProps) {
  const errorId = error ? 'payment-error' : undefined;
  return (
    <fieldset aria-describedby={errorId} className="space-y-3">
      <legend className="text-lg font-semibold text-gray-900">Payment</legend>
      {error ? (
        <p id={errorId} className="text-sm font-medium text-red-700">
          <span aria-hidden="true">! </span>
          {error}
        </p>
      ) : null}
      <label className={optionClasses}>
        <input
          type="radio"
          id="pay-bank"
          name="payment.method"
          value="bank_transfer"
          defaultChecked={method !== 'test_card'}
          className="mt-0.5 size-5 shrink-0 accent-primary"
        />
        <span>
          <span className="font-medium text-gray-900">Bank transfer</span>
          <span className="block text-sm text-muted">
            You get our bank details on the next page and by email. We ship when the money arrives.
          </span>
        </span>
      </label>
      <label className={cx(optionClasses, !hydrated && 'cursor-not-allowed')}>
        <input
          type="radio"
          id="pay-card"
          name="payment.method"
          value="test_card"
          defaultChecked={method === 'test_card'}
          disabled={!hydrated}
          aria-describedby="card-needs-js"
          className="mt-0.5 size-5 shrink-0 accent-primary"
        />
        <span>
          <span className={cx('font-medium', hydrated ? 'text-gray-900' : 'text-muted')}>Card</span>
          <span id="card-needs-js" className="block text-sm text-muted">
            {hydrated
              ? 'Your card details go straight to the payment processor: this shop never sees or stores them.'
              : 'Card payment needs JavaScript, which is off or still loading in your browser: the card is sent straight to the payment processor from your browser. You can pay by bank transfer instead.'}
          </span>
        </span>
      </label>
      <div
        id="card-fields"
        className="hidden space-y-4 rounded-lg bg-canvas p-4 ring-1 ring-line group-has-[#pay-card:checked]/checkout:block"
      >
        <p className="text-sm text-muted">
          This demo shop uses a test processor: pay with{' '}
          <span className="font-mono">4242 4242 4242 4242</span>, any future expiry date and any 3-digit
          security code.
        </p>
        <Input
          label="Card number"
          id="card-number"
          required
          inputMode="numeric"
          autoComplete="cc-number"
          maxLength={23}
          error={cardErrors.cardNumber}
        />
        <div className="grid grid-cols-2 gap-4">
          <Input
            label="Expiry date"
            hint="Month and year, such as 08/29"
            id="card-expiry"
            required
            autoComplete="cc-exp"
            maxLength={9}
            error={cardErrors.cardExpiry}
          />
          <Input
            label="Security code"
            hint="3 or 4 digits"
            id="card-cvc"
            required
            inputMode="numeric"
            autoComplete="cc-csc"
            maxLength={4}
            error={cardErrors.cardCvc}
          />
        </div>
      </div>
    </fieldset>
  );
}

const optionClasses =
  'flex cursor-pointer items-start gap-3 rounded-lg border border-gray-400 bg-surface p-3 has-checked:border-primary has-checked:ring-2 has-checked:ring-primary';

/** The card fields read in the browser and checked (same rules as the processor) before they go to it. */
export function readCardFields(form: HTMLFormElement, now = new Date()): ReturnType<typeof readCard> {
  const value = (id: string) => form.querySelector<HTMLInputElement>(`#${id}`)?.value ?? '';
  return readCard(
    { cardNumber: value('card-number'), expiry: value('card-expiry'), cvc: value('card-cvc') },
    now,
  );
}

/** The page's input for each card field, for the error summary's links. */
export const cardInputIds: Record<CardField, string> = {
  cardNumber: 'card-number',
  cardExpiry: 'card-expiry',
  cardCvc: 'card-cvc',
};
