import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loggableUrl } from './server.ts';

describe('request logging', () => {
  it('keeps the route but not the secret of a signed order link', () => {
    assert.equal(loggableUrl('/api/orders/by-link/abc.def'), '/api/orders/by-link/[redacted]');
  });
  it('drops query strings, which may carry tokens or search terms', () => {
    assert.equal(loggableUrl('/orders/view?token=secret'), '/orders/view');
    assert.equal(loggableUrl('/api/products?q=nimbus'), '/api/products');
  });
});
