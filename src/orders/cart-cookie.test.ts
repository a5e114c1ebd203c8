import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cartCookieName, cartCookieOptions, cartSetCookie, cartTokenOf } from './cart-cookie.ts';

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
      '__Host-ac_cart=abc_DEF-123; Max-Age=2592000; Path=/; HttpOnly; Secure; SameSite=Lax',
    );
  });

  it('drops Secure, and with it the __Host- prefix, only when COOKIE_SECURE is false', () => {
    assert.equal(cartCookieOptions({ COOKIE_SECURE: false }).secure, false);
    assert.doesNotMatch(cartSetCookie({ COOKIE_SECURE: false }, 't'), /Secure/);
    assert.match(cartSetCookie({ COOKIE_SECURE: false }, 't'), /^ac_cart=t; /);
    assert.equal(cartCookieName({ COOKIE_SECURE: true }), '__Host-ac_cart');
    // What browsers demand of a __Host- cookie: Secure, Path=/, no Domain.
    assert.match(cartSetCookie({ COOKIE_SECURE: true }, 't'), /^__Host-ac_cart=t; .*Path=\/;.*Secure/);
    assert.doesNotMatch(cartSetCookie({ COOKIE_SECURE: true }, 't'), /Domain/i);
  });

  it('reads the token from a Cookie header among other cookies, under the name of the current mode only', () => {
    const secure = {};
    assert.equal(cartTokenOf(secure, 'a=1; __Host-ac_cart=tok%2Den; b=2'), 'tok-en');
    // A bare cookie (set by a sibling subdomain or plain HTTP) is not the cart of a secure shop.
    assert.equal(cartTokenOf(secure, 'ac_cart=planted'), undefined);
    assert.equal(cartTokenOf(secure, '__Host-ac_cartx=1; x__Host-ac_cart=2'), undefined);
    assert.equal(cartTokenOf(secure, '__Host-ac_cart='), undefined);
    assert.equal(cartTokenOf(secure, '__Host-ac_cart=%E0%A4%A'), undefined);
    assert.equal(cartTokenOf(secure, null), undefined);
    assert.equal(cartTokenOf({ COOKIE_SECURE: false }, 'ac_cart=tok'), 'tok');
    assert.equal(cartTokenOf({ COOKIE_SECURE: false }, '__Host-ac_cart=tok'), undefined);
  });
});
