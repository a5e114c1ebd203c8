/**
 * The back office's typed client for the JSON API under /api/staff and /api/admin. Runs in the browser only
 * (TanStack Query calls it after hydration), sends the HttpOnly staff cookie with `credentials: 'same-origin'`
 * and turns every error body `{ error: { code, message, field? } }` into an ApiError the pages can show next
 * to the field it names. The payload types come from the same zod schemas the server validates with.
 */
import type { z } from 'zod';
import type {
  AdminImage,
  AdminProduct,
  AdminProductListItem,
  createProductSchema,
  ProductCategory,
  ProductStatus,
  replaceVariantsSchema,
  StockResult,
  UpdateProductInput,
} from '../../../src/catalog/schemas.ts';
import type { MailDetail, MailQueue, MailStatus, MailSummary } from '../../../src/messaging/schemas.ts';
import type { OrderStatus } from '../../../src/orders/order-status.ts';
import type {
  AdminOrderDetail,
  adminOrderListResponse,
  adminOrderSummarySchema,
  cancelBody,
  deliverBody,
  shipBody,
} from '../../../src/orders/schemas.ts';
import type { ShopSettings, SocialNetwork } from '../../../src/settings/shop.ts';
import { messageForField } from '../components/ui/field-message.ts';

export type {
  AdminImage,
  AdminOrderDetail,
  AdminProduct,
  AdminProductListItem,
  OrderStatus,
  ProductCategory,
  ProductStatus,
  ShopSettings,
  SocialNetwork,
  StockResult,
};
export type AdminOrderSummary = z.infer<typeof adminOrderSummarySchema>;
export type AdminOrderList = z.infer<typeof adminOrderListResponse>;
/** What the forms send: the input side of the schemas (defaults may be left out). */
export type CreateProductBody = z.input<typeof createProductSchema>;
export type ReplaceVariantsBody = z.input<typeof replaceVariantsSchema>;
export type ShipBody = z.input<typeof shipBody>;
export type DeliverBody = z.input<typeof deliverBody>;
export type CancelBody = z.input<typeof cancelBody>;

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface Staff {
  id: string;
  email: string;
  name: string;
  role: 'owner' | 'customer_service' | 'technician';
  /** Signs in with an authenticator code after the password. */
  secondFactor: boolean;
  /** Has a passkey, which signs in alone (both factors). */
  passkey: boolean;
  /** An owner with neither an authenticator nor a passkey: nothing but enrolment answers until they set one up. */
  enrolmentRequired: boolean;
  /** PV-STF-3: the confidentiality agreement waits: nothing but it (and enrolment) answers until accepted. */
  agreementRequired: boolean;
}

export type { MailDetail, MailQueue, MailStatus, MailSummary };

/** A failed request: the HTTP status and the API's error code, message and (for input errors) field path. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  /** Dotted path of the offending input, e.g. `variants.0.sku`. */
  readonly field: string | undefined;

  constructor(status: number, code: string, message: string, field?: string) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.field = field || undefined;
  }

  /**
   * The message as a sentence to show beside its field: without the `field: ` prefix the API puts in
   * front, and a fragment ("is required…") completed with the field's name.
   */
  get fieldMessage(): string {
    return messageForField(this.message, this.field);
  }

  /** As `fieldMessage`, naming the field by the label the form shows ("Tracking number"). */
  messageFor(label: string): string {
    return messageForField(this.message, this.field, label);
  }
}

export function isApiError(error: unknown, status?: number): error is ApiError {
  return error instanceof ApiError && (status === undefined || error.status === status);
}

type Query = Record<string, string | number | undefined | null>;

