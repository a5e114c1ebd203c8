/**
 * No input gets a 5xx. Every route of the OpenAPI document is called with hostile values in each path
 * parameter, each query parameter and each field of its JSON body (NUL, lone UTF-16 surrogates, other control
 * characters, 100,000-character strings, huge, negative and fractional numbers, wrong types, dates in year
 * 0000, forged cursors, arrays where objects belong, deep nesting), and with bodies of the wrong shape and
 * content type, with a staff session for the back office and without one. Every page route of web/app/routes.ts
 * gets the same in its path and query, hostile forms, bodies that are not forms, and unusual methods.
 *
 * The values are fixed lists, so a failure reproduces exactly; the routes come from the OpenAPI document and
 * the route config, so a route added later is fuzzed without touching this file. 4xx answers are expected
 * and not checked further here: only "never 5xx" is.
 *
 * The routes are dealt into `shards` parts, each a test file of its own (fuzz-1.test.ts, …), so the suite's
 * longest file runs in parallel with the rest instead of after it: each part starts its own app.
 */
import assert from 'node:assert/strict';
import { appendFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { projectRoot } from '../../../src/shared/paths.ts';
import routeConfig from '../../../web/app/routes.ts';
import { startTestApp, type TestApp } from '../../helpers/app.ts';
import { addToCart, createProduct, type ProductFixture, placeOrder } from '../../helpers/orders-fixtures.ts';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

interface JsonSchema {
  type?: string | string[];
  format?: string;
  enum?: Json[];
  const?: Json;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  minimum?: number;
  minLength?: number;
  default?: Json;
}

interface Operation {
  parameters?: Array<{ in: 'path' | 'query' | 'header' | 'cookie'; name: string; schema?: JsonSchema }>;
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
}

const SOME_UUID = '0190c3d2-0000-7000-8000-000000000000';
const deepArray = (depth: number): Json => (depth === 0 ? [] : [deepArray(depth - 1)]);
const deepObject = (depth: number): Json => (depth === 0 ? {} : { a: deepObject(depth - 1) });
const cursor = (...parts: Json[]) => Buffer.from(JSON.stringify(parts)).toString('base64url');

/** Text that has broken shops: NUL, lone surrogates, controls, very long, look-alike dates and numbers. */
const hostileStrings: string[] = [
  '\u0000',
  'a\u0000b',
  '\ud800',
  'x\udfffy',
  '\u0001\u0008\u001b\u007f',
  '\u202e\ufeff',
  'x'.repeat(100_000),
  '',
  '   ',
  '0000-01-01T00:00:00Z',
  '0000-01-01T00:00:00.000000Z',
  '9999-12-31T23:59:59+00:00',
  '275760-09-13T00:00:00Z',
  '-1',
  '1e309',
  'NaN',
  "'; drop table orders; --",
  '%00',
  '../../../etc/passwd',
  '<script>alert(1)</script>',
  '😀'.repeat(300),
];

/** Cursors a client could forge: the right shape with a value its column cannot hold, and worse. */
const hostileCursors: string[] = [
  cursor('newest', '0000-01-01T00:00:00.000000Z', SOME_UUID),
  cursor('newest', '2026-13-45T25:61:61.000000Z', SOME_UUID),
  cursor('newest', '0000-01-01T00:00:00.000Z', SOME_UUID),
  cursor('newest', '+275760-09-13T00:00:00.000Z', SOME_UUID),
  cursor('admin_newest', '0000-01-01T00:00:00.000000Z', SOME_UUID),
  cursor('price_asc', 1e300, SOME_UUID),
  cursor('price_desc', -1, SOME_UUID),
  cursor('relevance', '1e999', SOME_UUID),
  cursor('relevance', '-0.1e-99999', SOME_UUID),
  cursor('newest', '\u0000', SOME_UUID),
  cursor('newest', {}, 'not-a-uuid'),
  'not base64 at all!',
  Buffer.from('[[[[[[').toString('base64url'),
];

const hostileNumbers: number[] = [
  -1,
  0,
  1.5,
  2 ** 31,
  -(2 ** 31) - 1,
  Number.MAX_SAFE_INTEGER,
  1e308,
  -1e308,
];

const hostileJson: Json[] = [
  ...hostileStrings,
  ...hostileNumbers,
  null,
  true,
  [],
  {},
  ['a', 1, null],
  { a: '\u0000' },
  deepArray(2_000),
  deepObject(2_000),
];

/** Raw query or path text, sent exactly as written (some of it is not valid percent-encoding). */
const rawUrlValues: string[] = [
  '%00',
  'a%00b',
  '%ED%A0%80',
  '%C0%80',
  '%FF%FE',
  '%ZZ',
  '%',
  '%0D%0ASet-Cookie:x=1',
];

function encode(value: string): string {
  // encodeURIComponent refuses lone surrogates; send their UTF-8-like bytes as a sloppy client would.
  try {
    return encodeURIComponent(value);
  } catch {
    return '%ED%A0%80';
  }
}

/** A value the schema accepts, or close to it, to carry one hostile field at a time. */
function exampleOf(schema: JsonSchema | undefined, depth = 0): Json {
  if (!schema || depth > 8) return null;
  if (schema.const !== undefined) return schema.const;
  if (schema.enum?.length) return schema.enum[0] ?? null;
  if (schema.default !== undefined) return schema.default;
  const alternatives = schema.anyOf ?? schema.oneOf ?? schema.allOf;
  if (alternatives?.length) {
    const first = alternatives.find((s) => s.type !== 'null') ?? alternatives[0];
    return exampleOf(first, depth + 1);
  }
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  switch (type) {
    case 'object': {
      const out: Record<string, Json> = {};
      for (const [key, sub] of Object.entries(schema.properties ?? {})) out[key] = exampleOf(sub, depth + 1);
      return out;
    }
    case 'array':
      return [exampleOf(schema.items, depth + 1)];
    case 'integer':
    case 'number':
      return Math.max(schema.minimum ?? 1, 1);
    case 'boolean':
      return true;
    case 'string':
      if (schema.format === 'uuid') return SOME_UUID;
      if (schema.format === 'date-time') return '2026-01-15T10:00:00Z';
      if (schema.format === 'email') return 'fuzz@example.com';
      return 'fuzz value ok'.padEnd(schema.minLength ?? 0, 'x');
    default:
      return 'fuzz';
  }
}

/** Every path to a leaf of a JSON value, with the value there replaced. */
function* withEachLeafReplaced(
  value: Json,
  replacement: Json,
  path: string[] = [],
): Generator<[string, Json]> {
  if (value !== null && typeof value === 'object') {
    const entries = Array.isArray(value)
      ? value.map((v, i) => [String(i), v] as const)
      : Object.entries(value);
    for (const [key, child] of entries) {
      for (const [where, replacedChild] of withEachLeafReplaced(child, replacement, [...path, key])) {
        const copy: Json = Array.isArray(value) ? [...value] : { ...value };
        (copy as Record<string, Json>)[key] = replacedChild;
        yield [where, copy];
      }
    }
    return;
  }
  yield [path.join('.'), replacement];
}

/**
 * Fails with the first few 5xx answers (all of them would drown the report) and how many there were; with
 * FUZZ_DUMP=<file> set, every one of them is appended to that file.
 */
function assertNoServerErrors(failures: string[]): void {
  if (failures.length === 0) return;
  if (process.env.FUZZ_DUMP) appendFileSync(process.env.FUZZ_DUMP, `${failures.join('\n')}\n`);
  assert.fail(`${failures.length} requests answered 5xx, among them:\n${failures.slice(0, 25).join('\n')}`);
}

function serverErrorOf(res: LightMyRequestResponse, what: string): string | null {
  return res.statusCode >= 500 ? `${res.statusCode} for ${what}: ${res.body.slice(0, 200)}` : null;
}

/** Part `shard` (0-based) of `shards`: every `shards`-th API operation and page, starting at `shard`. */
export function fuzzSuite(shard: number, shards: number): void {
  const mine = (_: unknown, index: number) => index % shards === shard;
  describe(`robustness: no input answers 5xx (part ${shard + 1} of ${shards})`, () => {
    let t: TestApp;
    let staffCookie = '';
    /** A shopper's cart holding one line of a product with ample stock, so checkouts reach the database. */
    let cartCookie = '';
    let fixture: ProductFixture;
    let checkouts = 0;
    const realIds: Record<string, string> = {};
    const failures: string[] = [];

    async function fillCart(): Promise<void> {
      cartCookie = (await addToCart(t.app, fixture.variantId, 1)).cookie;
    }

    before(async () => {
      t = await startTestApp({ seed: true });
      staffCookie = await t.staffCookie();
      fixture = await createProduct(t.ctx.db, { stock: 100_000 });
      await fillCart();
      const placed = (await placeOrder(t.app, cartCookie)).json() as { accessToken: string };
      await fillCart();
      const get = async <T>(url: string) =>
        (await t.app.inject({ method: 'GET', url, headers: { cookie: staffCookie } })).json() as T;
      const products = await get<{ items: Array<{ id: string; slug: string }> }>(
        '/api/admin/products?limit=1',
      );
      const orders = await get<{ items: Array<{ id: string }> }>('/api/admin/orders?limit=1');
      const mail = await get<{ items: Array<{ id: string }> }>('/api/admin/mail?limit=1');
      const product = products.items[0];
      assert.ok(product && orders.items[0] && mail.items[0], 'the demo shop has products, orders and mail');
      const detail = await get<{ variants: Array<{ id: string }>; images: Array<{ id: string }> }>(
        `/api/admin/products/${product.id}`,
      );
      Object.assign(realIds, {
        slug: product.slug,
        product: product.id,
        order: orders.items[0].id,
        mail: mail.items[0].id,
        variantId: fixture.variantId,
        variant: detail.variants[0]?.id ?? SOME_UUID,
        imageId: detail.images[0]?.id ?? SOME_UUID,
        token: placed.accessToken,
      });
    });
    after(() => t.close());

    /** The real id a path parameter names, so that hostile bodies reach the service and not just a 404. */
    function realIdFor(path: string, name: string): string {
      if (name !== 'id') return realIds[name] ?? SOME_UUID;
      if (path.startsWith('/api/admin/orders')) return realIds.order as string;
      if (path.startsWith('/api/admin/variants')) return realIds.variant as string;
      if (path.startsWith('/api/admin/mail')) return realIds.mail as string;
      return realIds.product as string;
    }

    type Caller = 'anonymous' | 'shopper' | 'staff';

    async function send(what: string, options: InjectOptions, as: Caller = 'anonymous'): Promise<void> {
      const headers: Record<string, string> = { ...(options.headers as Record<string, string>) };
      if (as === 'shopper') headers.cookie = cartCookie;
      if (as === 'staff') headers.cookie = `${staffCookie}; ${cartCookie}`;
      // Each attempt is a new order attempt: a repeated key would answer from the first one.
      if ('idempotency-key' in headers) headers['idempotency-key'] = `fuzz-attempt-${checkouts++}`;
      const res = await t.app.inject({ ...options, headers });
      const failure = serverErrorOf(res, what);
      if (failure) failures.push(failure);
      // An order went through and took the cart with it: the next attempts need a full one again.
      if ((options.url === '/api/checkout' || options.url === '/checkout') && res.statusCode < 400)
        await fillCart();
    }

    it('every API route of the OpenAPI document, with hostile path, query and body values', async () => {
      const doc = (await t.app.inject({ method: 'GET', url: '/api/docs/json' })).json() as {
        paths: Record<string, Record<string, Operation>>;
      };
      const operations = Object.entries(doc.paths)
        .filter(([path]) => path.startsWith('/api/'))
        .flatMap(([path, ops]) =>
          Object.entries(ops)
            .filter(([method]) => ['get', 'post', 'put', 'patch', 'delete'].includes(method))
            .map(([method, op]) => ({ path, method: method.toUpperCase() as 'GET', op })),
        );
      assert.ok(operations.length >= 30, `only ${operations.length} operations in the OpenAPI document`);

      for (const { path, method, op } of operations.filter(mine)) {
        const key = `${method} ${path}`;
        const pathParams = (op.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name);
        const queryParams = (op.parameters ?? []).filter((p) => p.in === 'query');
        const bodySchema = op.requestBody?.content?.['application/json']?.schema;
        const valid = validBodies[key];
        const body =
          valid !== undefined
            ? (JSON.parse(JSON.stringify(valid).replaceAll('{variantId}', fixture.variantId)) as Json)
            : bodySchema
              ? exampleOf(bodySchema)
              : undefined;
        const fill = (values: Record<string, string>) =>
          path.replace(/\{([^}]+)\}/g, (_, name: string) => values[name] ?? realIdFor(path, name));
        const url = fill({});
        const json = { 'content-type': 'application/json', 'idempotency-key': '' };
        const payload = body === undefined ? {} : { payload: JSON.stringify(body) };
        // The back office is fuzzed signed in, and anonymously to prove its guard holds for hostile input;
        // the storefront as a shopper with a full cart, and once more with a staff cookie besides. Signing
        // out would end the session the rest of the fuzz uses: the staff session routes go without it.
        const passes: Array<[Caller, 'full' | 'brief']> = path.startsWith('/api/admin/')
          ? [
              ['staff', 'full'],
              ['anonymous', 'brief'],
            ]
          : path.startsWith('/api/staff/')
            ? [['anonymous', 'full']]
            : [
                ['shopper', 'full'],
                ['staff', 'brief'],
              ];

        for (const [as, depth] of passes) {
          const full = depth === 'full';
          for (const name of pathParams) {
            for (const value of full
              ? [...hostileStrings.map(encode), ...rawUrlValues]
              : ['%00', '%ED%A0%80']) {
              const at = fill({ [name]: value });
              await send(`${method} ${at.slice(0, 80)}`, { method, url: at, headers: json, ...payload }, as);
            }
          }
          for (const param of full ? queryParams : []) {
            const values = [
              ...hostileStrings.map(encode),
              ...rawUrlValues,
              ...(param.name === 'cursor' ? hostileCursors : []),
            ];
            for (const [i, value] of values.entries()) {
              const what = `${key} ?${param.name}=${value.slice(0, 40)}`;
              await send(what, { method, url: `${url}?${param.name}=${value}`, headers: json }, as);
              if (i >= 3) continue;
              // Twice: an array where a single value belongs.
              const twice = `${url}?${param.name}=${value}&${param.name}=${value.slice(0, 20)}`;
              await send(`${what} (twice)`, { method, url: twice, headers: json }, as);
            }
          }
          if (method === 'GET' || method === 'DELETE') continue;
          if (body !== undefined && full) {
            for (const replacement of hostileJson) {
              for (const [field, mutated] of withEachLeafReplaced(body, replacement)) {
                const what = `${key} body.${field}=${JSON.stringify(replacement).slice(0, 40)}`;
                await send(what, { method, url, headers: json, payload: JSON.stringify(mutated) }, as);
              }
            }
          }
          for (const whole of full ? hostileJson : hostileJson.slice(0, 3)) {
            const what = `${key} body=${JSON.stringify(whole).slice(0, 40)}`;
            await send(what, { method, url, headers: json, payload: JSON.stringify(whole) }, as);
          }
          for (const [type, raw] of full ? wrongBodies : wrongBodies.slice(0, 2)) {
            const headers = { ...json, 'content-type': type };
            await send(`${key} as ${type || 'no content type'}`, { method, url, headers, payload: raw }, as);
          }
        }
      }
      assertNoServerErrors(failures);
    });

    // Not per route: the first part alone sends these.
    if (shard === 0)
      it('unusual methods and Host headers on the API and on pages', async () => {
        const before = failures.length;
        for (const url of [
          '/',
          '/api/products',
          '/api/admin/orders',
          '/cart',
          '/products/x',
          '/nowhere',
          '/api/nowhere',
        ]) {
          for (const method of [
            'TRACE',
            'OPTIONS',
            'PROPFIND',
            'MKCOL',
            'PUT',
            'PATCH',
            'DELETE',
            'SEARCH',
            'LOCK',
          ]) {
            for (const as of ['anonymous', 'staff'] as const) {
              const headers = { 'content-type': 'text/plain', 'sec-fetch-site': 'same-origin' };
              await send(`${method} ${url}`, { method: method as 'GET', url, headers, payload: 'x' }, as);
            }
          }
        }
        for (const url of [
          '//a@b/x',
          '//evil.example/x',
          '/\\evil',
          '/..%2f..%2fetc/passwd',
          '/assets/%00.js',
        ]) {
          await send(`GET ${url}`, { method: 'GET', url });
        }
        for (const host of ['bad host', '[::1', 'a@b', 'x:99999', 'é.com', 'a/b', '']) {
          for (const url of ['/', '/cart', '/api/products', '/api/admin/orders']) {
            await send(`GET ${url} with Host ${host}`, { method: 'GET', url, headers: { host } }, 'staff');
          }
        }
        assertNoServerErrors(failures.slice(before));
      });

    it('every page route, with hostile path and query values, forms and bodies that are not forms', async () => {
      const before = failures.length;
      let pages = pagePaths(routeConfig as RouteEntry[]);
      const pageQueryValues = [...hostileStrings.map(encode), ...rawUrlValues];
      assert.ok(pages.length >= 15, `only ${pages.length} page routes found`);
      pages = pages.filter(mine);
      const pathValues = [...hostileStrings.map(encode), ...rawUrlValues];
      const queryNames = [
        'q',
        'cursor',
        'category',
        'sort',
        'minPrice',
        'maxPrice',
        'clearance',
        'token',
        'placed',
        'variant',
        'added',
        'status',
        'from',
        'to',
        'v',
        'index',
        '_data',
      ];
      const same = { 'sec-fetch-site': 'same-origin', origin: 'http://localhost:80' };
      for (const { path: page, hasAction } of pages) {
        const fill = (value?: string) =>
          page
            .replace(/:(\w+)\??/g, (_, name: string) => value ?? realIdFor(`/api${page}`, name))
            .replace(/\*$/, value ?? 'x');
        const base = fill();
        const withParams = page.includes(':') || page.endsWith('*');
        for (const value of withParams ? pathValues : []) {
          await send(`GET ${fill(value).slice(0, 80)}`, { method: 'GET', url: fill(value) });
        }
        // Every value in every parameter at once, then each parameter alone with the values that broke shops.
        for (const value of [...pageQueryValues, ...hostileCursors]) {
          const url = `${base}?${queryNames.map((name) => `${name}=${value}`).join('&')}`;
          await send(`GET ${base}?*=${value.slice(0, 40)}`, { method: 'GET', url });
        }
        for (const name of queryNames) {
          for (const value of hostileCursors.slice(0, 1)) {
            await send(`GET ${base}?${name}=${value.slice(0, 40)}`, {
              method: 'GET',
              url: `${base}?${name}=${value}`,
            });
          }
        }
        // Pages with an action get every hostile form, from a shopper with a full cart; the others must only
        // refuse the post.
        for (const form of hasAction ? hostileForms : hostileForms.slice(0, 3)) {
          const headers = { ...same, 'content-type': 'application/x-www-form-urlencoded' };
          const payload = form
            .replace('IDEMPOTENCY', `web-fuzz-attempt-${checkouts++}`)
            .replace('VARIANT', fixture.variantId);
          await send(
            `POST ${base} form ${form.slice(0, 60)}`,
            { method: 'POST', url: base, headers, payload },
            'shopper',
          );
        }
        const data = `${base === '/' ? '/_root' : base}.data`;
        // Pages without an action refuse every post the same way: a few bodies prove it.
        for (const [type, raw] of hasAction ? wrongBodies : wrongBodies.slice(0, 3)) {
          for (const [url, cookie] of [
            [base, ''],
            [data, ''],
            [`${base}?index`, ''],
            [base, 'ac_cart=%00; ac_staff=\u00ff'],
          ]) {
            const headers = { ...same, cookie, 'content-type': type };
            await send(`POST ${url} as ${type}`, { method: 'POST', url, headers, payload: raw });
          }
          for (const as of ['shopper', 'staff'] as const) {
            const headers = { ...same, 'content-type': type };
            await send(
              `POST ${base} as ${type} (${as})`,
              { method: 'POST', url: base, headers, payload: raw },
              as,
            );
          }
        }
      }
      assertNoServerErrors(failures.slice(before));
    });
  });
}

