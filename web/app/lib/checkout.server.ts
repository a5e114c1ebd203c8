/**
 * Checkout as the page runs it: the form's fields → the API's checkout payload (same zod schema), the same
 * `checkout` service with the same payment providers, and, after commit, the processor's settlement (the
 * test processor's signed webhook, delivered in-process). Card data never reaches this module: the browser
 * sends the card to the processor and posts only its token (PV-PAY-1).
 */
import { randomUUID } from 'node:crypto';
import type { AppLoadContext } from 'react-router';
import { z } from 'zod';
import { checkout } from '../../../src/orders/checkout.service.ts';
import { countryCodes } from '../../../src/orders/countries.ts';
import { previewCoupon } from '../../../src/orders/coupons/redeem-coupon.ts';
import { requireIdempotencyKey } from '../../../src/orders/idempotency.ts';
import { paymentProviders } from '../../../src/orders/payments/providers.ts';
import { directTestCardDelivery } from '../../../src/orders/payments/test-card-webhook.ts';
import { webhookDeliveryFor } from '../../../src/orders/payments/webhook-delivery.ts';
import type { ShippingAddress } from '../../../src/orders/schema.ts';
import {
  type CheckoutInput,
  checkoutBody,
  type ShippingAddressInput,
  shippingAddressSchema,
  type shippingMethodSchema,
} from '../../../src/orders/schemas.ts';
import { shippingMethods } from '../../../src/orders/shipping.ts';
import { type CheckoutField, type CheckoutValues, checkoutFields } from '../components/checkout/fields.ts';
import { countryName } from './orders.server.ts';

type ShippingMethodView = z.infer<typeof shippingMethodSchema>;

export { type CheckoutField, type CheckoutValues, checkoutFields };

/** A fresh Idempotency-Key for one rendering of the checkout form: a resubmit carries the same one. */
export function newIdempotencyKey(): string {
  return `web-${randomUUID()}`;
}

export function checkIdempotencyKey(value: FormDataEntryValue | null): string | null {
  try {
    return requireIdempotencyKey(typeof value === 'string' ? value : undefined);
  } catch {
    return null;
  }
}

const messages: Record<string, string> = {
  email: 'Enter an email address, such as name@example.com',
  'shippingAddress.name': 'Enter the name of the person who receives the parcel',
  'shippingAddress.line1': 'Enter the street and house number',
  'shippingAddress.line2': 'Check this line of the address',
  'shippingAddress.city': 'Enter the town or city',
  'shippingAddress.postalCode': 'Enter the postal code',
  'shippingAddress.region': 'Check the state, province or region',
  'shippingAddress.country': 'Choose the country to ship to',
  'shippingAddress.phone': 'Enter a phone number using digits, spaces, + ( ) - and . only',
  shippingMethod: 'Choose how the order is shipped',
  'payment.method': 'Choose how to pay',
  'payment.token': 'Enter your card details again',
  couponCode: 'Check the coupon code: it looks like AC-XXXX-XXXX-XXXX',
  savedAddressId: 'Choose one of your addresses, or a new one',
};

export interface ParsedCheckout {
  values: CheckoutValues;
  input: CheckoutInput | null;
  errors: Record<string, string>;
}

/**
 * The form's fields as the API's payload, or an error message per field. With `savedAddress` (a signed-in
 * customer chose one of their saved addresses) the order ships there and the typed address fields are
 * ignored, though kept as typed.
 */
export function parseCheckoutForm(form: FormData, savedAddress?: ShippingAddress): ParsedCheckout {
  const values: CheckoutValues = {};
  for (const name of checkoutFields) {
    const value = form.get(name);
    if (typeof value === 'string') values[name] = value.slice(0, 500);
  }
  const optional = (name: CheckoutField) => values[name]?.trim() || undefined;
  const method = values['payment.method'];
  const token = form.get('payment.token');
  const payload = {
    email: values.email ?? '',
    shippingAddress: savedAddress ?? {
      name: values['shippingAddress.name'] ?? '',
      line1: values['shippingAddress.line1'] ?? '',
      line2: optional('shippingAddress.line2'),
      city: values['shippingAddress.city'] ?? '',
      postalCode: values['shippingAddress.postalCode'] ?? '',
      region: optional('shippingAddress.region'),
      country: values['shippingAddress.country'] ?? '',
      phone: optional('shippingAddress.phone'),
    },
    // Only a typed address is saved: a chosen one is in the book already.
    saveAddress: !savedAddress && values.saveAddress === '1' ? true : undefined,
    shippingMethod: values.shippingMethod,
    couponCode: optional('couponCode'),
    payment:
      method === 'test_card'
        ? { method, token: typeof token === 'string' ? token : '' }
        : method === 'bank_transfer'
          ? { method }
          : undefined,
  };
  const parsed = checkoutBody.safeParse(payload);
  if (parsed.success) return { values, input: parsed.data, errors: {} };
  return { values, input: null, errors: fieldMessages(parsed.error.issues) };
}

