/**
 * The authorization matrix (PV-STF-1, PV-STF-2): one entry per route of the app, `METHOD /path` exactly as the
 * router registered it (src/server.ts `routeTable`), naming the route's ACCESS CLASS; the expected answer for
 * each principal follows from the class (`expectedFor`), with `overrides` where a route differs. The test
 * (matrix-*.test.ts) fails when a route has no entry, and when an entry names a route that does not exist.
 *
 * Adding a route: add `'METHOD /path': { access: …, url: (f) => … }` below (url only when the path has
 * parameters: fill them from the fixtures). A destructive route whose allowed principals would break the
 * fixtures gets a throw-away target or `probe: false` with the reason; its refused cells are still checked.
 */
import type { StaffPrincipal } from '../../../src/accounts/staff.service.ts';

export type Role = StaffPrincipal['role'];

export const principals = [
  'anonymous',
  'customerA',
  'customerB',
  'assignedCS',
  'unassignedCS',
  'technician',
  'maintenanceTech',
  'owner',
  'deactivated',
] as const;
export type Principal = (typeof principals)[number];

/** The role each staff principal has (the deactivated member was customer service). */
export const staffRoles: Partial<Record<Principal, Role>> = {
  assignedCS: 'customer_service',
  unassignedCS: 'customer_service',
  technician: 'technician',
  maintenanceTech: 'technician',
  owner: 'owner',
};

/**
 * What a record-scoped staff route serves: a case's or order's details (a technician gets them masked), or
 * its evidence files and message texts (a technician without a grant gets a 404: nothing of them is masked).
 */
export type RecordKind = 'case' | 'order' | 'evidence' | 'messages';

export type Access =
  /** Anyone: the storefront, sign-in forms, the order's signed link (the token is the capability). */
  | { kind: 'public' }
  /** A customer session (the account's pages): everyone else 401. */
  | { kind: 'customer' }
  /** One of customer A's records: A allowed, B 404 (a 403 would tell it exists), everyone else 401. */
  | { kind: 'customer-record' }
  /** A staff session, even before the owner's authenticator and the agreement (sign-out, enrolment, …). */
  | { kind: 'staff-setup' }
  /** Any staff (or only `roles`: others 403). */
  | { kind: 'staff'; roles?: readonly Role[] }
  /** One customer's case/order (PV-STF-1): the fixture is assigned to assigned CS; see `expectedFor`. */
  | { kind: 'staff-record'; record: RecordKind; roles?: readonly Role[] };

/** 'allowed': anything but 401/403 (and 404 when `found`); a number: exactly that status. */
export type Expect = 'allowed' | number;

export interface Entry {
  access: Access;
  /** The address to request, from the fixtures (default: the route's path, which has no parameters). */
  url?: (f: Fixtures) => string;
  /** The request's JSON body (default `{}` for POST, PUT and PATCH): valid where a 400 would hide the check. */
  body?: (f: Fixtures) => object;
  /** Extra request headers (an Idempotency-Key: a new one per request). */
  headers?: () => Record<string, string>;
  /** Send a small PNG as an evidence upload (multipart) instead of a JSON body. */
  upload?: boolean;
  /** The URL names a real record: an allowed 404 fails too (default: true for record classes). */
  found?: boolean;
  /** False: allowed cells are not requested, because they would destroy what others need. */
  probe?: false;
  /** Why `probe: false`. */
  reason?: string;
  overrides?: Partial<Record<Principal, Expect>>;
}

