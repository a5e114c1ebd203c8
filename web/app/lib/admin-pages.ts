/**
 * Who may open which back-office page (PV-STF-1): the roles whose API answers what the page needs. The
 * layout's loader answers a signed-in member without the role a 403 page instead of a page whose every request
 * fails, the layout shows the same refusal on client-side navigation, and the navigation shows only the links
 * a member may follow. Every page under /admin in web/app/routes.ts has an entry (the authorization matrix test
 * fails otherwise). Shared with the browser: no server code here.
 */

export type StaffRole = 'owner' | 'customer_service' | 'technician';

const ALL: readonly StaffRole[] = ['owner', 'customer_service', 'technician'];
/** Customers' questions and the security events: customer service and the owner. */
const CS: readonly StaffRole[] = ['owner', 'customer_service'];
const OWNER: readonly StaffRole[] = ['owner'];

/** Page path (React Router pattern) → the roles that may open it, or 'public' (no staff session needed). */
export const adminPages: Readonly<Record<string, readonly StaffRole[] | 'public'>> = {
  '/admin': ALL,
  '/admin/sign-in': 'public',
  // The invitee's page: outside the layout, before any session.
  '/admin/invitation': 'public',
  '/admin/orders': ALL,
  '/admin/orders/:id': ALL,
  '/admin/cases': ALL,
  '/admin/cases/:id': ALL,
  '/admin/questions': CS,
  '/admin/policy/playground': ALL,
  '/admin/products': ALL,
  '/admin/products/new': ALL,
  '/admin/products/:id': ALL,
  // PV-STF-1: every customer's emails: the owner's, and a technician's under an all-customers maintenance grant.
  '/admin/mail': ['owner', 'technician'],
  '/admin/mail/:id': ['owner', 'technician'],
  // Everyone reads the settings; only the owner's form saves (the page says so).
  '/admin/settings': ALL,
  '/admin/policy': ALL,
  '/admin/numbers': OWNER,
  '/admin/account': ALL,
  '/admin/security-events': CS,
  '/admin/staff': OWNER,
  '/admin/jobs': OWNER,
  // PV-STF-1: the owner gives maintenance access; a technician reads their own grants there.
  '/admin/maintenance-access': ['owner', 'technician'],
  '/admin/audit-log': OWNER,
  // PV-USE-1: campaigns are the owner's; no page lists subscribers (PV-USE-2).
  '/admin/newsletter': OWNER,
};

/** The pattern of `adminPages` that `pathname` opens (a literal segment before a parameter), or null. */
export function adminPageOf(pathname: string): string | null {
  const path =
    pathname
      .replace(/\.data$/, '')
      .replace(/\/+$/, '')
      .toLowerCase() || '/';
  const segments = path.split('/');
  let best: { pattern: string; params: number } | null = null;
  for (const pattern of Object.keys(adminPages)) {
    const parts = pattern.split('/');
    if (parts.length !== segments.length) continue;
    if (!parts.every((p, i) => p.startsWith(':') || p === segments[i])) continue;
    const params = parts.filter((p) => p.startsWith(':')).length;
    if (!best || params < best.params) best = { pattern, params };
  }
  return best?.pattern ?? null;
}

/** The roles that may open the page at `pathname`; an address no page has is left to the not-found page. */
export function pageRoles(pathname: string): readonly StaffRole[] | 'public' {
  const pattern = adminPageOf(pathname);
  return pattern ? (adminPages[pattern] ?? 'public') : 'public';
}

/** Whether a member of `role` may open the page at `pathname` (PV-STF-1). */
export function mayOpenPage(pathname: string, role: StaffRole): boolean {
  const roles = pageRoles(pathname);
  return roles === 'public' || roles.includes(role);
}