/** The first readable message per form field of a refused payload (paths joined with dots). */
function fieldMessages(issues: readonly z.core.$ZodIssue[]): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of issues) {
    let field = issue.path.map(String).join('.');
    if (field === 'payment') field = 'payment.method';
    if (errors[field]) continue;
    const max = issue.code === 'too_big' && typeof issue.maximum === 'number' ? issue.maximum : null;
    // The postcode's rule already speaks to the person, with the country's example.
    errors[field] =
      max !== null
        ? `Use at most ${max} characters`
        : field === 'shippingAddress.postalCode' && issue.code === 'custom'
          ? issue.message
          : (messages[field] ?? issue.message);
  }
  return errors;
}

/** The address fields of a form (`shippingAddress.*`, the checkout's names) as typed, cut to 500 characters. */
export type AddressValues = Partial<Record<(typeof addressFields)[number], string>>;
const addressFields = checkoutFields.filter((f) => f.startsWith('shippingAddress.'));

/**
 * An address form (the account's address book, `AddressFields`) through the checkout's own schema: the
 * checked address, or a message per field as checkout words it, and what was typed either way.
 */
export function parseAddressForm(form: FormData): {
  values: AddressValues;
  address: ShippingAddressInput | null;
  errors: Record<string, string>;
} {
  const values: AddressValues = {};
  for (const name of addressFields) {
    const value = form.get(name);
    if (typeof value === 'string') values[name] = value.slice(0, 500);
  }
  const optional = (name: (typeof addressFields)[number]) => values[name]?.trim() || undefined;
  const parsed = z.object({ shippingAddress: shippingAddressSchema }).safeParse({
    shippingAddress: {
      name: values['shippingAddress.name'] ?? '',
      line1: values['shippingAddress.line1'] ?? '',
      line2: optional('shippingAddress.line2'),
      city: values['shippingAddress.city'] ?? '',
      postalCode: values['shippingAddress.postalCode'] ?? '',
      region: optional('shippingAddress.region'),
      country: values['shippingAddress.country'] ?? '',
      phone: optional('shippingAddress.phone'),
    },
  });
  return parsed.success
    ? { values, address: parsed.data.shippingAddress, errors: {} }
    : { values, address: null, errors: fieldMessages(parsed.error.issues) };
}

/** A stored address as the address form's values (to edit it, or to fill the checkout's fields). */
export function addressValues(address: ShippingAddress): AddressValues {
  return {
    'shippingAddress.name': address.name,
    'shippingAddress.line1': address.line1,
    'shippingAddress.line2': address.line2 ?? '',
    'shippingAddress.city': address.city,
    'shippingAddress.postalCode': address.postalCode,
    'shippingAddress.region': address.region ?? '',
    'shippingAddress.country': address.country,
    'shippingAddress.phone': address.phone ?? '',
  };
}

export interface CouponPreview {
  code: string;
  discountCents: number;
  /** The shipping methods priced on the goods paid for after the discount (coupons/coupon.rules.ts). */
  methods: ShippingMethodView[];
}

/**
 * "Apply" on the checkout page: the coupon's discount on this cart, and the shipping prices that follow.
 * Throws the service's errors (400/409 naming `couponCode`); checkout checks the coupon again when placing.
 */
export async function couponPreview(
  context: AppLoadContext,
  typed: string,
  subtotalCents: number,
): Promise<CouponPreview> {
  const { ctx } = context;
  const preview = await previewCoupon(ctx.db, typed, subtotalCents, ctx.clock.now());
  return {
    code: preview.code,
    discountCents: preview.discountCents,
    methods: shippingMethods(subtotalCents - preview.discountCents),
  };
}

/** Every country the shop ships to, by name. */
export function countryOptions(): Array<{ value: string; label: string }> {
  return [...countryCodes]
    .map((code) => ({ value: code, label: countryName(code) }))
    .sort((a, b) => a.label.localeCompare(b.label, 'en'));
}

/**
 * Places the order (or returns the order an earlier request with this key placed), then lets the processor
 * settle. A settlement failure leaves the order standing, authorised, until the processor's retry.
 */
export async function placeOrder(
  context: AppLoadContext,
  request: {
    cartToken: string | undefined;
    idempotencyKey: string;
    input: CheckoutInput;
    customerId?: string | null;
  },
) {
  const { ctx, log } = context;
  const providers = paymentProviders(ctx);
  const result = await checkout(ctx, providers, request);
  if (result.created) {
    const provider = providers[request.input.payment.method];
    const deliver = webhookDeliveryFor(ctx, directTestCardDelivery(ctx));
    await provider
      .settle?.(result.created.authorization, result.created.amountCents, deliver, ctx.clock.now())
      .catch((error: unknown) =>
        log.error({ err: error, order: result.body.order.reference }, 'payment settlement failed'),
      );
  }
  return result.body;
}
