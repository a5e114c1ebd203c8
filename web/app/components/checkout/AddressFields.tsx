import { useState } from 'react';
import { postcodeRuleFor } from '../../../../src/orders/postcodes.ts';
import { Input } from '../ui/Input.tsx';
import { Select } from '../ui/Select.tsx';

export interface AddressFieldsProps {
  values: Record<string, string | undefined>;
  errors: Record<string, string | undefined>;
  countries: Array<{ value: string; label: string }>;
  defaultCountry: string;
}

/**
 * The shipping address, named as the API's `shippingAddress.*` so its errors land next to each field. The
 * postal code's hint, example and required marker follow the chosen country (the server's rule table).
 */
export function AddressFields({ values, errors, countries, defaultCountry }: AddressFieldsProps) {
  const [country, setCountry] = useState(values['shippingAddress.country'] || defaultCountry);
  const postcode = postcodeRuleFor(country);
  const field = (name: string) => ({
    id: `field-${name.replace('.', '-')}`,
    name,
    defaultValue: values[name] ?? '',
    error: errors[name],
  });
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <Input
        label="Full name"
        autoComplete="shipping name"
        required
        maxLength={200}
        fieldClassName="sm:col-span-2"
        {...field('shippingAddress.name')}
      />
      <Input
        label="Address"
        hint="Street and house number"
        autoComplete="shipping address-line1"
        required
        maxLength={200}
        fieldClassName="sm:col-span-2"
        {...field('shippingAddress.line1')}
      />
      <Input
        label="Apartment, suite, floor (optional)"
        autoComplete="shipping address-line2"
        maxLength={200}
        fieldClassName="sm:col-span-2"
        {...field('shippingAddress.line2')}
      />
      <Input
        label={postcode?.required ? 'Postal code' : 'Postal code (optional)'}
        hint={
          postcode
            ? `${postcode.name.charAt(0).toUpperCase()}${postcode.name.slice(1)}, such as ${postcode.example}`
            : 'Leave empty if the address has none'
        }
        autoComplete="shipping postal-code"
        required={postcode?.required ?? false}
        maxLength={20}
        {...field('shippingAddress.postalCode')}
      />
      <Input
        label="Town or city"
        autoComplete="shipping address-level2"
        required
        maxLength={100}
        {...field('shippingAddress.city')}
      />
      <Input
        label="State, province or region (optional)"
        autoComplete="shipping address-level1"
        maxLength={100}
        {...field('shippingAddress.region')}
      />
      <Select
        label="Country"
        autoComplete="shipping country"
        required
        options={countries}
        {...field('shippingAddress.country')}
        onChange={(event) => setCountry(event.target.value)}
        defaultValue={values['shippingAddress.country'] || defaultCountry}
      />
      <Input
        label="Phone (optional)"
        hint="For the courier, if they need to reach you"
        type="tel"
        autoComplete="shipping tel"
        maxLength={24}
        fieldClassName="sm:col-span-2"
        {...field('shippingAddress.phone')}
      />
    </div>
  );
}
