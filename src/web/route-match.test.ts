import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createRouteMatcher, type RouteManifestSource } from './route-match.ts';

/** A manifest shaped like the build's: root, a page, a layout with an index and a child, a catch-all. */
function manifest(future: Record<string, boolean>): RouteManifestSource {
  const route = (id: string, parentId: string | undefined, path?: string, index?: boolean) => ({
    id,
    parentId,
    path,
    index,
    caseSensitive: undefined,
    module: {} as never,
  });
  return {
    basename: '/',
    future: future as never,
    routes: {
      root: route('root', undefined, ''),
      'routes/orders.lookup': route('routes/orders.lookup', 'root', 'orders/lookup'),
      'routes/admin/layout': route('routes/admin/layout', 'root', 'admin'),
      'routes/admin/dashboard': route('routes/admin/dashboard', 'routes/admin/layout', undefined, true),
      'routes/admin/settings': route('routes/admin/settings', 'routes/admin/layout', 'settings'),
      'routes/not-found': route('routes/not-found', 'root', '*'),
    },
  };
}

const leaf = (ids: readonly string[]) => ids.at(-1);

describe('the route React Router runs for a URL', () => {
  for (const trailingSlashAware of [true, false]) {
    it(`is found however the path is spelled (v8_trailingSlashAwareDataRequests: ${trailingSlashAware})`, () => {
      const match = createRouteMatcher(manifest({ v8_trailingSlashAwareDataRequests: trailingSlashAware }));
      const at = (path: string) => leaf(match(new URL(path, 'https://shop.test')));
      for (const path of [
        '/orders/lookup',
        '/orders/lookup/',
        '/ORDERS/Lookup',
        '/orders/lookup.data',
        '/orders/lookup/.data',
        '/%6Frders/%6Cookup',
        '/orders/x/../lookup',
        '/./orders/lookup?index',
      ]) {
        assert.equal(at(path), 'routes/orders.lookup', path);
      }
      assert.equal(at('/orders//lookup'), 'routes/not-found');
      assert.equal(at('/orders/lookup;x'), 'routes/not-found');
      assert.deepEqual(match(new URL('https://shop.test/Admin/')), [
        'root',
        'routes/admin/layout',
        'routes/admin/dashboard',
      ]);
      assert.equal(at('/admin/settings.data'), 'routes/admin/settings');
      // The same answer again, from the cache.
      assert.equal(at('/ORDERS/Lookup'), 'routes/orders.lookup');
    });
  }
});
