import { type FormEvent, useEffect, useMemo, useRef, useState } from 'react';
import {
  type ActionFunctionArgs,
  data,
  Form,
  Link,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
  useActionData,
  useLoaderData,
  useNavigation,
  useSubmit,
} from 'react-router';
import { cardFieldOf } from '../../../src/orders/payments/card-input.ts';
import { formatAddress } from '../../../src/shared/format.ts';
import { deliveryEstimate } from '../components/cart/ShippingMethodList.tsx';
import { AddressFields } from '../components/checkout/AddressFields.tsx';
import { CheckoutSummary, shownWhenChecked } from '../components/checkout/CheckoutSummary.tsx';
import { ErrorSummary } from '../components/checkout/ErrorSummary.tsx';
import { type CheckoutValues, checkoutFields, looksCorrected } from '../components/checkout/fields.ts';
import {
  type CardField,
  cardInputIds,
  PaymentFields,
  readCardFields,
} from '../components/checkout/PaymentFields.tsx';
import { SavedAddressChoice } from '../components/checkout/SavedAddressChoice.tsx';
import {
  restoreCheckoutForm,
  saveCheckoutForm,
  savedCheckoutForm,
} from '../components/checkout/saved-form.ts';
import { CartIcon } from '../components/icons.tsx';
import { Button, ButtonLink } from '../components/ui/Button.tsx';
import { cx } from '../components/ui/cx.ts';
import { EmptyState } from '../components/ui/EmptyState.tsx';
import { messageForField } from '../components/ui/field-message.ts';
import { Input } from '../components/ui/Input.tsx';
import { Notice } from '../components/ui/Notice.tsx';
import { PageHeader } from '../components/ui/PageHeader.tsx';
import { Price } from '../components/ui/Price.tsx';
import { addressBookMax, customerOfRequest, findAddress, listAddresses } from '../lib/account.server.ts';
import { isUuid } from '../lib/account-forms.server.ts';
import { cartTokenFrom, getCart, problemOf } from '../lib/cart.server.ts';
import {
  type CouponPreview,
  checkIdempotencyKey,
  countryOptions,
  couponPreview,
  newIdempotencyKey,
  parseCheckoutForm,
  placeOrder,
} from '../lib/checkout.server.ts';
import { readForm } from '../lib/form.server.ts';
import { absoluteUrl, pageMeta } from '../lib/meta.ts';
import { orderPagePath } from '../lib/orders.server.ts';

export async function loader({ request, context }: LoaderFunctionArgs) {
  const [cart, customer] = await Promise.all([
    getCart(context.ctx, cartTokenFrom(context, request)),
    customerOfRequest(context, request),
  ]);
  const saved = customer ? await listAddresses(context.ctx, customer) : [];
  return {
    cart,
    // Signed in: the form starts from the account's details and its saved addresses (the default chosen),
    // and the order joins the account.
    account: customer
      ? {
          email: customer.email,
          name: customer.name,
          phone: customer.phone ?? '',
          addresses: saved.map((a) => ({
            id: a.id,
            lines: formatAddress(a.address),
            isDefault: a.isDefault,
          })),
          bookFull: saved.length >= addressBookMax(context),
        }
      : null,
    countries: countryOptions(),
    defaultCountry: 'US',
    // One key per rendering of the form: a double click or a resubmitted page carries the same key and
    // gets the same order back.
    idempotencyKey: newIdempotencyKey(),
    canonical: absoluteUrl(context.ctx.config.PUBLIC_URL, '/checkout'),
  };
}

interface Refusal {
  values: CheckoutValues;
  errors: Record<string, string>;
  /** A problem that is not one field's: the cart changed, the form expired. */
  formError: { title: string; message: string } | null;
  /** A line that can no longer be sold as it is in the cart (sold out, fewer left, repriced). */
  stock: { variantId: string; message: string } | null;
  /** The coupon applied with "Apply": its discount and the shipping prices that follow. */
  coupon: CouponPreview | null;
}

function refuse(status: number, refusal: Partial<Refusal> & { values: CheckoutValues }) {
  return data<Refusal>({ errors: {}, formError: null, stock: null, coupon: null, ...refusal }, { status });
}

