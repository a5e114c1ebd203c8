import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { orderIdFromLinkToken, orderLinkToken, orderPageUrl } from './order-link.ts';

const secret = 'link-secret-link-secret-link-secret-0123';
const orderId = '01900000-0000-7000-8000-000000000001';

describe('signed order links', () => {
  it('round-trips an order id', () => {
    const token = orderLinkToken(secret, orderId);
    assert.match(token, /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    assert.equal(orderIdFromLinkToken(secret, token), orderId);
  });

  it('refuses a tampered payload, a tampered signature, another secret and garbage', () => {
    const token = orderLinkToken(secret, orderId);
    const [payload, sig] = token.split('.') as [string, string];
    const other = Buffer.from('01900000-0000-7000-8000-000000000002').toString('base64url');
    assert.equal(orderIdFromLinkToken(secret, `${other}.${sig}`), null);
    assert.equal(orderIdFromLinkToken(secret, `${payload}.${sig.slice(0, -1)}A`), null);
    assert.equal(orderIdFromLinkToken('another-secret-another-secret-0123456', token), null);
    for (const bad of ['', '.', 'abc', `${payload}.`, `.${sig}`, `${token}.x`, 'x'.repeat(500)]) {
      assert.equal(orderIdFromLinkToken(secret, bad), null, bad);
    }
  });

  it('builds the page address under PUBLIC_URL', () => {
    assert.equal(orderPageUrl('https://shop.example/', 'a.b'), 'https://shop.example/orders/view?token=a.b');
  });
});
