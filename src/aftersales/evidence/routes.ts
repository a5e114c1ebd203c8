/**
 * Evidence over HTTP (issue 10 point 3). Three plugins:
 * - `evidenceCustomerRoutes` (under /api): the customer, through the order's signed link, lists, uploads and
 *   removes the files of one case. An upload also works as a plain HTML form post without JavaScript: with a
 *   `returnTo` field (a path of this site) the answer is a 303 back to that page, with `evidenceError=<message>`
 *   when the file was refused.
 * - `evidenceStaffRoutes` (under /api/admin, behind the staff guard): staff list and upload for any case.
 * - `evidenceFileRoutes` (under /api): the bytes behind a short-lived signed address; personal, so no-store,
 *   private, and never sniffed or rendered as anything but what it is.
 */
import multipart from '@fastify/multipart';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { staffOf } from '../../accounts/guard.ts';
import type { AppContext } from '../../context.ts';
import { recordStaffAccess } from '../../privacy/staff-access/record-access.ts';
import { requireFullCaseAccess } from '../../privacy/staff-access/visibility.ts';
import { AppError } from '../../shared/errors.ts';
import { errorResponses } from '../../shared/http-schemas.ts';
import { noStore } from '../../shared/no-store.ts';
import { caseIdParams, caseLinkParams } from '../cases/schemas.ts';
import { deleteCustomerEvidence, removeEvidenceAsStaff } from './delete-evidence.service.ts';
import { evidenceServices } from './evidence-context.ts';
import type { EvidenceAccess } from './evidence-records.ts';
import { listEvidence } from './list-evidence.service.ts';
import { receiveUpload } from './receive-upload.ts';
import {
  customerEvidenceFileParams,
  evidenceFileParams,
  evidenceFileQuery,
  evidenceFileResponse,
  evidenceListResponse,
  evidenceRemovalBody,
  staffEvidenceFileParams,
} from './schemas.ts';
import { openEvidenceFile } from './serve-evidence.service.ts';
import { uploadEvidence } from './upload-evidence.service.ts';

const uploadSummary =
  'multipart/form-data: kind (one of the case assessment’s evidence kinds), amountCents (postage receipts only), then file (JPEG, PNG, WebP, HEIC photo or MP4, MOV video; type read from the bytes)';

/** A same-site path to send a no-JavaScript form back to, or null (never another site: no open redirect). */
function returnPath(value: string | undefined): string | null {
  if (!value?.startsWith('/') || value.startsWith('//') || value.includes('\\')) return null;
  if (!/^[\x21-\x7e]+$/.test(value) || value.length > 500) return null;
  return value;
}

function withQuery(path: string, key: string, value: string): string {
  const url = new URL(path, 'http://shop.invalid');
  url.searchParams.delete('evidenceError');
  url.searchParams.delete('evidenceAdded');
  url.searchParams.set(key, value);
  return `${url.pathname}${url.search}#evidence`;
}

async function registerMultipart(app: Parameters<FastifyPluginAsyncZod>[0], ctx: AppContext) {
  const { limits } = evidenceServices(ctx.config);
  await app.register(multipart, {
    limits: {
      fileSize: Math.max(limits.maxImageBytes, limits.maxVideoBytes),
      files: 1,
      fields: 5,
      parts: 6,
      fieldSize: 1000,
    },
  });
}

/** Receives the form, stores the file, and answers JSON (201) or, for a no-JS form, a 303 back to the page. */
async function handleUpload(
  ctx: AppContext,
  request: FastifyRequest,
  reply: FastifyReply,
  access: EvidenceAccess,
) {
  const { limits, scratchDir } = evidenceServices(ctx.config);
  let back: string | null = null;
  try {
    const form = await receiveUpload(
      request,
      scratchDir,
      Math.max(limits.maxImageBytes, limits.maxVideoBytes),
    );
    back = access.by === 'customer' ? returnPath(form.fields.returnTo) : null;
    try {
      if (!form.file)
        throw new AppError('validation_failed', 'file: choose a photo or video to upload', { field: 'file' });
      const file = await uploadEvidence(ctx, access, {
        path: form.file.path,
        bytes: form.file.bytes,
        kind: form.fields.kind,
        amountCents: form.fields.amountCents,
        amount: form.fields.amount,
      });
      if (back) return reply.redirect(withQuery(back, 'evidenceAdded', file.kind), 303);
      return reply.status(201).send({ file });
    } finally {
      await form.discard();
    }
  } catch (error) {
    // A refused file on a no-JS form: back to the page with the reason (a generic sentence, no personal data).
    if (back && error instanceof AppError && error.code !== 'not_found' && error.code !== 'internal') {
      return reply.redirect(withQuery(back, 'evidenceError', error.message.slice(0, 300)), 303);
    }
    throw error;
  }
}

