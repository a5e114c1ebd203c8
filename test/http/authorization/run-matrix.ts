/**
 * Runs the authorization matrix (PV-STF-1, PV-STF-2) against a test app: one test per route, each requesting
 * it as every principal and reporting every cell that answered otherwise. The refused cells go first, so an
 * allowed cell of a destructive route (a throw-away target) cannot make a refusal look right by accident.
 */

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { RouteConfigEntry } from '@react-router/dev/routes';
import { routeTable } from '../../../src/server.ts';
import { adminPages } from '../../../web/app/lib/admin-pages.ts';
import routes from '../../../web/app/routes.ts';
import { startTestApp, type TestApp } from '../../helpers/app.ts';
import { multipart, pngImage } from '../../helpers/evidence-fixtures.ts';
import {
  apiMatrix,
  builtFile,
  type Entry,
  type Expect,
  expectedFor,
  expectedPageStatus,
  type Fixtures,
  mustFind,
  principals,
} from './matrix.ts';
import { type MatrixWorld, matrixWorld } from './principals.ts';

/** `METHOD /path` of a route-table row. */
export const routeKey = (r: { method: string; url: string }) => `${r.method} ${r.url}`;

/** Every page path of web/app/routes.ts (`/admin/orders/:id`), index routes under their parent's path. */
export function pagePaths(entries: readonly RouteConfigEntry[] = routes, prefix = ''): string[] {
  const out: string[] = [];
  for (const e of entries) {
    const path = e.index ? prefix || '/' : `${prefix}/${e.path ?? ''}`.replace(/\/+$/, '');
    if (e.children) out.push(...pagePaths(e.children, path));
    else out.push(path || '/');
  }
  return out;
}

/** The back-office pages: /admin and below. */
export function adminPagePaths(): string[] {
  return pagePaths().filter((p) => p === '/admin' || p.startsWith('/admin/'));
}

function fill(pattern: string, f: Fixtures): string {
  const values: Record<string, string> = {
    '/admin/orders/:id': `/admin/orders/${f.orderId}`,
    '/admin/cases/:id': `/admin/cases/${f.caseId}`,
    '/admin/products/:id': `/admin/products/${f.productId}`,
    '/admin/mail/:id': `/admin/mail/${f.mailId}`,
  };
  const url = values[pattern] ?? pattern;
  assert.ok(!url.includes(':'), `no fixture for the page ${pattern}: add it to fill() in run-matrix.ts`);
  return url;
}

function describeCell(expect: Expect, status: number, entry: Entry): string | null {
  if (typeof expect === 'number') return status === expect ? null : `expected ${expect}, got ${status}`;
  if (status === 401 || status === 403) return `expected allowed, got ${status}`;
  if (status === 404 && mustFind(entry)) return 'expected allowed (the record exists), got 404';
  if (status >= 500) return `expected allowed, got ${status}`;
  return null;
}

async function requestBody(
  t: TestApp,
  method: string,
  path: string,
  entry: Entry,
  world: MatrixWorld,
  cookie: string,
): Promise<{ headers: Record<string, string>; payload?: object | Buffer }> {
  const headers: Record<string, string> = { ...entry.headers?.(), ...(cookie ? { cookie } : {}) };
  if (entry.upload) {
    const form = multipart([
      { name: 'kind', value: 'item_media' },
      { name: 'file', value: await pngImage(), filename: 'matrix.png', type: 'image/png' },
    ]);
    return { headers: { ...headers, ...form.headers }, payload: form.payload };
  }
  const body = entry.body?.(world.fixtures);
  if (body) return { headers, payload: body };
  // An empty object where the route takes a body (its 400 proves the guard let the request through); none
  // where it takes none, which refuses a stray body before looking at the record.
  const takesBody = routeTable(t.app).some((r) => r.method === method && r.url === path && r.hasBody);
  return takesBody ? { headers, payload: {} } : { headers };
}

async function checkRoute(t: TestApp, world: MatrixWorld, key: string, entry: Entry): Promise<void> {
  const [method, path] = key.split(' ') as [string, string];
  const url = entry.url ? entry.url(world.fixtures) : path;
  assert.ok(!/\/:[a-z]/i.test(url), `${key}: the path has parameters, give the entry a url`);
  const cells = principals
    .map((p) => ({ principal: p, expect: entry.overrides?.[p] ?? expectedFor(entry.access, p) }))
    .sort((a, b) => Number(a.expect === 'allowed') - Number(b.expect === 'allowed'));
  const failures: string[] = [];
  for (const { principal, expect } of cells) {
    if (expect === 'allowed' && entry.probe === false) continue;
    const cookie = world.cookies[principal];
    const res = await t.app.inject({
      method: method as 'GET',
      url,
      ...(await requestBody(t, method, path, entry, world, cookie)),
    });
    const problem = describeCell(expect, res.statusCode, entry);
    if (problem) failures.push(`${principal}: ${problem} (${res.body.slice(0, 160)})`);
  }
  assert.deepEqual(failures, [], `${key} (${url}):\n  ${failures.join('\n  ')}`);
}

/** The matrix's API rows whose key `select` keeps, one test each, on a fresh app and principals. */
export function apiMatrixSuite(title: string, select: (key: string) => boolean): void {
  describe(title, () => {
    let t: TestApp;
    let world: MatrixWorld;
    before(async () => {
      t = await startTestApp();
      world = await matrixWorld(t);
    });
    after(() => t?.close());

    // The built files are matched by shape (`isBuiltFile`): one of them stands for all.
    const rows: Array<[string, Entry]> = [...Object.entries(apiMatrix), ['GET /favicon.svg', builtFile]];
    for (const [key, entry] of rows.filter(([k]) => select(k))) {
      it(`PV-STF-1, PV-STF-2: ${key} answers each principal as its access class says (${entry.access.kind})`, async () => {
        await checkRoute(t, world, key, entry);
      });
    }
  });
}

function pageProblem(expected: Expect, status: number, body: string): string | null {
  if (expected === 'allowed') {
    // A public page may still say 404 (an invitation link that opens nothing); never a refusal or a failure.
    return status === 401 || status === 403 || status >= 500 ? `expected allowed, got ${status}` : null;
  }
  if (status !== expected) return `expected ${expected}, got ${status}`;
  // The refusal says why before the scripts run.
  if (expected === 403 && !body.includes('Not part of your role')) return 'a 403 without the reason';
  return null;
}

/** The back-office pages of `adminPages` as every principal (the web bundle must be built). */
export function pageMatrixSuite(title: string): void {
  describe(title, () => {
    let t: TestApp;
    let world: MatrixWorld;
    before(async () => {
      t = await startTestApp();
      world = await matrixWorld(t);
    });
    after(() => t?.close());

    for (const pattern of adminPagePaths()) {
      it(`PV-STF-1, PV-STF-2: the page ${pattern} answers each principal as admin-pages.ts says`, async () => {
        const allowed = adminPages[pattern];
        assert.ok(allowed, `${pattern} has no entry in web/app/lib/admin-pages.ts`);
        const url = fill(pattern, world.fixtures);
        const failures: string[] = [];
        for (const principal of principals) {
          const expected = expectedPageStatus(allowed, principal);
          const cookie = world.cookies[principal];
          const res = await t.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });
          const problem = pageProblem(expected, res.statusCode, res.body);
          if (problem) failures.push(`${principal}: ${problem}`);
        }
        assert.deepEqual(failures, [], `${url}:\n  ${failures.join('\n  ')}`);
      });
    }
  });
}
