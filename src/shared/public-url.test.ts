import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { imageUrlSchema } from '../catalog/schemas.ts';
import { shopSettingsSchema } from '../settings/shop.ts';
import { isPublicAddress, isSameOriginPath, nonPublicUrlReason } from './public-url.ts';

/** Every way we know to spell a host that is not on the public internet. */
const nonPublic = [
  'https://localhost/x.png',
  'https://LOCALHOST./x.png',
  'https://shop.localhost/x.png',
  'https://printer.local/x.png',
  'https://metadata.google.internal/computeMetadata/v1/',
  'https://router.home.arpa/x.png',
  'https://intranet/x.png',
  'https://127.0.0.1/x.png',
  'https://127.1/x.png',
  'https://2130706433/x.png',
  'https://0x7f000001/x.png',
  'https://0x7f.0.0.1/x.png',
  'https://0177.0.0.1/x.png',
  'https://017700000001/x.png',
  'https://0/x.png',
  'https://0.0.0.0/x.png',
  'https://10.0.0.5/x.png',
  'https://172.16.3.4/x.png',
  'https://172.31.255.255/x.png',
  'https://192.168.1.1/x.png',
  'https://169.254.169.254/latest/meta-data/',
  'https://100.100.100.200/x.png',
  'https://168.63.129.16/x.png',
  'https://255.255.255.255/x.png',
  'https://224.0.0.1/x.png',
  'https://[::1]/x.png',
  'https://[::]/x.png',
  'https://[fe80::1]/x.png',
  'https://[fc00::1]/x.png',
  'https://[fd00:ec2::254]/x.png',
  'https://[fec0::1]/x.png',
  'https://[::ffff:127.0.0.1]/x.png',
  'https://[::ffff:a9fe:a9fe]/x.png',
  'https://[0:0:0:0:0:ffff:10.0.0.1]/x.png',
  'https://[64:ff9b::7f00:1]/x.png',
  'https://[2002:7f00:1::]/x.png',
  'https://user@127.0.0.1/x.png',
  'https://cdn.example.com@127.0.0.1/x.png',
  'https://127.0.0.1:8443/x.png',
];

const publicUrls = [
  'https://cdn.example.com/x.png',
  'https://93.184.216.34/x.png',
  'https://[2606:4700:4700::1111]/x.png',
  'https://localhost.example.com/x.png',
  'https://user@cdn.example.com/x.png',
];

describe('public URLs only for logos, images and social links', () => {
  it('refuses loopback, private, link-local, metadata and local names in every spelling', () => {
    for (const url of nonPublic) assert.notEqual(nonPublicUrlReason(url), null, url);
  });

  it('accepts public names and global addresses', () => {
    for (const url of publicUrls) assert.equal(nonPublicUrlReason(url), null, url);
    assert.equal(isPublicAddress('8.8.8.8'), true);
    assert.equal(isPublicAddress('::ffff:8.8.8.8'), true);
    assert.equal(isPublicAddress('not an address'), false);
  });

  it('the product image, logo and social link schemas refuse them with a message', () => {
    for (const url of nonPublic) {
      assert.equal(imageUrlSchema.safeParse(url).success, false, `image ${url}`);
      assert.equal(shopSettingsSchema.shape.logoUrl.safeParse(url).success, false, `logo ${url}`);
      const social = shopSettingsSchema.shape.social.safeParse([{ network: 'x', url }]);
      assert.equal(social.success, false, `social ${url}`);
    }
    for (const url of publicUrls) assert.equal(imageUrlSchema.safeParse(url).success, true, url);
    const refused = imageUrlSchema.safeParse('https://10.0.0.5/x.png');
    assert.match(refused.error?.issues[0]?.message ?? '', /local, private or reserved/);
  });

  it('a same-origin path is a path, never another host in disguise', () => {
    assert.equal(isSameOriginPath('/media/logo.png'), true);
    for (const path of [
      '//evil.example/x.png',
      '/\\evil.example/x.png',
      '/\t/evil.example/',
      '/a\nb',
      'x.png',
    ]) {
      assert.equal(isSameOriginPath(path), false, JSON.stringify(path));
      assert.equal(imageUrlSchema.safeParse(path).success, false, JSON.stringify(path));
      assert.equal(shopSettingsSchema.shape.logoUrl.safeParse(path).success, false, JSON.stringify(path));
    }
  });
});