export function withQuery(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

export async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const init: RequestInit = {
    method,
    credentials: 'same-origin',
    headers: { accept: 'application/json' },
  };
  if (body instanceof FormData) {
    // The browser sets the multipart content type with its boundary.
    init.body = body;
  } else if (body !== undefined) {
    init.headers = { ...init.headers, 'content-type': 'application/json' };
    init.body = JSON.stringify(body);
  }
  let response: Response;
  try {
    response = await fetch(path, init);
  } catch {
    throw new ApiError(0, 'network', 'The shop could not be reached. Check the connection and try again.');
  }
  if (response.status === 204) return undefined as T;
  const payload = (await response.json().catch(() => null)) as {
    error?: { code?: string; message?: string; field?: string };
  } | null;
  if (!response.ok) {
    const error = payload?.error;
    throw new ApiError(
      response.status,
      error?.code ?? 'http_error',
      error?.message ?? `The request failed (HTTP ${response.status})`,
      error?.field,
    );
  }
  return payload as T;
}

// ------------------------------------------------------------------------------------------------- session

/** The signed-in staff member, or null when there is no valid session (401). */
export async function getSession(): Promise<Staff | null> {
  try {
    return (await request<{ staff: Staff }>('GET', '/api/staff/session')).staff;
  } catch (error) {
    if (isApiError(error, 401)) return null;
    throw error;
  }
}

/** The first step: a session, or (a member with an authenticator) the token the second step needs. */
export type SignInStep = { staff: Staff } | { secondStep: { token: string; expiresAt: string } };

export function signIn(email: string, password: string): Promise<SignInStep> {
  return request<SignInStep>('POST', '/api/staff/session', { email, password });
}

/** The second step: the authenticator's code or a recovery code. Errors name `code` or `token` (expired). */
export async function completeSecondStep(token: string, code: string): Promise<Staff> {
  return (await request<{ staff: Staff }>('POST', '/api/staff/session/second-factor', { token, code })).staff;
}

export interface SecondFactorStatus {
  enrolled: boolean;
  enrolledAt: string | null;
  recoveryCodesLeft: number;
  required: boolean;
}

export function getSecondFactor(): Promise<SecondFactorStatus> {
  return request('GET', '/api/staff/second-factor');
}

/** A new authenticator secret as text, otpauth address and QR code (an SVG data URL), shown this once. */
export function startEnrolment(): Promise<{ secret: string; uri: string; qrCode: string }> {
  return request('POST', '/api/staff/second-factor/enrolment');
}

/** Confirms the authenticator with its first code (errors name `code`): the 10 recovery codes, shown once. */
export function confirmEnrolment(code: string): Promise<{ recoveryCodes: string[] }> {
  return request('POST', '/api/staff/second-factor/confirmation', { code });
}

/** New recovery codes for the current authenticator code: the old ones stop working; shown this once. */
export function regenerateRecoveryCodes(code: string): Promise<{ recoveryCodes: string[] }> {
  return request('POST', '/api/staff/second-factor/recovery-codes', { code });
}

/** PV-STF-3: the confidentiality agreement, its version, and what the member accepted of it. */
export interface Agreement {
  version: number;
  title: string;
  paragraphs: string[];
  acceptedVersion: number | null;
  acceptedAt: string | null;
}

export function getAgreement(): Promise<Agreement> {
  return request('GET', '/api/staff/agreement');
}

/** Accepts `version` (the one read): 409 when the text changed meanwhile. */
export function acceptAgreement(version: number): Promise<{ version: number; acceptedAt: string }> {
  return request('POST', '/api/staff/agreement/acceptance', { version });
}

export function signOut(): Promise<void> {
  return request('DELETE', '/api/staff/session');
}

/**
 * Changes the signed-in member's password. A wrong current password is an ApiError naming
 * `currentPassword`, a weak new one names `newPassword`; on success every other session has ended.
 */
export function changePassword(
  currentPassword: string,
  newPassword: string,
): Promise<{ sessionsEnded: number }> {
  return request('POST', '/api/admin/account/password', { currentPassword, newPassword });
}

// ------------------------------------------------------------------------------------------------- catalog

export interface ProductListQuery {
  q?: string | undefined;
  status?: ProductStatus | undefined;
  category?: ProductCategory | undefined;
  cursor?: string | undefined;
  limit?: number | undefined;
}

