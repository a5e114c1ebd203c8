import { checkPostcode } from '../../../../src/orders/postcodes.ts';

/**
 * The names of the checkout form's fields: the API's payload paths, so the service's errors (`field`) land
 * next to their inputs. Shared by the page and its server module.
 */
export const checkoutFields = [
  'email',
  'shippingAddress.name',
  'shippingAddress.line1',
  'shippingAddress.line2',
  'shippingAddress.city',
  'shippingAddress.postalCode',
  'shippingAddress.region',
  'shippingAddress.country',
  'shippingAddress.phone',
  'shippingMethod',
  'payment.method',
  'couponCode',
  /** Signed in with saved addresses: the one chosen, or 'new' for the typed address. */
  'savedAddressId',
  /** Signed in: '1' keeps the typed address in the account's address book. */
  'saveAddress',
] as const;
export type CheckoutField = (typeof checkoutFields)[number];

/** What the person typed, sent back with the errors so nothing has to be typed twice. */
export type CheckoutValues = Partial<Record<CheckoutField, string>>;

/**
 * Whether a field's new value puts right the mistake the server reported, as far as the page can tell: its
 * message then goes at once instead of at the next submission. The server checks everything again when the
 * form is sent; this only decides when an old message stops being true.
 */
export function looksCorrected(field: string, value: string, country: string): boolean {
  const text = value.trim();
  switch (field) {
    case 'email':
      return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text) && text.length <= 254;
    case 'shippingAddress.postalCode':
      return checkPostcode(country, text).ok;
    case 'shippingAddress.phone':
      return text === '' || /^\+?[0-9 ().-]{5,24}$/.test(text);
    case 'shippingAddress.line2':
    case 'shippingAddress.region':
    case 'couponCode':
      return value.length <= 200;
    default:
      return text !== '';
  }
}
