import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { staffOf } from '../../accounts/guard.ts';
import type { AppContext } from '../../context.ts';
import { requireIdempotencyKey } from '../../orders/idempotency.ts';
import { paymentProviders } from '../../orders/payments/providers.ts';
import { injectDelivery, webhookDeliveryFor } from '../../orders/payments/webhook-delivery.ts';
import { checkoutHeaders } from '../../orders/schemas.ts';
import { rolesOnlyRecorded } from '../../privacy/staff-access/owner-only.ts';
import { type Access, caseAccess } from '../../privacy/staff-access/visibility.ts';
import { errorResponses } from '../../shared/http-schemas.ts';
import { caseIdParams } from '../cases/schemas.ts';
import { REMEDY_FIELDS, showCaseRemedies } from './case-remedies-visibility.ts';
import { listCaseRemedies } from './list-case-remedies.ts';
import { refundCase, submitCaseRefunds } from './refund-case.ts';
import { reimburseReturnShipping } from './reimburse-return-shipping.ts';
import {
  caseRefundBody,
  caseRemediesResponse,
  returnShippingBody,
  returnShippingResponse,
} from './schemas.ts';

/**
 * The staff API of a case's money: refund the case, reimburse its return postage from the receipt (AS-GEN-3),
 * list what it gave. Mounted under /api/admin (staff session required); money moves need the owner or
 * customer service role.
 */
export const caseRemedyRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const providers = paymentProviders(ctx);
  const deliver = () => webhookDeliveryFor(ctx, injectDelivery(app));
  const tags = ['admin: after-sales'];
  const security = [{ staffSession: [] }];
  const moneyRoles = rolesOnlyRecorded(ctx, 'refund', ['owner', 'customer_service']);
  // PV-STF-1: another member's case is a 404 here too (with its `refused` row), as on the case page; the
  // remedies answered are masked or logged as the case page is (case-remedies-visibility.ts).
  const visible = (request: FastifyRequest, caseId: string) =>
    caseAccess(ctx, staffOf(request), caseId, REMEDY_FIELDS);
  const remediesFor = async (request: FastifyRequest, caseId: string, access: Access) =>
    showCaseRemedies(ctx, staffOf(request), caseId, access, await listCaseRemedies(ctx.db, caseId));

  app.get(
    '/cases/:id/remedies',
    {
      schema: {
        tags,
        security,
        summary: 'What the case gave: refunds with their state, coupons and vouchers, replacement orders',
        params: caseIdParams,
        response: { 200: caseRemediesResponse, ...errorResponses },
      },
    },
    async (request) => {
      const access = await visible(request, request.params.id);
      return remediesFor(request, request.params.id, access);
    },
  );

  app.post(
    '/cases/:id/refunds',
    {
      onRequest: moneyRoles,
      bodyLimit: 16 * 1024,
      schema: {
        tags,
        security,
        summary:
          "Refund the case on the order's payment (requires an Idempotency-Key): to the card through its processor, or owed by bank transfer; never more than the order captured across all its refunds",
        params: caseIdParams,
        headers: checkoutHeaders,
        body: caseRefundBody,
        response: { 201: caseRemediesResponse, ...errorResponses },
      },
    },
    async (request, reply) => {
      const staff = staffOf(request);
      const access = await visible(request, request.params.id);
      await refundCase(ctx, providers, deliver(), {
        caseId: request.params.id,
        amountCents: request.body.amountCents,
        kind: request.body.kind,
        reason: request.body.reason,
        idempotencyKey: requireIdempotencyKey(request.headers['idempotency-key']),
        staff: { id: staff.id, name: staff.name },
        clause: request.body.kind === 'return_shipping' ? 'AS-GEN-3' : null,
      });
      return reply.status(201).send(await remediesFor(request, request.params.id, access));
    },
  );

  app.post(
    '/cases/:id/return-shipping',
    {
      onRequest: moneyRoles,
      bodyLimit: 16 * 1024,
      schema: {
        tags,
        security,
        summary:
          'AS-GEN-3: reimburse the return postage from its receipt (requires an Idempotency-Key): when the shop pays, up to what the claim allows, and nothing for a receipt at or above the cap',
        params: caseIdParams,
        headers: checkoutHeaders,
        body: returnShippingBody,
        response: { 200: returnShippingResponse, ...errorResponses },
      },
    },
    async (request) => {
      const staff = staffOf(request);
      const access = await visible(request, request.params.id);
      const idempotencyKey = requireIdempotencyKey(request.headers['idempotency-key']);
      const { decision, refund } = await ctx.db.transaction((tx) =>
        reimburseReturnShipping(tx, {
          caseId: request.params.id,
          receiptCents: request.body.receiptCents,
          idempotencyKey,
          staff: { id: staff.id, name: staff.name },
          now: ctx.clock.now(),
        }),
      );
      if (refund?.created) await submitCaseRefunds(ctx, providers, refund.refunds, deliver());
      return { ...decision, remedies: await remediesFor(request, request.params.id, access) };
    },
  );
};