/** What the URLs are made of: records of the fixture shop (test/http/authorization/principals.ts). */
export interface Fixtures {
  productSlug: string;
  productId: string;
  variantId: string;
  orderId: string;
  orderToken: string;
  caseId: string;
  caseReference: string;
  evidenceId: string;
  /** The signed address of one evidence file's thumbnail (`/api/evidence/:id/:variant?…`). */
  evidenceUrl: string;
  questionId: string;
  mailId: string;
  securityEventId: string;
  policyVersion: number;
  /** "Assigned CS": the fixture case (and, with order assignment, the order) is theirs. */
  assignedStaffId: string;
  /** A member the owner may deactivate and reset: nobody else needs them. */
  throwAwayMemberId: string;
  /** A's address that no request deletes, and one that DELETE may take. */
  addressId: string;
  throwAwayAddressId: string;
  /** A second session of A's, for DELETE /api/account/sessions/:id. */
  throwAwaySessionId: string;
  /** An id no record has. */
  unknownId: string;
}

const ALL_STAFF: readonly Role[] = ['owner', 'customer_service', 'technician'];
const CS: readonly Role[] = ['owner', 'customer_service'];
const OWNER: readonly Role[] = ['owner'];
const MAIL: readonly Role[] = ['owner', 'technician'];

const isStaff = (p: Principal) => staffRoles[p] !== undefined;

/**
 * The expected answer of `principal` on a route of `access` (PV-STF-1, PV-STF-2):
 * - anonymous, customers and the deactivated member's old cookie on staff routes: 401 (no staff session);
 * - staff on customer routes: 401 (a staff cookie is no customer session);
 * - staff without the route's role: 403;
 * - customer B on customer A's record: 404;
 * - record routes: assigned CS allowed; unassigned CS (the record is assigned to another member) 404;
 *   a technician gets case/order details masked (200) but 404 on evidence and message texts; a technician
 *   with maintenance access reads as the owner; the owner is allowed.
 */
export function expectedFor(access: Access, principal: Principal): Expect {
  switch (access.kind) {
    case 'public':
      return 'allowed';
    case 'customer':
      return principal === 'customerA' || principal === 'customerB' ? 'allowed' : 401;
    case 'customer-record':
      if (principal === 'customerA') return 'allowed';
      return principal === 'customerB' ? 404 : 401;
    case 'staff-setup':
      return isStaff(principal) ? 'allowed' : 401;
    case 'staff':
    case 'staff-record': {
      const role = staffRoles[principal];
      if (!role) return 401;
      if (!(access.roles ?? ALL_STAFF).includes(role)) return 403;
      if (access.kind === 'staff') return 'allowed';
      if (principal === 'unassignedCS') return 404;
      if (principal === 'technician') {
        return access.record === 'case' || access.record === 'order' ? 'allowed' : 404;
      }
      return 'allowed';
    }
  }
}

const recordClass = (a: Access) => a.kind === 'customer-record' || a.kind === 'staff-record';

/** Whether an allowed 404 fails the cell. */
export function mustFind(entry: Entry): boolean {
  return entry.found ?? recordClass(entry.access);
}

/** An address of customer A's (principals.ts makes two). */
export const customerAddress = {
  name: 'Carla Customer',
  line1: '12 St James Square',
  city: 'London',
  postalCode: 'SW1Y 4JH',
  country: 'GB',
};

const pub: Entry = { access: { kind: 'public' } };
const pubAt = (url: (f: Fixtures) => string, found = true): Entry => ({
  access: { kind: 'public' },
  url,
  found,
});
const customer: Entry = { access: { kind: 'customer' } };
const setUp: Entry = { access: { kind: 'staff-setup' } };
const staff = (roles?: readonly Role[], url?: (f: Fixtures) => string): Entry => ({
  access: roles ? { kind: 'staff', roles } : { kind: 'staff' },
  ...(url ? { url } : {}),
});
/**
 * A record route. Writes carry a valid body (`body`): the schema answers 400 before any service looks the record
 * up, which would hide both the visibility filter's 404 and a role's 403.
 */
const rec = (
  record: RecordKind,
  url: (f: Fixtures) => string,
  roles?: readonly Role[],
  body?: (f: Fixtures) => object,
): Entry => ({
  access: roles ? { kind: 'staff-record', record, roles } : { kind: 'staff-record', record },
  url,
  ...(body ? { body } : {}),
});

