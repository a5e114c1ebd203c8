/**
 * The authorization matrix covers the app (PV-STF-1, PV-STF-2): every route the app registers and every
 * back-office page of web/app/routes.ts has an entry, and no entry names a route or page that does not exist,
 * so the table stays true as routes come and go. The cells themselves: authorization-*.test.ts.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { routeTable } from '../../src/server.ts';
import { adminPages } from '../../web/app/lib/admin-pages.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { apiMatrix, builtFile, entryOf } from './authorization/matrix.ts';
import { adminPagePaths, routeKey } from './authorization/run-matrix.ts';

describe('the authorization matrix covers every route and page (PV-STF-1, PV-STF-2)', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(() => t?.close());

  it('PV-STF-1: every route of the app has a matrix entry (a new route without one fails here)', () => {
    const missing = [...new Set(routeTable(t.app).map(routeKey))].filter((k) => !entryOf(k));
    assert.deepEqual(missing, [], 'add these to test/http/authorization/matrix.ts');
  });

  it('PV-STF-1: every matrix entry names a route the app has', () => {
    const existing = new Set(routeTable(t.app).map(routeKey));
    assert.ok(existing.size > 100, `the route table holds ${existing.size} routes`);
    const stale = Object.keys(apiMatrix).filter((k) => !existing.has(k));
    assert.deepEqual(stale, [], 'these entries name no route: remove or rename them');
  });

  it('PV-STF-1: the built storefront files are matched by shape, API routes never', () => {
    assert.equal(entryOf('GET /assets/AccountNav-BXnL22bX.js'), builtFile);
    assert.equal(entryOf('GET /favicon.svg'), builtFile);
    assert.equal(
      entryOf('GET /api/admin/after-sales/numbers.csv'),
      apiMatrix['GET /api/admin/after-sales/numbers.csv'],
    );
    assert.equal(entryOf('GET /api/new-report.csv'), undefined);
  });

  it('PV-STF-1: every back-office page of web/app/routes.ts has an access entry, and every entry is a page', () => {
    const pages = adminPagePaths();
    assert.ok(pages.includes('/admin/cases/:id'), pages.join(', '));
    assert.deepEqual(
      pages.filter((p) => !(p in adminPages)),
      [],
      'add these to web/app/lib/admin-pages.ts',
    );
    assert.deepEqual(
      Object.keys(adminPages).filter((p) => !pages.includes(p)),
      [],
      'these admin-pages.ts entries name no page',
    );
  });
});
