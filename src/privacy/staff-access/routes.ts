/**
 * The owner's privacy tools under the /api/admin guard (PV-STF-1, PV-RGT-2, PV-USE-2): maintenance grants,
 * the audit log and the business-transfer export. Every one is the owner's; other members are refused with a
 * 403 that is itself an audit row ('refused'). A technician may read their own grants in force.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { staffOf } from '../../accounts/guard.ts';
import type { AppContext } from '../../context.ts';
import { errorResponses } from '../../shared/http-schemas.ts';
import {
  businessTransferFile,
  businessTransferFileName,
  exportForBusinessTransfer,
} from './business-transfer-export.ts';
import { grantMaintenanceAccess } from './grant-access.ts';
import { auditLogMembers, listAuditLog } from './list-audit-log.ts';
import { listMaintenanceGrants, ownMaintenanceGrants } from './list-grants.ts';
import { ownerOnlyRecorded } from './owner-only.ts';
import { revokeMaintenanceGrant } from './revoke-grant.ts';
import {
  auditLogQuery,
  auditLogResponse,
  auditMembersResponse,
  businessTransferBody,
  grantBody,
  grantIdParams,
  grantListResponse,
  grantSchema,
  ownGrantSchema,
} from './schemas.ts';

export const staffAccessAdminRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const security = [{ staffSession: [] }];
  const tags = ['admin: privacy'];
  const grantsOwner = ownerOnlyRecorded(ctx, 'maintenance_grant');
  const logOwner = ownerOnlyRecorded(ctx, 'audit_log');
  const exportOwner = ownerOnlyRecorded(ctx, 'business_transfer');

  app.post(
    '/maintenance-grants',
    {
      onRequest: grantsOwner,
      schema: {
        tags,
        security,
        summary:
          'PV-STF-1: give an active technician maintenance access to one customer’s data (by email or order reference) or every customer’s, with a reason, for at most MAINTENANCE_ACCESS_MAX_HOURS (owner)',
        body: grantBody,
        response: { 201: z.object({ grant: grantSchema }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const grant = await grantMaintenanceAccess(ctx, staffOf(request), request.body);
      return reply.status(201).send({ grant });
    },
  );

  app.get(
    '/maintenance-grants',
    {
      onRequest: grantsOwner,
      schema: {
        tags,
        security,
        summary: 'PV-STF-1: maintenance grants in force and those of the last 30 days, newest first (owner)',
        response: { 200: grantListResponse, ...errorResponses },
      },
    },
    async () => ({
      items: await listMaintenanceGrants(ctx),
      maxHours: ctx.config.MAINTENANCE_ACCESS_MAX_HOURS,
    }),
  );

  app.get(
    '/maintenance-grants/mine',
    {
      schema: {
        tags,
        security,
        summary:
          'PV-STF-1: the signed-in member’s own maintenance grants in force, soonest expiry first (any member)',
        response: { 200: z.object({ items: z.array(ownGrantSchema) }), ...errorResponses },
      },
    },
    async (request) => ({ items: await ownMaintenanceGrants(ctx, staffOf(request).id) }),
  );

  app.post(
    '/maintenance-grants/:id/revocation',
    {
      onRequest: grantsOwner,
      schema: {
        tags,
        security,
        summary:
          'PV-STF-1: end a maintenance grant now; revoking one already ended changes nothing and answers it as it is (owner)',
        params: grantIdParams,
        response: { 200: z.object({ grant: grantSchema }), ...errorResponses },
      },
    },
    async (request) => ({ grant: await revokeMaintenanceGrant(ctx, staffOf(request), request.params.id) }),
  );

  app.get(
    '/audit-log',
    {
      onRequest: logOwner,
      schema: {
        tags,
        security,
        summary:
          'PV-STF-1: staff reads, refusals and exports of personal data, newest first; filter by member, outcome, record type, one record (order reference, case number, customer email or id: who read this), customer (email, id or order reference) and days (owner)',
        querystring: auditLogQuery,
        response: { 200: auditLogResponse, ...errorResponses },
      },
    },
    async (request) => listAuditLog(ctx, request.query),
  );

  app.get(
    '/audit-log/members',
    {
      onRequest: logOwner,
      schema: {
        tags,
        security,
        summary: 'Every member, leavers too, for the audit log’s member filter (owner)',
        response: { 200: auditMembersResponse, ...errorResponses },
      },
    },
    async () => ({ items: await auditLogMembers(ctx) }),
  );

  app.post(
    '/business-transfer-export',
    {
      onRequest: exportOwner,
      schema: {
        tags,
        security,
        summary:
          'PV-RGT-2, PV-USE-2: download every customer account’s personal and basic data (name, email, phone, addresses, account date, orders’ references, dates, statuses, totals) as a JSON file; never financial data or mailing lists; recorded in the audit log with its purpose (owner)',
        body: businessTransferBody,
        response: { 200: businessTransferFile, ...errorResponses },
      },
    },
    async (request, reply) => {
      const file = await exportForBusinessTransfer(ctx, staffOf(request), request.body.purpose);
      reply.header(
        'content-disposition',
        `attachment; filename="${businessTransferFileName(ctx.clock.now())}"`,
      );
      return file;
    },
  );
};
