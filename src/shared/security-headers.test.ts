import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import Fastify from 'fastify';
import { helmetHeaders, installSecurityHeaders } from './security-headers.ts';

const options = {
  contentSecurityPolicy: false,
  hsts: { maxAge: 31_536_000, includeSubDomains: true },
} as const;

describe('security headers worked out once', () => {
  it('are the headers helmet sets for the options, PV-SEC-1', () => {
    assert.deepEqual(helmetHeaders(options), {
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-resource-policy': 'same-origin',
      'origin-agent-cluster': '?1',
      'referrer-policy': 'no-referrer',
      'strict-transport-security': 'max-age=31536000; includeSubDomains',
      'x-content-type-options': 'nosniff',
      'x-dns-prefetch-control': 'off',
      'x-download-options': 'noopen',
      'x-frame-options': 'SAMEORIGIN',
      'x-permitted-cross-domain-policies': 'none',
      'x-xss-protection': '0',
    });
  });

  it('reach every answer: a route, a 404 and an error', async () => {
    const app = Fastify();
    installSecurityHeaders(app, options);
    app.get('/ok', async () => ({ ok: true }));
    app.get('/fails', async () => {
      throw new Error('boom');
    });
    for (const url of ['/ok', '/nowhere', '/fails']) {
      const res = await app.inject({ method: 'GET', url });
      assert.equal(res.headers['strict-transport-security'], 'max-age=31536000; includeSubDomains', url);
      assert.equal(res.headers['x-content-type-options'], 'nosniff', url);
    }
    await app.close();
  });
});
