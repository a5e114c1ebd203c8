/** The API's field messages as the forms show them: sentences about the field, never a key or a fragment. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { labelOfKey, messageForField } from '../../web/app/components/ui/field-message.ts';

describe('an API field message shown beside its field', () => {
  it('drops the key the API puts in front', () => {
    assert.equal(
      messageForField('cardNumber: Enter the card number as printed on the card', 'cardNumber'),
      'Enter the card number as printed on the card',
    );
    assert.equal(
      messageForField('expYear: This card has expired: check the expiry date', undefined),
      'This card has expired: check the expiry date',
    );
  });

  it('makes a fragment a sentence whose subject is the field, by its label when the form gives one', () => {
    assert.equal(
      messageForField('trackingNumber: is required for a tracked shipment', 'trackingNumber'),
      'Tracking number is required for a tracked shipment.',
    );
    assert.equal(
      messageForField('trackingNumber: is required for a tracked shipment', 'trackingNumber', 'Tracking no.'),
      'Tracking no. is required for a tracked shipment.',
    );
    assert.equal(
      messageForField('variants.0.priceCents: must be positive', 'variants.0.priceCents'),
      'Price cents must be positive.',
    );
  });

  it('keeps a message that is already a sentence, and never returns an empty one', () => {
    assert.equal(
      messageForField('Enter the carrier, such as UPS', 'carrier'),
      'Enter the carrier, such as UPS',
    );
    assert.equal(messageForField('carrier: ', 'carrier', 'Carrier'), 'Check the carrier');
    assert.equal(labelOfKey('shippingAddress.postalCode'), 'Postal code');
  });
});
