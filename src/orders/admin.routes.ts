/** Back-office order routes, under /api/admin behind the staff guard (server.ts). */
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { staffOf } from '../accounts/guard.ts';
import type { AppContext } from '../context.ts';
import { errorResponses } from '../shared/http-schemas.ts';
import {
  cancelOrder,
  completeOrder,
  deliverOrder,
  markPaid,
  type StaffActor,
  shipOrder,
} from './order-actions.service.ts';
import { listOrders, orderDetail } from './order-admin.service.ts';
import { paymentProviders } from './payments/providers.ts';
import { recordRefundTransfer, retryRefund } from './payments/refunds.service.ts';
import { injectDelivery, webhookDeliveryFor } from './payments/webhook-delivery.ts';
import {
  adminListQuery,
  adminOrderListResponse,
  adminOrderResponse,
  cancelBody,
  deliverBody,
  emptyBody,
  orderIdParams,
  refundParams,
  refundTransferBody,
  shipBody,
} from './schemas.ts';

function actorOf(request: FastifyRequest): StaffActor {
  const staff = staffOf(request);
  return { type: 'staff', id: staff.id, name: staff.name };
}

export const ordersAdminRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const providers = paymentProviders(ctx);
  // Refunds are confirmed by the processor's webhook, which enters this app like any request.
  const deliver = () => webhookDeliveryFor(ctx, injectDelivery(app));
  const tags = ['admin: orders'];
  const security = [{ staffSession: [] }];
  const action = (summary: string) => ({
    tags,
    security,
    summary,
    params: orderIdParams,
    response: { 200: adminOrderResponse, ...errorResponses },
  });

  app.get(
    '/orders',
    {
      schema: {
        tags,
        security,
        summary:
          'Orders, newest first: filter by status, reference or email (q), placement date; cursor pages',
        querystring: adminListQuery,
        response: { 200: adminOrderListResponse, ...errorResponses },
      },
    },
    async (request) => listOrders(ctx, request.query),
  );

  app.get(
    '/orders/:id',
    { schema: action('One order: lines, payments, timeline, emails sent, allowed next moves') },
    async (request) => ({ order: await orderDetail(ctx, request.params.id) }),
  );

  app.post(
    '/orders/:id/mark-paid',
    { schema: { ...action('Bank transfer arrived: placed → paid'), body: emptyBody } },
    async (request) => ({ order: await markPaid(ctx, request.params.id, actorOf(request)) }),
  );

  app.post(
    '/orders/:id/ship',
    {
      schema: {
        ...action('paid → shipped: carrier, tracking number, date; emails the customer'),
        body: shipBody,
      },
    },
    async (request) => ({ order: await shipOrder(ctx, request.params.id, actorOf(request), request.body) }),
  );

  app.post(
    '/orders/:id/deliver',
    {
      schema: {
        ...action('shipped → delivered: the delivery date, or {untraceable: true}'),
        body: deliverBody,
      },
    },
    async (request) => ({
      order: await deliverOrder(ctx, request.params.id, actorOf(request), request.body),
    }),
  );

  app.post(
    '/orders/:id/complete',
    { schema: { ...action('delivered → completed'), body: emptyBody } },
    async (request) => ({ order: await completeOrder(ctx, request.params.id, actorOf(request)) }),
  );

  app.post(
    '/orders/:id/cancel',
    {
      schema: {
        ...action(
          'Before shipment: cancels, returns the stock; voids a payment not taken, refunds one taken (to the card, or owed by bank transfer)',
        ),
        body: cancelBody,
      },
    },
    async (request) => ({
      order: await cancelOrder(
        ctx,
        providers,
        request.params.id,
        actorOf(request),
        request.body.reason,
        deliver(),
      ),
    }),
  );

  const refundAction = (summary: string) => ({ ...action(summary), params: refundParams });

  app.post(
    '/orders/:id/refunds/:refundId/retry',
    {
      schema: {
        ...refundAction('A card refund the processor refused: ask it again (failed → pending)'),
        body: emptyBody,
      },
    },
    async (request) => ({
      order: await retryRefund(
        ctx,
        providers,
        { orderId: request.params.id, refundId: request.params.refundId, actor: actorOf(request) },
        deliver(),
      ),
    }),
  );

  app.post(
    '/orders/:id/refunds/:refundId/transfer',
    {
      schema: {
        ...refundAction('A refund owed by bank transfer was sent: records its reference (owed → succeeded)'),
        body: refundTransferBody,
      },
    },
    async (request) => ({
      order: await recordRefundTransfer(ctx, {
        orderId: request.params.id,
        refundId: request.params.refundId,
        reference: request.body.reference,
        actor: actorOf(request),
      }),
    }),
  );
};
