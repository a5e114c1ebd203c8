import { cx } from '../ui/cx.ts';
import { Input } from '../ui/Input.tsx';

export type CardField = 'cardNumber' | 'cardExpiry' | 'cardCvc';

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
          inputMode="numeric"
          autoComplete="cc-number"
          maxLength={23}
          error={cardErrors.cardNumber}
        />
        <div className="grid grid-cols-2 gap-4">
          <Input
            label="Expiry date"
            hint="MM/YY"
            id="card-expiry"
            inputMode="numeric"
            autoComplete="cc-exp"
            maxLength={7}
            error={cardErrors.cardExpiry}
          />
          <Input
            label="Security code"
            hint="3 or 4 digits"
            id="card-cvc"
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

export interface CardInput {
  cardNumber: string;
  expMonth: number;
  expYear: number;
  cvc: string;
}

/** The card fields read and checked in the browser before they go to the processor. */
export function readCardFields(form: HTMLFormElement): {
  card: CardInput | null;
  errors: Partial<Record<CardField, string>>;
} {
  const value = (id: string) => (form.querySelector<HTMLInputElement>(`#${id}`)?.value ?? '').trim();
  const errors: Partial<Record<CardField, string>> = {};
  const cardNumber = value('card-number').replace(/[ -]/g, '');
  if (!/^\d{12,19}$/.test(cardNumber)) errors.cardNumber = 'Enter the 12 to 19 digits of the card number';
  const expiry = /^(\d{1,2})\s*\/\s*(\d{2}|\d{4})$/.exec(value('card-expiry'));
  const expMonth = expiry ? Number(expiry[1]) : 0;
  const rawYear = expiry ? Number(expiry[2]) : 0;
  const expYear = rawYear < 100 ? 2000 + rawYear : rawYear;
  if (!expiry || expMonth < 1 || expMonth > 12)
    errors.cardExpiry = 'Enter the expiry date as MM/YY, such as 08/29';
  const cvc = value('card-cvc');
  if (!/^\d{3,4}$/.test(cvc)) errors.cardCvc = 'Enter the 3 or 4 digits on the back of the card';
  if (Object.keys(errors).length > 0) return { card: null, errors };
  return { card: { cardNumber, expMonth, expYear, cvc }, errors };
}

/** The processor's field names → the page's card fields. */
export function cardFieldOf(field: string | undefined): CardField {
  if (field === 'expMonth' || field === 'expYear') return 'cardExpiry';
  if (field === 'cvc') return 'cardCvc';
  return 'cardNumber';
}