/** Places the order through the same service as POST /api/checkout, then shows it. */
export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readForm(request);
  let parsed = parseCheckoutForm(form);
  if (form.get('intent') === 'apply-coupon') {
    // "Apply": the discount is shown in the totals before anything is placed; checkout checks it again.
    const typed = parsed.values.couponCode?.trim() ?? '';
    if (!typed) {
      return refuse(400, {
        values: parsed.values,
        errors: { couponCode: 'Enter the code printed on your coupon' },
      });
    }
    try {
      const cart = await getCart(context.ctx, cartTokenFrom(context, request));
      const coupon = await couponPreview(context, typed, cart.subtotalCents);
      return refuse(200, { values: { ...parsed.values, couponCode: coupon.code }, coupon });
    } catch (error) {
      const problem = problemOf(error);
      return refuse(problem.status, { values: parsed.values, errors: { couponCode: problem.message } });
    }
  }
  if (form.get('intent') === 'check') {
    // The browser refused the card before sending it: the rest of the form is checked here all the same, so
    // the page shows this submission's mistakes and none from an earlier one. Nothing is placed.
    const { 'payment.token': _token, ...errors } = parsed.errors;
    return refuse(Object.keys(errors).length > 0 ? 400 : 200, { values: parsed.values, errors });
  }
  const idempotencyKey = checkIdempotencyKey(form.get('idempotencyKey'));
  if (!idempotencyKey) {
    return refuse(400, {
      values: parsed.values,
      errors: parsed.errors,
      formError: { title: 'This form has expired', message: 'Check your details and place the order again.' },
    });
  }
  const customer = await customerOfRequest(context, request);
  // One of the customer's saved addresses: the order ships there (another customer's id is not theirs).
  const chosen = String(form.get('savedAddressId') ?? 'new');
  if (customer && chosen !== 'new') {
    const saved = isUuid(chosen) ? await findAddress(context.ctx.db, customer, chosen) : null;
    if (!saved) {
      return refuse(400, {
        values: { ...parsed.values, savedAddressId: 'new' },
        errors: { savedAddressId: 'This address is no longer in your address book: choose another one' },
      });
    }
    parsed = parseCheckoutForm(form, saved.address);
  }
  if (!parsed.input) return refuse(400, { values: parsed.values, errors: parsed.errors });
  try {
    const placed = await placeOrder(context, {
      cartToken: cartTokenFrom(context, request),
      idempotencyKey,
      input: parsed.input,
      customerId: customer?.id ?? null,
    });
    return redirect(`${orderPagePath(placed.accessToken)}&placed=1`, 303);
  } catch (error) {
    const problem = problemOf(error);
    const field = problem.field ?? '';
    const values = parsed.values;
    if ((checkoutFields as readonly string[]).includes(field) || field === 'payment.token') {
      return refuse(problem.status, { values, errors: { [field]: problem.message } });
    }
    if (field === 'payment') return refuse(problem.status, { values, errors: { payment: problem.message } });
    const line = /^lines\.([0-9a-f-]{36})/.exec(field);
    if (line?.[1]) {
      return refuse(problem.status, { values, stock: { variantId: line[1], message: problem.message } });
    }
    if (field === 'cart') {
      return refuse(problem.status, {
        values,
        formError: { title: 'Your cart is empty', message: problem.message },
      });
    }
    return refuse(problem.status, {
      values,
      formError: {
        title: 'The order was not placed',
        message:
          field === 'Idempotency-Key'
            ? 'This form was already sent. If you did not get a confirmation, reload the page and try again.'
            : problem.message,
      },
    });
  }
}

export const meta: MetaFunction<typeof loader> = ({ matches, data: d }) => {
  const out = pageMeta(
    matches,
    'Checkout',
    'Shipping address, shipping method and payment for your order.',
    d ? { canonical: d.canonical } : undefined,
  );
  // Crawlers have no cart: what they see is the empty checkout, kept out of search results. A customer's own
  // checkout (a cart in the cookie) is never crawled, so it needs no robots rule.
  if (!d || d.cart.lines.length === 0) out.push({ name: 'robots', content: 'noindex, nofollow' });
  return out;
};

/** Field name → the id of its input, for the error summary's links. */
function inputIdOf(field: string): string {
  if (field === 'payment' || field === 'payment.method' || field === 'payment.token') return 'pay-bank';
  if (field === 'savedAddressId') return 'ship-to-new';
  if (field === 'shippingMethod') return 'ship-post';
  return `field-${field.replace('.', '-')}`;
}

const fieldOrder = [...checkoutFields, 'payment', 'payment.token'] as string[];

