import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import sharp from 'sharp';
import { json, startTestApp, type TestApp } from '../helpers/app.ts';
import { multipart } from '../helpers/evidence-fixtures.ts';

interface Image {
  id: string;
  url: string;
  alt: string;
}

/** A JPEG carrying a camera's EXIF block, as phone photos do (they hold GPS coordinates too). */
async function photoWithExif(): Promise<Buffer> {
  return sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 200, g: 40, b: 40 } } })
    .jpeg()
    .withExif({ IFD0: { Make: 'PhoneMaker', Model: 'Secret Phone', Copyright: 'Home address here' } })
    .toBuffer();
}

describe('product image upload (back office)', () => {
  let t: TestApp;
  let staff: string;
  let productId: string;

  before(async () => {
    t = await startTestApp({ seed: true });
    staff = await t.staffCookie();
    const list = json<{ items: Array<{ id: string }> }>(
      await t.app.inject({ method: 'GET', url: '/api/admin/products?limit=1', headers: { cookie: staff } }),
    );
    productId = list.items[0]?.id as string;
  });
  after(() => t.close());

  const upload = (parts: Parameters<typeof multipart>[0], id = productId) => {
    const { payload, headers } = multipart(parts);
    return t.app.inject({
      method: 'POST',
      url: `/api/admin/products/${id}/images/upload`,
      headers: { ...headers, cookie: staff },
      payload,
    });
  };

  it('a photo is stored re-encoded as WebP without its EXIF metadata, and served', async () => {
    const original = await photoWithExif();
    assert.ok((await sharp(original).metadata()).exif, 'the test photo does carry EXIF');
    const res = await upload([
      { name: 'alt', value: 'Red phone, front' },
      { name: 'file', value: original, filename: 'IMG_0001.jpg', type: 'image/jpeg' },
    ]);
    assert.equal(res.statusCode, 201, res.body);
    const image = json<Image>(res);
    assert.match(image.url, /^\/media\/uploads\/products\/[0-9a-f-]{36}\.webp$/);
    assert.equal(image.alt, 'Red phone, front');

    const served = await t.app.inject({ method: 'GET', url: image.url });
    assert.equal(served.statusCode, 200);
    assert.match(String(served.headers['content-type']), /image\/webp/);
    const meta = await sharp(served.rawPayload).metadata();
    assert.equal(meta.format, 'webp');
    assert.equal(meta.exif, undefined, 'no EXIF left');
    assert.equal(served.rawPayload.includes(Buffer.from('Secret Phone')), false);

    const product = json<{ images: Image[] }>(
      await t.app.inject({
        method: 'GET',
        url: `/api/admin/products/${productId}`,
        headers: { cookie: staff },
      }),
    );
    assert.ok(product.images.some((i) => i.url === image.url));
  });

  it('a file that is not an image is refused by its content, whatever its name says', async () => {
    const res = await upload([
      { name: 'alt', value: 'Not a picture' },
      {
        name: 'file',
        value: Buffer.from('#!/bin/sh\necho hello\n'),
        filename: 'photo.png',
        type: 'image/png',
      },
    ]);
    assert.equal(res.statusCode, 400);
    assert.equal(json<{ error: { field: string } }>(res).error.field, 'file');
  });

  it('an image without alt text is refused, naming alt', async () => {
    const res = await upload([
      { name: 'file', value: await photoWithExif(), filename: 'a.jpg', type: 'image/jpeg' },
    ]);
    assert.equal(res.statusCode, 400);
    assert.equal(json<{ error: { field: string } }>(res).error.field, 'alt');
  });

  it('a file over 8 MB is a 413 naming file', async () => {
    const res = await upload([
      { name: 'alt', value: 'Huge' },
      { name: 'file', value: Buffer.alloc(8 * 1024 * 1024 + 1, 1), filename: 'huge.jpg', type: 'image/jpeg' },
    ]);
    assert.equal(res.statusCode, 413, res.body);
    assert.equal(json<{ error: { field: string } }>(res).error.field, 'file', res.body);
  });

  it('an unknown product is a 404 and nothing is stored', async () => {
    const res = await upload(
      [
        { name: 'alt', value: 'Orphan' },
        { name: 'file', value: await photoWithExif(), filename: 'a.jpg', type: 'image/jpeg' },
      ],
      '0190c3d2-0000-7000-8000-000000000000',
    );
    assert.equal(res.statusCode, 404);
  });

  it('a JSON body instead of a form is a 4xx, not a 500', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/admin/products/${productId}/images/upload`,
      headers: { cookie: staff },
      payload: { url: '/x.png' },
    });
    assert.ok(res.statusCode >= 400 && res.statusCode < 500, String(res.statusCode));
  });

  it('without a staff session the upload is refused', async () => {
    const { payload, headers } = multipart([{ name: 'alt', value: 'x' }]);
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/admin/products/${productId}/images/upload`,
      headers,
      payload,
    });
    assert.equal(res.statusCode, 401);
  });
});