export function listProducts(query: ProductListQuery): Promise<Page<AdminProductListItem>> {
  return request('GET', withQuery('/api/admin/products', { ...query }));
}

export function getProduct(id: string): Promise<AdminProduct> {
  return request('GET', `/api/admin/products/${encodeURIComponent(id)}`);
}

export function createProduct(body: CreateProductBody): Promise<AdminProduct> {
  return request('POST', '/api/admin/products', body);
}

export function updateProduct(id: string, body: UpdateProductInput): Promise<AdminProduct> {
  return request('PATCH', `/api/admin/products/${encodeURIComponent(id)}`, body);
}

export function replaceVariants(id: string, body: ReplaceVariantsBody): Promise<AdminProduct> {
  return request('PUT', `/api/admin/products/${encodeURIComponent(id)}/variants`, body);
}

export function changeStock(
  variantId: string,
  change: { stock: number } | { adjust: number },
): Promise<StockResult> {
  return request('PATCH', `/api/admin/variants/${encodeURIComponent(variantId)}/stock`, change);
}

export function addImage(productId: string, image: { url: string; alt: string }): Promise<AdminImage> {
  return request('POST', `/api/admin/products/${encodeURIComponent(productId)}/images`, image);
}

/** Uploads an image file (multipart: the alt text first, then the file); the server re-encodes it. */
export async function uploadImage(productId: string, file: File, alt: string): Promise<AdminImage> {
  const form = new FormData();
  form.append('alt', alt);
  form.append('file', file);
  return request('POST', `/api/admin/products/${encodeURIComponent(productId)}/images/upload`, form);
}

export function removeImage(productId: string, imageId: string): Promise<void> {
  return request(
    'DELETE',
    `/api/admin/products/${encodeURIComponent(productId)}/images/${encodeURIComponent(imageId)}`,
  );
}

// -------------------------------------------------------------------------------------------------- orders

export interface OrderListQuery {
  status?: OrderStatus | undefined;
  q?: string | undefined;
  /** ISO date-times; `to` is exclusive. */
  from?: string | undefined;
  to?: string | undefined;
  cursor?: string | undefined;
  limit?: number | undefined;
}

export function listOrders(query: OrderListQuery): Promise<AdminOrderList> {
  return request('GET', withQuery('/api/admin/orders', { ...query }));
}

export async function getOrder(id: string): Promise<AdminOrderDetail> {
  return (await request<{ order: AdminOrderDetail }>('GET', `/api/admin/orders/${encodeURIComponent(id)}`))
    .order;
}

/** The order moves the back office can make; each answers with the order as it is now. */
export type OrderAction =
  | { kind: 'mark-paid' }
  | { kind: 'ship'; body: ShipBody }
  | { kind: 'deliver'; body: DeliverBody }
  | { kind: 'complete' }
  | { kind: 'cancel'; body: CancelBody };

export async function runOrderAction(id: string, action: OrderAction): Promise<AdminOrderDetail> {
  const body = 'body' in action ? action.body : {};
  const path = `/api/admin/orders/${encodeURIComponent(id)}/${action.kind}`;
  return (await request<{ order: AdminOrderDetail }>('POST', path, body)).order;
}

/** A card refund the processor refused: ask it again. Answers with the order as it is now. */
export async function retryRefund(orderId: string, refundId: string): Promise<AdminOrderDetail> {
  const path = `/api/admin/orders/${encodeURIComponent(orderId)}/refunds/${encodeURIComponent(refundId)}/retry`;
  return (await request<{ order: AdminOrderDetail }>('POST', path, {})).order;
}

/** A refund owed by bank transfer was sent: records the transfer's reference. */
export async function recordRefundTransfer(
  orderId: string,
  refundId: string,
  reference: string,
): Promise<AdminOrderDetail> {
  const path = `/api/admin/orders/${encodeURIComponent(orderId)}/refunds/${encodeURIComponent(refundId)}/transfer`;
  return (await request<{ order: AdminOrderDetail }>('POST', path, { reference })).order;
}

// ---------------------------------------------------------------------------------------------------- mail