const validAddress = {
  name: 'Ada Fuzz',
  line1: '1 Main Street',
  line2: 'Flat 2',
  city: 'Springfield',
  postalCode: '62701',
  region: 'IL',
  country: 'US',
  phone: '+1 217 555 0100',
};

/**
 * A body each write accepts, to carry one hostile field at a time into the service (a body generated from
 * the schema fails at its first pattern, and the hostile field would never reach the database).
 */
const validBodies: Record<string, Json> = {
  'POST /api/cart/lines': { variantId: '{variantId}', quantity: 1 },
  'PATCH /api/cart/lines/{variantId}': { quantity: 2 },
  'POST /api/checkout': {
    email: 'fuzz@example.com',
    shippingAddress: validAddress,
    shippingMethod: 'post',
    payment: { method: 'bank_transfer' },
  },
  'POST /api/orders/lookup': { reference: 'AC-26-00001', email: 'fuzz@example.com' },
  'POST /api/test-processor/tokens': {
    cardNumber: '4242 4242 4242 4242',
    expMonth: 12,
    expYear: 2040,
    cvc: '123',
  },
  'POST /api/staff/session': { email: 'nobody@example.com', password: 'not the password' },
  'POST /api/admin/products': {
    name: 'Fuzz phone',
    brand: 'Fuzz',
    category: 'smartphone',
    summary: 'A phone for fuzzing',
    description: 'Line one.\nLine two.',
    status: 'draft',
    specialWarranty: true,
    specialWarrantyTerms: 'Two years',
    variants: [{ sku: 'FUZZ-1', name: '128 GB', colour: 'black', storageGb: 128, priceCents: 100, stock: 1 }],
    images: [{ url: '/media/fuzz.png', alt: 'Fuzz phone' }],
  },
  'PATCH /api/admin/products/{id}': { name: 'Fuzzed name', summary: 'Fuzzed summary' },
  'PUT /api/admin/products/{id}/variants': {
    variants: [{ sku: 'FUZZ-2', name: '256 GB', colour: null, storageGb: 256, priceCents: 200, stock: 2 }],
  },
  'PATCH /api/admin/variants/{id}/stock': { adjust: 1 },
  'POST /api/admin/products/{id}/images': { url: 'https://images.example.com/a.png', alt: 'Front' },
  'POST /api/admin/orders/{id}/ship': {
    carrier: 'UPS',
    trackingNumber: '1Z999',
    shippedAt: '2026-01-15T10:00:00Z',
  },
  'POST /api/admin/orders/{id}/deliver': { deliveredAt: '2026-01-16T10:00:00Z' },
  'POST /api/admin/orders/{id}/cancel': { reason: 'Customer asked.\nRefund by transfer.' },
  'POST /api/admin/mail/retry': { ids: [SOME_UUID] },
  'PUT /api/admin/settings/shop': {
    name: 'Fuzz shop',
    tagline: 'Fuzzing since today',
    primaryColor: '#0f766e',
    logoUrl: '/media/logo.png',
    social: [{ network: 'instagram', url: 'https://instagram.com/fuzz' }],
  },
};

