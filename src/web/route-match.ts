/**
 * Which storefront route React Router will run for a URL, found the way its request handler finds it: the
 * single-fetch `.data` suffix stripped as the server runtime strips it, then React Router's own
 * `matchRoutes` over the build's route manifest (case-insensitive, trailing slash, `.`/`..` and
 * percent-encoding all resolved by the URL parser and the matcher, not by us). Policies that belong to a
 * page (its rate limit, whether its answers may be cached) are keyed on the route id this returns, never on
 * the spelling of the path, so `/Orders/Lookup/`, `/orders/lookup.data` and `/%6Frders/lookup` are one page.
 */
import { matchRoutes, type RouteObject, type ServerBuild } from 'react-router';

/** The parts of a server build the matcher reads. */
export type RouteManifestSource = Pick<ServerBuild, 'routes' | 'basename' | 'future'>;

/**
 * Route ids from the root to the deepest match for `url` (an absolute URL as handed to React Router), e.g.
 * `['root', 'routes/orders.lookup']`; an empty array when nothing matches (not even the catch-all).
 */
export type RouteMatcher = (url: URL) => readonly string[];

/** Recent answers kept per matcher: `matchRoutes` ranks every branch on each call (about 0.2 ms here). */
const CACHE_SIZE = 1_000;

/** Builds the matcher once per build; answers for recent paths come from a small bounded cache. */
export function createRouteMatcher(build: RouteManifestSource): RouteMatcher {
  type ManifestRoute = NonNullable<ServerBuild['routes'][string]>;
  const byParent = new Map<string, ManifestRoute[]>();
  for (const route of Object.values(build.routes)) {
    if (!route) continue;
    const parent = route.parentId ?? '';
    byParent.set(parent, [...(byParent.get(parent) ?? []), route]);
  }
  const tree = (parentId: string): RouteObject[] =>
    (byParent.get(parentId) ?? []).map((r) =>
      r.index
        ? { id: r.id, index: true, caseSensitive: r.caseSensitive }
        : { id: r.id, path: r.path, caseSensitive: r.caseSensitive, children: tree(r.id) },
    );
  const routes = tree('');
  const basename = build.basename || '/';
  const trailingSlashAware = Boolean(
    (build.future as { v8_trailingSlashAwareDataRequests?: boolean } | undefined)
      ?.v8_trailingSlashAwareDataRequests,
  );
  const recent = new Map<string, readonly string[]>();
  return (url) => {
    const path = normalizedPath(url.pathname, basename, trailingSlashAware);
    let ids = recent.get(path);
    if (!ids) {
      ids = (matchRoutes(routes, path, basename) ?? []).map((m) => m.route.id as string);
      // Addresses are chosen by clients: forget everything rather than grow without bound.
      if (recent.size >= CACHE_SIZE) recent.clear();
      recent.set(path, ids);
    }
    return ids;
  };
}

/** React Router's getNormalizedPath (server-runtime/urls.ts): what its handler matches a request on. */
function normalizedPath(pathname: string, basename: string, trailingSlashAware: boolean): string {
  if (trailingSlashAware) {
    return pathname.endsWith('/_.data') ? pathname.replace(/_\.data$/, '') : pathname.replace(/\.data$/, '');
  }
  const base = basename.replace(/\/$/, '');
  let path = pathname;
  if (path === `${base}/_root.data`) path = basename;
  else if (path.endsWith('.data')) path = path.replace(/\.data$/, '');
  if (path !== `${base}/` && path !== basename && path.endsWith('/')) path = path.slice(0, -1);
  return path;
}