export interface MailListQuery {
  status?: MailStatus | undefined;
  q?: string | undefined;
  orderId?: string | undefined;
  cursor?: string | undefined;
  limit?: number | undefined;
}

export function listMail(query: MailListQuery): Promise<Page<MailSummary>> {
  return request('GET', withQuery('/api/admin/mail', { ...query }));
}

/** SMTP or outbox only, and the pending and failed counts. */
export function getMailQueue(): Promise<MailQueue> {
  return request('GET', '/api/admin/mail/queue');
}

export function getMail(id: string): Promise<MailDetail> {
  return request('GET', `/api/admin/mail/${encodeURIComponent(id)}`);
}

export function retryMail(ids: string[]): Promise<{ requeued: number }> {
  return request('POST', '/api/admin/mail/retry', { ids });
}

// ------------------------------------------------------------------------------------------------ settings

/** The shop's identity (SH-SOC-1): every staff member may read it. */
export function getShopSettings(): Promise<ShopSettings> {
  return request('GET', '/api/admin/settings/shop');
}

/** Replaces the whole identity; only the owner may (403 otherwise). Answers with what was saved. */
export function saveShopSettings(settings: ShopSettings): Promise<ShopSettings> {
  return request('PUT', '/api/admin/settings/shop', settings);
}

// ------------------------------------------------------------------------------------------------ queries

/** Query keys, one tree per resource, so a change invalidates exactly what it touched. */
export const keys = {
  session: ['staff-session'] as const,
  secondFactor: ['staff-second-factor'] as const,
  agreement: ['staff-agreement'] as const,
  products: ['products'] as const,
  productList: (query: ProductListQuery) => ['products', 'list', query] as const,
  product: (id: string) => ['products', 'detail', id] as const,
  orders: ['orders'] as const,
  orderList: (query: OrderListQuery) => ['orders', 'list', query] as const,
  order: (id: string) => ['orders', 'detail', id] as const,
  mail: ['mail'] as const,
  mailList: (query: MailListQuery) => ['mail', 'list', query] as const,
  mailItem: (id: string) => ['mail', 'detail', id] as const,
  mailQueue: ['mail', 'queue'] as const,
  shopSettings: ['settings', 'shop'] as const,
};

// ------------------------------------------------------------------------------------------- case evidence

export type {
  EvidenceFileView,
  EvidenceListView,
} from '../../../src/aftersales/evidence/evidence-records.ts';

/** A case's evidence checklist and files, with signed addresses valid for EVIDENCE_URL_TTL_SECONDS. */
export function getCaseEvidence(
  caseId: string,
): Promise<import('../../../src/aftersales/evidence/evidence-records.ts').EvidenceListView> {
  return request('GET', `/api/admin/cases/${encodeURIComponent(caseId)}/evidence`);
}

/** Staff remove a file from a case; `reason` is kept in the case's timeline (400 on `reason` when too short). */
export function removeCaseEvidence(caseId: string, evidenceId: string, reason: string): Promise<void> {
  return request(
    'DELETE',
    `/api/admin/cases/${encodeURIComponent(caseId)}/evidence/${encodeURIComponent(evidenceId)}`,
    { reason },
  );
}

/** Staff add a file to a case (a photo a customer emailed, the technician's own pictures). */
export function uploadCaseEvidence(
  caseId: string,
  kind: string,
  file: File,
): Promise<{ file: import('../../../src/aftersales/evidence/evidence-records.ts').EvidenceFileView }> {
  const form = new FormData();
  form.append('kind', kind);
  form.append('file', file);
  return request('POST', `/api/admin/cases/${encodeURIComponent(caseId)}/evidence`, form);
}

/** Give an order to a member of staff, or take it off everyone (null); PV-STF-1 decides who may. */
export async function assignOrder(id: string, staffId: string | null): Promise<AdminOrderDetail> {
  const path = `/api/admin/orders/${encodeURIComponent(id)}/assign`;
  return (await request<{ order: AdminOrderDetail }>('POST', path, { staffId })).order;
}