const idempotencyKey = () => ({ 'idempotency-key': crypto.randomUUID() });

const link = (f: Fixtures) => `/api/orders/by-link/${f.orderToken}`;
const caseLink = (f: Fixtures) => `${link(f)}/cases/${f.caseReference}`;
const adminCase = (f: Fixtures) => `/api/admin/cases/${f.caseId}`;
const adminOrder = (f: Fixtures) => `/api/admin/orders/${f.orderId}`;

/** Every API route (and the storefront's catch-all) of the app. */
export const apiMatrix: Record<string, Entry> = {
  // API docs and static files: public.
  'GET /api/docs': pub,
  'GET /api/docs/static/index.html': pub,
  'GET /api/docs/static/swagger-initializer.js': pub,
  'GET /api/docs/json': pub,
  'GET /api/docs/yaml': pub,
  'GET /api/docs/static/*': pubAt(() => '/api/docs/static/swagger-ui.css'),
  'GET /media/*': pubAt(() => '/media/no-such-file.png', false),
  'GET /media/uploads/*': pubAt(() => '/media/uploads/no-such-file.png', false),
  'GET /api/health': pub,

  // The storefront's API: public.
  'GET /api/products': pub,
  'GET /api/products/:slug': pubAt((f) => `/api/products/${f.productSlug}`),
  // PV-USE-1: double opt-in and unsubscribing are public (the token is the capability; an empty body is a 400);
  // a customer's own subscription is on their account.
  'POST /api/newsletter/subscriptions': pub,
  'POST /api/newsletter/confirmation': pub,
  'POST /api/newsletter/unsubscription': pub,
  'POST /newsletter/unsubscribe': pub,
  'GET /api/account/newsletter': customer,
  'PUT /api/account/newsletter': customer,
  // PV-COL-2: anyone may send one product to a friend (an empty body: 400, no email).
  'POST /api/products/:slug/email-a-friend': pubAt((f) => `/api/products/${f.productSlug}/email-a-friend`),
  'GET /api/cart': pub,
  'POST /api/cart/lines': pub,
  'PATCH /api/cart/lines/:variantId': pubAt((f) => `/api/cart/lines/${f.variantId}`, false),
  'DELETE /api/cart/lines/:variantId': pubAt((f) => `/api/cart/lines/${f.variantId}`, false),
  'GET /api/shipping-methods': pub,
  'POST /api/checkout': pub,
  'POST /api/orders/lookup': pub,
  'POST /api/test-processor/tokens': pub,
  // Signed by the processor instead of a session: without a signature everyone gets the same refusal.
  'POST /api/payments/webhooks/test-card': {
    access: { kind: 'public' },
    overrides: Object.fromEntries(principals.map((p) => [p, 401])),
  },

  // The order's signed link: the token is the customer's capability, whoever holds it.
  'GET /api/orders/by-link/:token': pubAt(link),
  'POST /api/orders/by-link/:token/claims/assess': pubAt((f) => `${link(f)}/claims/assess`),
  'POST /api/orders/by-link/:token/claims': pubAt((f) => `${link(f)}/claims`),
  'GET /api/orders/by-link/:token/cases': pubAt((f) => `${link(f)}/cases`),
  'POST /api/orders/by-link/:token/cases/:reference/actions': pubAt((f) => `${caseLink(f)}/actions`),
  'GET /api/orders/by-link/:token/cases/:reference/messages': pubAt((f) => `${caseLink(f)}/messages`),
  'POST /api/orders/by-link/:token/cases/:reference/messages': pubAt((f) => `${caseLink(f)}/messages`),
  'GET /api/orders/by-link/:token/questions/:id': pubAt((f) => `${link(f)}/questions/${f.questionId}`),
  'POST /api/orders/by-link/:token/questions': pubAt((f) => `${link(f)}/questions`),
  'GET /api/orders/by-link/:token/cases/:reference/evidence': pubAt((f) => `${caseLink(f)}/evidence`),
  'POST /api/orders/by-link/:token/cases/:reference/evidence': pubAt((f) => `${caseLink(f)}/evidence`),
  // An unknown file: removing the fixture's evidence would take it from the staff rows.
  'DELETE /api/orders/by-link/:token/cases/:reference/evidence/:evidenceId': pubAt(
    (f) => `${caseLink(f)}/evidence/${f.unknownId}`,
    false,
  ),
  // The short-lived signed address is the capability (the staff and customer lists hand it out).
  'GET /api/evidence/:id/:variant': pubAt((f) => f.evidenceUrl),

  // Staff sign-in: public forms; the session's own routes work before enrolment and the agreement.
  'POST /api/staff/session': pub,
  'POST /api/staff/session/second-factor': pub,
  'POST /api/staff/passkeys/sign-in/options': pub,
  'POST /api/staff/passkeys/sign-in': pub,
  'POST /api/staff/invitation/acceptance': pub,
  'GET /api/staff/session': setUp,
  'DELETE /api/staff/session': {
    ...setUp,
    probe: false,
    reason: 'signing out would end the session the other cells use (test/http/staff.test.ts signs out)',
  },
  'GET /api/staff/passkeys': setUp,
  'POST /api/staff/passkeys/registration/options': setUp,
  'POST /api/staff/passkeys/registration': setUp,
  'POST /api/staff/passkeys/:id/removal': {
    ...setUp,
    url: (f) => `/api/staff/passkeys/${f.unknownId}/removal`,
  },
  'GET /api/staff/second-factor': setUp,
  'POST /api/staff/second-factor/enrolment': setUp,
  'POST /api/staff/second-factor/confirmation': setUp,
  'POST /api/staff/second-factor/recovery-codes': setUp,
  'GET /api/staff/agreement': setUp,
  'POST /api/staff/agreement/acceptance': setUp,

  // Customer accounts.
  'POST /api/account/passkeys/sign-in/options': pub,
  'POST /api/account/passkeys/sign-in': pub,
  'POST /api/account/sign-up': pub,
  'POST /api/account/verify': pub,
  'POST /api/account/session': pub,
  'POST /api/account/password-reset': pub,
  'POST /api/account/password-reset/confirm': pub,
  'POST /api/account/email/confirm': pub,
  'GET /api/account/passkeys': customer,
  'POST /api/account/passkeys/registration/options': customer,
  'POST /api/account/passkeys/registration': customer,
  'POST /api/account/passkeys/:id/removal': {
    ...customer,
    url: (f) => `/api/account/passkeys/${f.unknownId}/removal`,
  },
  'GET /api/account/session': customer,
  'DELETE /api/account/session': {
    ...customer,
    probe: false,
    reason: 'signing out would end the customers’ sessions (test/http/customer-accounts.test.ts signs out)',
  },
  'GET /api/account': customer,
  'PATCH /api/account/profile': customer,
  'POST /api/account/password': customer,
  'POST /api/account/email': customer,
  'GET /api/account/sessions': customer,
  'DELETE /api/account/sessions/:id': {
    access: { kind: 'customer-record' },
    url: (f) => `/api/account/sessions/${f.throwAwaySessionId}`,
  },
  'GET /api/account/orders': customer,
  'GET /api/account/export': customer,
  'GET /api/account/deletion': customer,
  // Without the password in the body: a 400, never the deletion.
  'POST /api/account/deletion': customer,
  'GET /api/account/addresses': customer,
  'POST /api/account/addresses': customer,
  // A valid body: the schema answers 400 before the record is looked up.
  'PUT /api/account/addresses/:id': {
    access: { kind: 'customer-record' },
    url: (f) => `/api/account/addresses/${f.addressId}`,
    body: () => ({ address: customerAddress }),
  },
  'POST /api/account/addresses/:id/default': {
    access: { kind: 'customer-record' },
    url: (f) => `/api/account/addresses/${f.addressId}/default`,
  },
  'DELETE /api/account/addresses/:id': {
    access: { kind: 'customer-record' },
    url: (f) => `/api/account/addresses/${f.throwAwayAddressId}`,
  },

  // Back office: the catalogue (no personal data), any staff.
  'GET /api/admin/products': staff(),
  'GET /api/admin/products/:id': {
    ...staff(undefined, (f) => `/api/admin/products/${f.productId}`),
    found: true,
  },
  'POST /api/admin/products': staff(),
  'PATCH /api/admin/products/:id': staff(undefined, (f) => `/api/admin/products/${f.productId}`),
  'PUT /api/admin/products/:id/variants': staff(
    undefined,
    (f) => `/api/admin/products/${f.productId}/variants`,
  ),
  'PATCH /api/admin/variants/:id/stock': staff(undefined, (f) => `/api/admin/variants/${f.variantId}/stock`),
  'POST /api/admin/products/:id/images': staff(undefined, (f) => `/api/admin/products/${f.productId}/images`),
  'POST /api/admin/products/:id/images/upload': staff(
    undefined,
    (f) => `/api/admin/products/${f.productId}/images/upload`,
  ),
  'DELETE /api/admin/products/:id/images/:imageId': staff(
    undefined,
    (f) => `/api/admin/products/${f.productId}/images/${f.unknownId}`,
  ),

  // Orders: lists are filtered/masked per member; one order is a customer's record.
  'GET /api/admin/orders': staff(),
  'GET /api/admin/orders/:id': rec('order', adminOrder),
  // PV-STF-1: to the member who has it already (nothing changes for the other cells); technicians never assign.
  'POST /api/admin/orders/:id/assign': {
    ...rec(
      'order',
      (f) => `${adminOrder(f)}/assign`,
      undefined,
      (f) => ({
        staffId: f.assignedStaffId,
      }),
    ),
    overrides: { technician: 403, maintenanceTech: 403 },
  },
  'POST /api/admin/orders/:id/mark-paid': rec('order', (f) => `${adminOrder(f)}/mark-paid`),
  // The fixture order is delivered: ship, deliver and cancel answer 409 to whoever may touch it.
  'POST /api/admin/orders/:id/ship': rec(
    'order',
    (f) => `${adminOrder(f)}/ship`,
    undefined,
    () => ({
      carrier: 'UPS',
      trackingNumber: '1Z999',
    }),
  ),
  'POST /api/admin/orders/:id/deliver': rec('order', (f) => `${adminOrder(f)}/deliver`),
  'POST /api/admin/orders/:id/complete': rec('order', (f) => `${adminOrder(f)}/complete`),
  'POST /api/admin/orders/:id/cancel': rec(
    'order',
    (f) => `${adminOrder(f)}/cancel`,
    undefined,
    () => ({
      reason: 'authorization matrix',
    }),
  ),
  // No refund on the fixture order: an allowed member reaches the refund lookup (404), others are refused.
  'POST /api/admin/orders/:id/refunds/:refundId/retry': {
    ...rec('order', (f) => `${adminOrder(f)}/refunds/${f.unknownId}/retry`),
    found: false,
  },
  'POST /api/admin/orders/:id/refunds/:refundId/transfer': {
    ...rec(
      'order',
      (f) => `${adminOrder(f)}/refunds/${f.unknownId}/transfer`,
      undefined,
      () => ({
        reference: 'MATRIX-1',
      }),
    ),
    found: false,
  },

  // The after-sales policy: any staff reads and tries it; only the owner publishes a version.
  'GET /api/admin/policy/versions': staff(),
  'GET /api/admin/policy/versions/compare': staff(),
  'GET /api/admin/policy/versions/:version': {
    ...staff(undefined, (f) => `/api/admin/policy/versions/${f.policyVersion}`),
    found: true,
  },
  'POST /api/admin/policy/versions/preview': staff(),
  'POST /api/admin/policy/versions': staff(OWNER),
  'POST /api/admin/policy/assess': staff(),
  'GET /api/admin/policy/assess/from-order': staff(),

  // Cases.
  'GET /api/admin/cases': staff(),
  'GET /api/admin/cases/deadlines': staff(),
  'GET /api/admin/cases/:id': rec('case', adminCase),
  // The case waits for evidence: receiving a parcel is a 409 for whoever may act on it (the workshop too).
  'POST /api/admin/cases/:id/actions': rec(
    'case',
    (f) => `${adminCase(f)}/actions`,
    undefined,
    () => ({
      action: 'receive_parcel',
    }),
  ),
  // To the member who has it already: nothing changes for the other cells.
  'POST /api/admin/cases/:id/assign': {
    ...rec(
      'case',
      (f) => `${adminCase(f)}/assign`,
      undefined,
      (f) => ({
        staffId: f.assignedStaffId,
      }),
    ),
    overrides: { technician: 403, maintenanceTech: 403 },
  },
  'GET /api/admin/cases/:id/messages': rec('messages', (f) => `${adminCase(f)}/messages`),
  'POST /api/admin/cases/:id/messages': rec(
    'messages',
    (f) => `${adminCase(f)}/messages`,
    undefined,
    () => ({
      body: 'A message from the authorization matrix.',
    }),
  ),
  'GET /api/admin/cases/:id/evidence': rec('evidence', (f) => `${adminCase(f)}/evidence`),
  'POST /api/admin/cases/:id/evidence': {
    ...rec('evidence', (f) => `${adminCase(f)}/evidence`),
    upload: true,
  },
  // An unknown file of the fixture case: removing the real one would take it from the other cells.
  'DELETE /api/admin/cases/:id/evidence/:evidenceId': {
    ...rec(
      'evidence',
      (f) => `${adminCase(f)}/evidence/${f.unknownId}`,
      CS,
      () => ({ reason: 'A wrong upload, removed by the authorization matrix' }),
    ),
    found: false,
    // The case's evidence is hidden from a technician without a grant before the role is asked: 404.
    overrides: { technician: 404 },
  },
  'GET /api/admin/cases/:id/remedies': rec('case', (f) => `${adminCase(f)}/remedies`),
  'POST /api/admin/cases/:id/refunds': {
    ...rec(
      'case',
      (f) => `${adminCase(f)}/refunds`,
      CS,
      () => ({ amountCents: 1, reason: 'authorization matrix' }),
    ),
    headers: idempotencyKey,
  },
  'POST /api/admin/cases/:id/return-shipping': {
    ...rec(
      'case',
      (f) => `${adminCase(f)}/return-shipping`,
      CS,
      () => ({ receiptCents: 0 }),
    ),
    headers: idempotencyKey,
  },

  // Customers' questions: customer service and the owner.
  'GET /api/admin/questions': staff(CS),
  'GET /api/admin/questions/summary': staff(CS),
  'POST /api/admin/questions/:id/answer': staff(CS, (f) => `/api/admin/questions/${f.questionId}/answer`),

  'GET /api/admin/after-sales/numbers': staff(OWNER),
  'GET /api/admin/after-sales/numbers.csv': staff(OWNER),

  // PV-STF-1: the outbox holds every customer's emails: the owner's, and a technician's under an all-customers
  // maintenance grant; the queue's counts are anyone's.
  'GET /api/admin/mail': { ...staff(MAIL), overrides: { technician: 403 } },
  'GET /api/admin/mail/queue': staff(),
  'GET /api/admin/mail/:id': {
    ...staff(MAIL, (f) => `/api/admin/mail/${f.mailId}`),
    found: true,
    overrides: { technician: 403 },
  },
  'POST /api/admin/mail/retry': { ...staff(MAIL), overrides: { technician: 403 } },

  'GET /api/admin/settings/shop': staff(),
  'PUT /api/admin/settings/shop': staff(OWNER),
  'POST /api/admin/account/password': staff(),

  'GET /api/admin/security-events': staff(CS),
  'GET /api/admin/security-events/summary': staff(CS),
  'POST /api/admin/security-events/:id/review': staff(
    CS,
    (f) => `/api/admin/security-events/${f.securityEventId}/review`,
  ),

  // Staff: the owner's. Deactivation and the reset take a throw-away member.
  'GET /api/admin/staff': staff(OWNER),
  'POST /api/admin/staff/:id/second-factor/reset': staff(
    OWNER,
    (f) => `/api/admin/staff/${f.throwAwayMemberId}/second-factor/reset`,
  ),
  'POST /api/admin/staff/invitations': staff(OWNER),
  'GET /api/admin/staff/invitations': staff(OWNER),
  'POST /api/admin/staff/:id/deactivation': staff(
    OWNER,
    (f) => `/api/admin/staff/${f.throwAwayMemberId}/deactivation`,
  ),
  'GET /api/admin/jobs/runs': staff(OWNER),

  // PV-STF-1: maintenance access is the owner's to give; a technician reads their own grants. The audit log
  // and the business-transfer export (PV-RGT-2) are the owner's alone.
  'POST /api/admin/maintenance-grants': staff(OWNER),
  'GET /api/admin/maintenance-grants': staff(OWNER),
  'GET /api/admin/maintenance-grants/mine': staff(),
  'POST /api/admin/maintenance-grants/:id/revocation': {
    ...staff(OWNER, (f) => `/api/admin/maintenance-grants/${f.unknownId}/revocation`),
    found: false,
  },
  'GET /api/admin/audit-log': staff(OWNER),
  'GET /api/admin/audit-log/members': staff(OWNER),
  'POST /api/admin/business-transfer-export': staff(OWNER),
  // PV-USE-1: the owner's campaigns.
  'GET /api/admin/newsletter/campaigns': staff(OWNER),
  'POST /api/admin/newsletter/campaigns': staff(OWNER),

  // The storefront answers every other address (its pages are in `pageMatrix`); an unknown one is its 404 page.
  ...Object.fromEntries(
    ['GET', 'TRACE', 'DELETE', 'OPTIONS', 'PATCH', 'PUT', 'POST', 'QUERY'].map((m) => [
      `${m} /*`,
      pubAt(() => '/no-such-page', false),
    ]),
  ),
};

/**
 * The storefront's built files (scripts/build-web.mjs): one route per file, named by content hash, so they are
 * matched by shape rather than listed: a GET of a path with a file extension under /assets/ or at the top.
 */
export const builtFile: Entry = pubAt(() => '/favicon.svg', false);

export function isBuiltFile(key: string): boolean {
  return /^GET \/(assets\/)?[\w.-]+\.[a-z0-9]+$/i.test(key) && !key.startsWith('GET /api/');
}

/** The entry that covers route `key`: its own, or the built files'. */
export function entryOf(key: string): Entry | undefined {
  return apiMatrix[key] ?? (isBuiltFile(key) ? builtFile : undefined);
}

/**
 * The back-office pages' expected answers (web/app/lib/admin-pages.ts says who may open which): a public page
 * (sign-in, the invitee's) is never refused; without a staff session a page loads (200) and its script sends the
 * person to the sign-in page; a member whose role may not open it gets 403.
 */
export function expectedPageStatus(allowed: readonly Role[] | 'public', principal: Principal): Expect {
  if (allowed === 'public') return 'allowed';
  const role = staffRoles[principal];
  if (!role) return 200;
  return allowed.includes(role) ? 200 : 403;
}