/** Bodies that are not what a route reads: wrong content types, broken JSON, broken multipart. */
const wrongBodies: Array<[string, string]> = [
  ['application/json', '{"broken": '],
  ['application/json', '{"a":"\\ud800","b":"\\u0000"}'],
  ['text/plain', 'just text\u0000'],
  ['application/xml', '<a>1</a>'],
  ['application/x-www-form-urlencoded', 'a=%ZZ&b=%00&c'],
  ['multipart/form-data', '--x\r\nnot really multipart'],
  ['multipart/form-data; boundary=x', '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\nunterminated'],
  ['multipart/form-data; boundary=x', '--x--\r\n'],
  ['application/octet-stream', '\u0000\u0001\u0002'],
  ['', 'no type'],
];

/** The forms the pages read, with every field set to hostile text in turn. */
const formFields = [
  'intent',
  'variantId',
  'quantity',
  'email',
  'reference',
  'idempotencyKey',
  'payment.method',
  'payment.token',
  'shippingMethod',
  'shippingAddress.name',
  'shippingAddress.line1',
  'shippingAddress.line2',
  'shippingAddress.city',
  'shippingAddress.postalCode',
  'shippingAddress.region',
  'shippingAddress.country',
  'shippingAddress.phone',
  'password',
];
const validForm: Record<string, string> = {
  intent: 'update',
  variantId: 'VARIANT',
  quantity: '1',
  email: 'fuzz@example.com',
  reference: 'AC-26-00001',
  idempotencyKey: 'IDEMPOTENCY',
  'payment.method': 'bank_transfer',
  shippingMethod: 'post',
  'shippingAddress.name': 'Ada Fuzz',
  'shippingAddress.line1': '1 Main St',
  'shippingAddress.city': 'Springfield',
  'shippingAddress.postalCode': '12345',
  'shippingAddress.country': 'US',
};
const hostileForms: string[] = [
  '',
  '%ZZ=%',
  new URLSearchParams(validForm).toString(),
  ...formFields.flatMap((field) =>
    ['a\u0000b', '\u0001\u001f', 'x'.repeat(100_000), '99999999999', '-1'].map((value) =>
      new URLSearchParams({ ...validForm, [field]: value }).toString(),
    ),
  ),
];

interface RouteEntry {
  file: string;
  path?: string;
  index?: boolean;
  children?: RouteEntry[];
}

/** Every page address in the route config (its parameters left as `:name`) and whether it has an action. */
function pagePaths(entries: RouteEntry[], parent = ''): Array<{ path: string; hasAction: boolean }> {
  return entries.flatMap((entry) => {
    const here = entry.path ? `${parent}/${entry.path}`.replace(/\/+/g, '/') : parent || '/';
    const source = readFileSync(join(projectRoot, 'web', 'app', entry.file), 'utf8');
    const page = { path: here, hasAction: /export (async )?function action\b/.test(source) };
    return [...(entry.index || entry.path ? [page] : []), ...pagePaths(entry.children ?? [], here)];
  });
}
