/** Back-office order routes, under /api/admin behind the staff guard (server.ts). */
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { staffOf } from '../accounts/guard.ts';
import type { AppContext } from '../context.ts';
import { orderAccess } from '../privacy/staff-access/visibility.ts';
import { errorResponses } from '../shared/http-schemas.ts';
import { assignOrder } from './assign-order.service.ts';
import {
  cancelOrder,
  completeOrder,
  deliverOrder,
  markPaid,
  type StaffActor,
  shipOrder,
} from './order-actions.service.ts';
import { listOrders, orderDetail } from './order-admin.service.ts';
import { ORDER_FIELDS, showOrder } from './order-visibility.ts';
import { paymentProviders } from './payments/providers.ts';
import { recordRefundTransfer, retryRefund } from './payments/refunds.service.ts';
import { injectDelivery, webhookDeliveryFor } from './payments/webhook-delivery.ts';
import {
  type AdminOrderDetail,
  adminListQuery,
  adminOrderListResponse,
  adminOrderResponse,
  assignOrderBody,
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
  /**
   * PV-STF-1 around every action that answers with the order: another member's order is a 404 (with its
   * `refused` audit row) before anything changes, and the answer is masked as the member may see it.
   */
  const guarded = async (request: FastifyRequest, orderId: string, run: () => Promise<AdminOrderDetail>) => {
    const staff = staffOf(request);
    await orderAccess(ctx, staff, orderId, ORDER_FIELDS);
    return { order: await showOrder(ctx, staff, await run()) };
  };
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
    async (request) => listOrders(ctx, request.query, staffOf(request)),
  );

  app.get(
    '/orders/:id',
    { schema: action('One order: lines, payments, timeline, emails sent, allowed next moves') },
    async (request) => ({ order: await orderDetail(ctx, request.params.id, staffOf(request)) }),
  );

  app.post(
    '/orders/:id/assign',
    {
      schema: {
        ...action(
          'Give an order to an active member of staff (staffId null: unassigned). The owner assigns anyone; customer service takes an unassigned order for themselves or gives back their own (403 otherwise, PV-STF-1)',
        ),
        body: assignOrderBody,
      },
    },
    async (request) => ({
      order: await assignOrder(ctx, request.params.id, request.body.staffId, staffOf(request)),
    }),
  );

  app.post(
    '/orders/:id/mark-paid',
    { schema: { ...action('Bank transfer arrived: placed → paid'), body: emptyBody } },
    async (request) =>
      guarded(request, request.params.id, () => markPaid(ctx, request.params.id, actorOf(request))),
  );

  app.post(
    '/orders/:id/ship',
    {
      schema: {
        ...action('paid → shipped: carrier, tracking number, date; emails the customer'),
        body: shipBody,
      },
    },
    async (request) =>
      guarded(request, request.params.id, () =>
        shipOrder(ctx, request.params.id, actorOf(request), request.body),
      ),
  );

  app.post(
    '/orders/:id/deliver',
    {
      schema: {
        ...action('shipped → delivered: the delivery date, or {untraceable: true}'),
        body: deliverBody,
      },
    },
    async (request) =>
      guarded(request, request.params.id, () =>
        deliverOrder(ctx, request.params.id, actorOf(request), request.body),
      ),
  );

  app.post(
    '/orders/:id/complete',
    { schema: { ...action('delivered → completed'), body: emptyBody } },
    async (request) =>
      guarded(request, request.params.id, () => completeOrder(ctx, request.params.id, actorOf(request))),
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
    async (request) =>
      guarded(request, request.params.id, () =>
        cancelOrder(ctx, providers, request.params.id, actorOf(request), request.body.reason, deliver()),
      ),
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
    async (request) =>
      guarded(request, request.params.id, () =>
        retryRefund(
          ctx,
          providers,
          { orderId: request.params.id, refundId: request.params.refundId, actor: actorOf(request) },
          deliver(),
        ),
      ),
  );

  app.post(
    '/orders/:id/refunds/:refundId/transfer',
    {
      schema: {
        ...refundAction('A refund owed by bank transfer was sent: records its reference (owed → succeeded)'),
        body: refundTransferBody,
      },
    },
    async (request) =>
      guarded(request, request.params.id, () =>
        recordRefundTransfer(ctx, {
          orderId: request.params.id,
          refundId: request.params.refundId,
          reference: request.body.reference,
          actor: actorOf(request),
        }),
      ),
  );
};