export default function CheckoutPage() {
  const { cart, account, countries, defaultCountry, idempotencyKey } = useLoaderData<typeof loader>();
  const refusal = useActionData<typeof action>();
  const navigation = useNavigation();
  const submit = useSubmit();
  const [hydrated, setHydrated] = useState(false);
  const [tokenising, setTokenising] = useState(false);
  const [cardErrors, setCardErrors] = useState<Partial<Record<CardField, string>>>({});
  const [cardAttempt, setCardAttempt] = useState(0);
  /** Fields corrected since the server's answer `to`: their messages no longer hold. */
  const [corrected, setCorrected] = useState<{ to: unknown; fields: string[] }>({ to: null, fields: [] });
  const formRef = useRef<HTMLFormElement>(null);
  // One value per submission (the server's answer or a card refused here): the summary takes focus once each.
  const attempt = useMemo(() => ({ refusal, cardAttempt }), [refusal, cardAttempt]);
  useEffect(() => setHydrated(true), []);
  // A reload keeps what was typed (never the card): put it back once the page runs, unless the server has
  // just answered a submission with what was sent.
  useEffect(() => {
    if (hydrated && !refusal && formRef.current) restoreCheckoutForm(formRef.current, savedCheckoutForm());
  }, [hydrated, refusal]);

  if (cart.lines.length === 0 && !refusal) {
    return (
      <>
        <PageHeader title="Checkout" />
        <EmptyState
          icon={<CartIcon className="size-10" />}
          title="Your cart is empty"
          description="Add something to your cart first; then come back here to order it."
          action={<ButtonLink to="/products">Browse products</ButtonLink>}
        />
      </>
    );
  }

  const values: CheckoutValues =
    refusal?.values ??
    (account
      ? { email: account.email, 'shippingAddress.name': account.name, 'shippingAddress.phone': account.phone }
      : {});
  // Only the latest submission's mistakes: while one is on its way, the answer to the previous one is old.
  const fixedFields = corrected.to === refusal ? corrected.fields : [];
  const errors: Record<string, string> =
    navigation.state === 'submitting'
      ? {}
      : Object.fromEntries(Object.entries(refusal?.errors ?? {}).filter(([f]) => !fixedFields.includes(f)));
  const paymentError = errors.payment ?? errors['payment.method'] ?? errors['payment.token'] ?? null;
  const summaryErrors = [
    ...fieldOrder
      .filter((f) => errors[f] && !(f === 'payment.method' && errors.payment))
      .map((f) => ({ id: inputIdOf(f), message: errors[f] as string })),
    ...(Object.entries(cardErrors) as Array<[CardField, string]>).map(([f, message]) => ({
      id: cardInputIds[f],
      message,
    })),
  ];
  const busy = tokenising || navigation.state === 'submitting';
  const method = values.shippingMethod ?? 'post';
  const coupon = refusal?.coupon ?? null;
  const discountCents = coupon?.discountCents ?? 0;
  // With a coupon, postage is priced on the goods paid for (a coupon does not earn free post).
  const methods = coupon?.methods ?? cart.shippingMethods;

  /** Keeps what was typed for a reload, and lets a message go as soon as its field is put right. */
  function onFormChange(event: FormEvent<HTMLFormElement>) {
    const form = event.currentTarget;
    saveCheckoutForm(form);
    const target = event.target as HTMLInputElement | HTMLSelectElement;
    const country = String(new FormData(form).get('shippingAddress.country') ?? '');
    const fixed = [target.name];
    // Another country may make the postal code right (or the one it was checked against wrong).
    if (target.name === 'shippingAddress.country') fixed.push('shippingAddress.postalCode');
    const now = fixed.filter((name) => {
      const control = form.elements.namedItem(name);
      const value = control && 'value' in control ? String(control.value) : target.value;
      return errors[name] !== undefined && looksCorrected(name, value, country);
    });
    if (now.length > 0) setCorrected({ to: refusal, fields: [...fixedFields, ...now] });
    const cardField = (Object.entries(cardInputIds) as Array<[CardField, string]>).find(
      ([, id]) => id === target.id,
    )?.[0];
    if (cardField && cardErrors[cardField]) {
      const read = readCardFields(form);
      if (read.ok || !read.errors[cardField]) setCardErrors(({ [cardField]: _fixed, ...rest }) => rest);
    }
  }

  /**
   * With the card chosen: the card goes to the processor from here, and only its token is posted. A card the
   * browser or the processor refuses is not posted; the rest of the form is sent to be checked instead.
   */
  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    const form = event.currentTarget;
    const fields = new FormData(form);
    setCardErrors({});
    // "Apply" on the coupon posts the form as it is: no card is needed to see a discount.
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    if (submitter?.getAttribute('value') === 'apply-coupon') return;
    if (fields.get('payment.method') !== 'test_card') return;
    event.preventDefault();
    if (busy) return;
    const refuseCard = (found: Partial<Record<CardField, string>>) => {
      setCardErrors(found);
      setCardAttempt((n) => n + 1);
      fields.set('intent', 'check');
      submit(fields, { method: 'post' });
    };
    const read = readCardFields(form);
    if (!read.ok) {
      refuseCard(read.errors);
      return;
    }
    setTokenising(true);
    try {
      const res = await fetch('/api/test-processor/tokens', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(read.card),
      });
      const body = (await res.json().catch(() => null)) as {
        token?: string;
        error?: { message?: string; field?: string };
      } | null;
      if (res.status !== 201 || !body?.token) {
        const field = cardFieldOf(body?.error?.field);
        const message = body?.error?.message
          ? messageForField(body.error.message, body.error.field)
          : 'The card could not be checked: try again in a moment';
        refuseCard({ [field]: message });
        return;
      }
      fields.set('payment.token', body.token);
      submit(fields, { method: 'post' });
    } catch {
      refuseCard({ cardNumber: 'The payment processor could not be reached: try again in a moment' });
    } finally {
      setTokenising(false);
    }
  }

  return (
    <div className="group/checkout">
      <PageHeader title="Checkout" breadcrumbs={[{ label: 'Cart', to: '/cart' }]} />
      <div className="grid gap-8 lg:grid-cols-[1fr_24rem]">
        <div className="lg:col-start-2 lg:row-start-1">
          <div className="lg:sticky lg:top-6">
            <CheckoutSummary
              lines={cart.lines}
              subtotalCents={cart.subtotalCents}
              methods={methods}
              coupon={coupon ? { code: coupon.code, discountCents } : null}
              problemVariantId={refusal?.stock?.variantId}
            />
            <p className="mt-3 text-sm">
              <Link to="/cart" className="font-semibold text-primary-ink underline">
                Change your cart
              </Link>
            </p>
          </div>
        </div>

        <Form
          ref={formRef}
          method="post"
          noValidate
          onSubmit={onSubmit}
          onChange={onFormChange}
          aria-label="Checkout"
          className="space-y-8 lg:col-start-1 lg:row-start-1"
        >
          <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
          {refusal?.formError ? (
            <Notice tone="danger" title={refusal.formError.title}>
              {refusal.formError.message}{' '}
              <Link to="/cart" className="font-semibold underline">
                Go to your cart
              </Link>
            </Notice>
          ) : null}
          {refusal?.stock ? (
            <Notice tone="danger" title="An item in your cart has changed">
              {refusal.stock.message}.{' '}
              <Link to="/cart" className="font-semibold underline">
                Review your cart
              </Link>
            </Notice>
          ) : null}
          <ErrorSummary errors={summaryErrors} attempt={summaryErrors.length ? attempt : null} />

          <section aria-labelledby="contact-title" className="space-y-4">
            <h2 id="contact-title" className="text-lg font-semibold text-gray-900">
              Contact
            </h2>
            {account ? (
              <p className="text-sm text-muted">
                Signed in as {account.email}: this order will show in{' '}
                <Link to="/account" className="underline">
                  your account
                </Link>
                .
              </p>
            ) : (
              <p className="text-sm text-muted">
                Have an account?{' '}
                <Link
                  to="/account/sign-in?next=/checkout"
                  className="font-semibold text-primary-ink underline"
                >
                  Sign in
                </Link>{' '}
                to see this order there, or simply continue as a guest.
              </p>
            )}
            <Input
              label="Email"
              hint="We send the order confirmation and shipping updates here."
              id="field-email"
              name="email"
              type="email"
              autoComplete="email"
              required
              maxLength={254}
              defaultValue={values.email ?? ''}
              error={errors.email}
            />
          </section>

          <section aria-labelledby="address-title" className="space-y-4">
            <h2 id="address-title" className="text-lg font-semibold text-gray-900">
              Shipping address
            </h2>
            {account && account.addresses.length > 0 ? (
              <SavedAddressChoice
                addresses={account.addresses}
                chosen={values.savedAddressId ?? account.addresses.find((a) => a.isDefault)?.id ?? 'new'}
                error={errors.savedAddressId}
              />
            ) : null}
            {/* With saved addresses, the fields are for a new one: shown once "A new address" is chosen. */}
            <div
              className={
                account && account.addresses.length > 0
                  ? 'hidden space-y-4 group-has-[#ship-to-new:checked]/checkout:block'
                  : 'space-y-4'
              }
            >
              <AddressFields
                values={values}
                errors={errors}
                countries={countries}
                defaultCountry={defaultCountry}
              />
              {account ? (
                account.bookFull ? (
                  <p className="text-sm text-muted">
                    Your address book is full: remove an address on{' '}
                    <Link to="/account/profile#addresses-title" className="underline">
                      your profile
                    </Link>{' '}
                    to save this one.
                  </p>
                ) : (
                  <label className="flex items-center gap-3 text-gray-900">
                    <input
                      type="checkbox"
                      id="field-saveAddress"
                      name="saveAddress"
                      value="1"
                      defaultChecked={values.saveAddress === '1'}
                      aria-describedby={errors.saveAddress ? 'field-saveAddress-error' : undefined}
                      className="size-5 shrink-0 accent-primary"
                    />
                    Save this address to my account
                  </label>
                )
              ) : null}
              {errors.saveAddress ? (
                <p id="field-saveAddress-error" className="text-sm font-medium text-red-700">
                  <span aria-hidden="true">! </span>
                  {errors.saveAddress}
                </p>
              ) : null}
            </div>
          </section>

          <fieldset
            className="space-y-3"
            aria-describedby={errors.shippingMethod ? 'shipping-method-error' : undefined}
          >
            <legend className="text-lg font-semibold text-gray-900">Shipping method</legend>
            {errors.shippingMethod ? (
              <p id="shipping-method-error" className="text-sm font-medium text-red-700">
                <span aria-hidden="true">! </span>
                {errors.shippingMethod}
              </p>
            ) : null}
            {methods.map((m) => (
              <label
                key={m.code}
                className="flex cursor-pointer items-start gap-3 rounded-lg border border-gray-400 bg-surface p-3 has-checked:border-primary has-checked:ring-2 has-checked:ring-primary"
              >
                <input
                  type="radio"
                  id={`ship-${m.code}`}
                  name="shippingMethod"
                  value={m.code}
                  defaultChecked={m.code === method}
                  className="mt-0.5 size-5 shrink-0 accent-primary"
                />
                <span className="flex-1">
                  <span className="flex flex-wrap justify-between gap-x-3">
                    <span className="font-medium text-gray-900">{m.name}</span>
                    {m.priceCents === 0 ? (
                      <span className="font-semibold">Free</span>
                    ) : (
                      <Price cents={m.priceCents} />
                    )}
                  </span>
                  <span className="block text-sm text-muted">
                    {deliveryEstimate(m)}. {m.description}
                  </span>
                </span>
              </label>
            ))}
          </fieldset>

          <section aria-labelledby="coupon-title" className="space-y-3">
            <h2 id="coupon-title" className="text-lg font-semibold text-gray-900">
              Coupon
            </h2>
            <div className="space-y-3">
              <Input
                label="Coupon or voucher code (optional)"
                hint="As printed on it, such as AC-7KQ2-M9XD-4HTP. A coupon pays for goods, not postage, and is used once."
                key={coupon?.code ?? 'typed'}
                id="field-couponCode"
                name="couponCode"
                autoComplete="off"
                autoCapitalize="characters"
                spellCheck={false}
                maxLength={40}
                defaultValue={values.couponCode ?? ''}
                error={errors.couponCode}
              />
              <Button type="submit" name="intent" value="apply-coupon" variant="secondary" disabled={busy}>
                Apply
              </Button>
            </div>
            {coupon ? (
              <Notice tone="success" title={`Coupon ${coupon.code} applied`}>
                It takes <Price cents={discountCents} /> off this order; the total below includes it.
              </Notice>
            ) : null}
          </section>

          <PaymentFields
            method={values['payment.method'] ?? 'bank_transfer'}
            hydrated={hydrated}
            error={paymentError}
            cardErrors={cardErrors}
          />

          <div className="space-y-3 border-t border-line pt-6">
            {methods.map((m) => (
              <p
                key={m.code}
                className={cx('items-baseline justify-between', shownWhenChecked[m.code] ?? 'hidden')}
              >
                <span className="font-semibold text-gray-900">Total to pay</span>
                <Price
                  cents={cart.subtotalCents - discountCents + m.priceCents}
                  className="text-xl text-gray-900"
                />
              </p>
            ))}
            <Button type="submit" size="lg" block busy={busy}>
              Place order
            </Button>
            <p className="text-sm text-muted">
              By placing the order you accept the{' '}
              <Link to="/policies/after-sales" className="underline">
                after-sales policy
              </Link>{' '}
              and the{' '}
              <Link to="/policies/privacy" className="underline">
                privacy policy
              </Link>
              .
            </p>
          </div>
        </Form>
      </div>
    </div>
  );
}