export const evidenceCustomerRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.addHook('onRequest', noStore);
  await registerMultipart(app, ctx);
  const tags = ['after-sales'];

  app.get(
    '/orders/by-link/:token/cases/:reference/evidence',
    {
      schema: {
        tags,
        summary:
          'A case’s evidence checklist (required kinds still missing) and files, with short-lived signed addresses',
        params: caseLinkParams,
        response: { 200: evidenceListResponse, ...errorResponses },
      },
    },
    async (request) =>
      listEvidence(ctx, { by: 'customer', token: request.params.token, reference: request.params.reference }),
  );

  app.post(
    '/orders/by-link/:token/cases/:reference/evidence',
    {
      schema: {
        tags,
        summary: `Upload one evidence file to a case of this order (${uploadSummary}; with returnTo, a 303 back to that page)`,
        consumes: ['multipart/form-data'],
        params: caseLinkParams,
        response: { 201: evidenceFileResponse, 303: z.null(), ...errorResponses },
      },
    },
    async (request, reply) =>
      handleUpload(ctx, request, reply, {
        by: 'customer',
        token: request.params.token,
        reference: request.params.reference,
      }),
  );

  app.delete(
    '/orders/by-link/:token/cases/:reference/evidence/:evidenceId',
    {
      schema: {
        tags,
        summary: 'Remove a file the customer uploaded, while the case still collects that kind',
        params: customerEvidenceFileParams,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      const { token, reference, evidenceId } = request.params;
      await deleteCustomerEvidence(ctx, token, reference, evidenceId);
      return reply.status(204).send(null);
    },
  );
};

export const evidenceStaffRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  await registerMultipart(app, ctx);
  const tags = ['admin: after-sales'];
  const security = [{ staffSession: [] }];
  /**
   * PV-STF-1: evidence files are personal data. Only a member who sees the case in full (their own case, the
   * owner, a technician's maintenance grant) lists, adds or removes them; others get the 404 of a missing case
   * and a `refused` audit row. The list is the only way to the files' signed addresses, so the bytes follow.
   */
  const evidenceGate = (request: FastifyRequest, caseId: string) =>
    requireFullCaseAccess(ctx, staffOf(request), caseId, 'evidence');

  app.get(
    '/cases/:id/evidence',
    {
      schema: {
        tags,
        security,
        summary: 'A case’s evidence checklist and files, with short-lived signed addresses',
        params: caseIdParams,
        response: { 200: evidenceListResponse, ...errorResponses },
      },
    },
    async (request) => {
      const staff = staffOf(request);
      const access = await evidenceGate(request, request.params.id);
      const list = await listEvidence(ctx, { by: 'staff', caseId: request.params.id, staffId: staff.id });
      if (list.files.length > 0) {
        await recordStaffAccess(ctx.db, staff, ctx.clock.now(), [
          {
            outcome: 'read',
            recordType: 'evidence',
            recordId: request.params.id,
            customerId: access.holders.customerId,
            fields: ['evidence'],
            purpose: access.visibility.purpose,
            grantId: access.visibility.grantId,
          },
        ]);
      }
      return list;
    },
  );

  app.post(
    '/cases/:id/evidence',
    {
      schema: {
        tags,
        security,
        summary: `Upload one evidence file to a case (${uploadSummary})`,
        consumes: ['multipart/form-data'],
        params: caseIdParams,
        response: { 201: evidenceFileResponse, ...errorResponses },
      },
    },
    async (request, reply) => {
      await evidenceGate(request, request.params.id);
      return handleUpload(ctx, request, reply, {
        by: 'staff',
        caseId: request.params.id,
        staffId: staffOf(request).id,
      });
    },
  );

  app.delete(
    '/cases/:id/evidence/:evidenceId',
    {
      schema: {
        tags,
        security,
        summary:
          'Remove a file from a case with a written reason kept in its timeline (customer service and owner; 400 on a short reason)',
        params: staffEvidenceFileParams,
        body: evidenceRemovalBody,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      const { id, evidenceId } = request.params;
      await evidenceGate(request, id);
      await removeEvidenceAsStaff(ctx, id, evidenceId, staffOf(request), request.body.reason);
      return reply.status(204).send(null);
    },
  );
};

export const evidenceFileRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/evidence/:id/:variant',
    {
      schema: {
        tags: ['after-sales'],
        summary:
          'The bytes of an evidence file behind a signed address from an evidence list (expires; 403 once it has)',
        params: evidenceFileParams,
        querystring: evidenceFileQuery,
        response: { 200: z.any(), ...errorResponses },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store, private');
      const file = await openEvidenceFile(ctx, { ...request.params, ...request.query });
      return reply
        .header('content-type', file.mediaType)
        .header('content-length', String(file.bytes))
        .header('content-disposition', 'inline')
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; img-src 'self'; media-src 'self'; sandbox")
        .header('cross-origin-resource-policy', 'same-origin')
        .send(file.stream);
    },
  );
};
