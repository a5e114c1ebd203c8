import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cartCookieOptions, cartSetCookie, cartTokenOf } from './cart-cookie.ts';

describe('the cart cookie', () => {
  it('is HttpOnly, Secure by default, SameSite=Lax, for the whole site, for 30 days', () => {
    assert.deepEqual(cartCookieOptions({}), {
      httpOnly: true,
      secure: true,
      sameSite: 'lax',
      path: '/',
      maxAge: 30 * 86_400,
    });
    assert.equal(
      cartSetCookie({}, 'abc_DEF-123'),
      'ac_cart=abc_DEF-123; Max-Age=2592000; Path=/; HttpOnly; Secure; SameSite=Lax',
    );
  });

  it('drops Secure only when COOKIE_SECURE is false', () => {
    assert.equal(cartCookieOptions({ COOKIE_SECURE: false }).secure, false);
    assert.doesNotMatch(cartSetCookie({ COOKIE_SECURE: false }, 't'), /Secure/);
  });

  it('reads the token from a Cookie header among other cookies', () => {
    assert.equal(cartTokenOf('a=1; ac_cart=tok%2Den; b=2'), 'tok-en');
    assert.equal(cartTokenOf('ac_cartx=1; xac_cart=2'), undefined);
    assert.equal(cartTokenOf('ac_cart='), undefined);
    assert.equal(cartTokenOf('ac_cart=%E0%A4%A'), undefined);
    assert.equal(cartTokenOf(null), undefined);
  });
});
