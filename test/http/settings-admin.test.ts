/** The shop's identity in the back office (SH-SOC-1): the owner edits it, the storefront shows it at once. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { defaultShopSettings, type ShopSettings } from '../../src/settings/shop.ts';
import { json, signedInMember, startTestApp, type TestApp } from '../helpers/app.ts';

type ErrorShape = { error: { code: string; field?: string } };

const edited: ShopSettings = {
  name: 'Phone Doctor',
  tagline: 'Repairs and refurbished phones since 1999.',
  primaryColor: '#7c3aed',
  logoUrl: 'https://cdn.example.com/logo.svg',
  social: [
    { network: 'instagram', url: 'https://instagram.com/phonedoctor' },
    { network: 'mastodon', url: 'https://mastodon.social/@phonedoctor' },
  ],
};

describe('back office: shop settings, SH-SOC-1', () => {
  let t: TestApp;
  let owner = '';
  let customerService = '';
  before(async () => {
    t = await startTestApp();
    owner = await t.staffCookie();
    customerService = (await signedInMember(t, 'cs@aftercare.test', 'Casey', 'customer_service')).cookie;
  });
  after(async () => t.close());

  const put = (cookie: string, payload: unknown) =>
    t.app.inject({
      method: 'PUT',
      url: '/api/admin/settings/shop',
      headers: { cookie },
      payload: payload as object,
    });
  const get = (cookie: string) =>
    t.app.inject({ method: 'GET', url: '/api/admin/settings/shop', headers: { cookie } });

  it('every staff member reads the settings; without a session it is a 401', async () => {
    assert.deepEqual(json(await get(owner)), defaultShopSettings);
    assert.deepEqual(json(await get(customerService)), defaultShopSettings);
    assert.equal((await get('')).statusCode, 401);
  });

  it('only the owner changes them: customer service gets a 403 and nothing changes', async () => {
    const res = await put(customerService, edited);
    assert.equal(res.statusCode, 403);
    assert.equal(json<ErrorShape>(res).error.code, 'forbidden');
    assert.deepEqual(json(await get(owner)), defaultShopSettings);
  });

  it('the owner saves name, tagline, colour, logo and social links; the storefront shows them on the next page', async () => {
    const res = await put(owner, edited);
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(json(res), edited);
    assert.deepEqual(json(await get(customerService)), edited);
    const page = await t.app.inject({ method: 'GET', url: '/' });
    assert.equal(page.statusCode, 200);
    for (const text of [
      '<title>Phone Doctor</title>',
      'Repairs and refurbished phones since 1999.',
      'src="https://cdn.example.com/logo.svg"',
      'href="https://mastodon.social/@phonedoctor"',
      ':root{--color-primary:#7c3aed;',
    ]) {
      assert.ok(page.body.includes(text), `the home page shows ${text}`);
    }
    const theme = await t.app.inject({ method: 'GET', url: '/theme.css?v=7c3aed' });
    assert.ok(theme.body.toLowerCase().includes('#7c3aed'), 'the theme carries the colour');
  });

  it('bad input is a 400 naming the field, and the stored settings stay as they were', async () => {
    const before = json(await get(owner));
    const cases: Array<[unknown, string]> = [
      [{ ...edited, name: '   ' }, 'name'],
      [{ ...edited, name: 'x'.repeat(61) }, 'name'],
      [{ ...edited, primaryColor: 'purple' }, 'primaryColor'],
      [{ ...edited, logoUrl: 'http://insecure.example/logo.png' }, 'logoUrl'],
      [{ ...edited, logoUrl: 'javascript:alert(1)' }, 'logoUrl'],
      [{ ...edited, logoUrl: 'https://169.254.169.254/latest/meta-data/' }, 'logoUrl'],
      [{ ...edited, logoUrl: 'https://0x7f.1/logo.png' }, 'logoUrl'],
      [{ ...edited, logoUrl: '/\\evil.example/logo.png' }, 'logoUrl'],
      [{ ...edited, social: [{ network: 'x', url: 'https://[::ffff:10.0.0.1]/shop' }] }, 'social.0.url'],
      [{ ...edited, social: [{ network: 'myspace', url: 'https://myspace.com/x' }] }, 'social.0.network'],
      [{ ...edited, social: [{ network: 'x', url: 'http://x.com/shop' }] }, 'social.0.url'],
      [
        {
          ...edited,
          social: [
            { network: 'x', url: 'https://x.com/a' },
            { network: 'x', url: 'https://x.com/b' },
          ],
        },
        'social',
      ],
      [{ ...edited, admin: true }, 'admin'],
      [{ name: 'Only a name' }, 'tagline'],
    ];
    for (const [payload, field] of cases) {
      const res = await put(owner, payload);
      assert.equal(res.statusCode, 400, `${field}: ${res.body}`);
      assert.equal(json<ErrorShape>(res).error.field, field, res.body);
    }
    assert.deepEqual(json(await get(owner)), before);
  });
});
