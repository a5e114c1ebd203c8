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
] as const;
export type CheckoutField = (typeof checkoutFields)[number];

/** What the person typed, sent back with the errors so nothing has to be typed twice. */
export type CheckoutValues = Partial<Record<CheckoutField, string>>;
