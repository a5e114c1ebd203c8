/**
 * What each storefront page may do, keyed on React Router route ids (see route-match.ts), never on paths:
 * a policy follows the page however its address is spelled.
 */

/**
 * Pages whose actions are worth guessing at, with their share of RATE_LIMIT_PER_MINUTE (see
 * sensitiveRouteLimit): the same limits as their JSON twins (POST /api/checkout, /api/orders/lookup), so a
 * form is no way around them. Every write method counts (React Router runs the action for POST, PUT, PATCH
 * and DELETE alike).
 */
export const pageActionLimitShares: Readonly<Record<string, number>> = Object.freeze({
  'routes/checkout': 20,
  'routes/orders.lookup': 30,
});

/**
 * Account pages whose actions take a password or send an email (PV-ACC-2's per-IP throttling against
 * password spraying): CUSTOMER_AUTH_PER_MINUTE per address and page, the budget of their JSON twins under
 * /api/account, so the forms are no way around it.
 */
export const accountActionRoutes: ReadonlySet<string> = new Set([
  // PV-STF-2: the staff invitation's page takes the link's token and a new password, as its JSON twin
  // POST /api/staff/invitation/acceptance (10 a minute per address).
  'routes/admin/invitation',
  'routes/account.sign-in',
  'routes/account.sign-up',
  'routes/account.forgot',
  'routes/account.reset',
  'routes/account.verify',
  'routes/account.email',
  'routes/account.profile',
  'routes/account.security',
  'routes/account.data',
  // PV-USE-1: the newsletter's sign-up sends an email and its confirmation takes a token, as their JSON twins.
  'routes/newsletter',
  'routes/newsletter.confirm',
]);

/**
 * Pages that show personal data (a cart, an order, an address, anything in the back office): their answers,
 * HTML or `.data`, are sent with `Cache-Control: no-store` so no browser or proxy keeps them.
 */
const personalRoutes = new Set([
  'routes/cart',
  'routes/checkout',
  'routes/orders.lookup',
  'routes/orders.view',
  // Issue 10: a claim and a case, behind the order's signed link.
  'routes/orders.claim',
  'routes/orders.case',
  // PV-USE-1: pages opened from an email's link, with its token in the address.
  'routes/newsletter.confirm',
  'routes/newsletter.unsubscribe',
]);

/** True when any route of the match (root to leaf) shows personal data. */
export function isPersonalPage(routeIds: readonly string[]): boolean {
  return routeIds.some(
    (id) => personalRoutes.has(id) || id.startsWith('routes/admin/') || isAccountRoute(id),
  );
}

/** Every page under /account: a customer's details, sessions, or a form that takes a password or a token. */
function isAccountRoute(id: string): boolean {
  return id === 'routes/account' || id.startsWith('routes/account.');
}

/** The limited page whose action a write to these routes runs, or null when none is limited. */
export function limitedPageAction(method: string, routeIds: readonly string[]): string | null {
  if (method === 'GET' || method === 'HEAD') return null;
  return routeIds.find((id) => id in pageActionLimitShares || accountActionRoutes.has(id)) ?? null;
}
