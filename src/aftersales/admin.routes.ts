/** The back office's after-sales API: policy versions (the owner saves, every staff member reads) and cases. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { staffOf } from '../accounts/guard.ts';
import type { AppContext } from '../context.ts';
import { paymentProviders } from '../orders/payments/providers.ts';
import { injectDelivery, webhookDeliveryFor } from '../orders/payments/webhook-delivery.ts';
import { ownerOnlyRecorded, rolesOnlyRecorded } from '../privacy/staff-access/owner-only.ts';
import { caseAccess } from '../privacy/staff-access/visibility.ts';
import { compiledResponses } from '../shared/compiled-serializer.ts';
import { errorResponses } from '../shared/http-schemas.ts';
import { answerQuestion } from './cases/answer-question.service.ts';
import { assignCase } from './cases/assign-case.service.ts';
import { caseDetail, listCases } from './cases/case-admin.service.ts';
import { deadlinesOverview, deadlineView } from './cases/case-deadlines.service.ts';
import { postStaffMessage, staffThread } from './cases/case-messages.service.ts';
import { questionRoles } from './cases/case-roles.ts';
import { CASE_FIELDS, showCase } from './cases/case-visibility.ts';
import {
  answeredQuestionResponse,
  messageBody,
  questionIdParams,
  questionListQuery,
  questionListResponse,
  questionSummaryResponse,
  staffMessageResponse,
  staffThreadResponse,
} from './cases/conversation.schemas.ts';
import { listQuestions, unansweredQuestionCount } from './cases/questions.service.ts';
import {
  adminCaseListQuery,
  adminCaseListResponse,
  adminCaseResponse,
  assignCaseBody,
  caseIdParams,
  deadlinesOverviewResponse,
  policyCompareQuery,
  policyCompareResponse,
  policyPreviewBody,
  policyPreviewResponse,
  policyVersionBody,
  policyVersionListResponse,
  policyVersionParams,
  policyVersionResponse,
  staffCaseActionBody,
} from './cases/schemas.ts';
import { staffMoveCase } from './cases/staff-move-case.service.ts';
import {
  comparePolicyVersions,
  createPolicyVersion,
  findPolicyVersion,
  listPolicyVersions,
  type PolicyVersion,
  previewPolicyVersion,
} from './policy-versions.service.ts';

function versionView<V extends PolicyVersion>(v: V) {
  return { ...v, createdAt: v.createdAt.toISOString() };
}

export const afterSalesAdminRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const security = [{ staffSession: [] }];
  // A case resolved with a refund hands it to the payment processor once the decision is committed.
  const providers = paymentProviders(ctx);
  const deliver = () => webhookDeliveryFor(ctx, injectDelivery(app));

  app.get(
    '/policy/versions',
    {
      schema: {
        tags: ['admin: after-sales'],
        security,
        summary: 'Every version of the after-sales settings, newest first; the current one is the highest',
        response: { 200: policyVersionListResponse, ...errorResponses },
      },
    },
    async () => {
      const items = await listPolicyVersions(ctx.db);
      return { current: items[0]?.version ?? 1, items: items.map(versionView) };
    },
  );

  app.get(
    '/policy/versions/compare',
    {
      schema: {
        tags: ['admin: after-sales'],
        security,
        summary:
          'The differences in words between two versions of the after-sales settings (404 naming a missing one)',
        querystring: policyCompareQuery,
        response: { 200: policyCompareResponse, ...errorResponses },
      },
    },
    async (request) => {
      const c = await comparePolicyVersions(ctx.db, request.query.from, request.query.to);
      return { from: versionView(c.from), to: versionView(c.to), changes: c.changes };
    },
  );

  app.get(
    '/policy/versions/:version',
    {
      schema: {
        tags: ['admin: after-sales'],
        security,
        summary: 'One version of the after-sales settings (404 when it does not exist)',
        params: policyVersionParams,
        response: { 200: policyVersionResponse, ...errorResponses },
      },
    },
    async (request) => ({ policy: versionView(await findPolicyVersion(ctx.db, request.params.version)) }),
  );

  app.post(
    '/policy/versions/preview',
    {
      bodyLimit: 16 * 1024,
      schema: {
        tags: ['admin: after-sales'],
        security,
        summary:
          'What saving these settings would change, in words, against the live version, and how many open cases keep their own version; nothing is saved',
        body: policyPreviewBody,
        response: { 200: policyPreviewResponse, ...errorResponses },
      },
    },
    async (request) => previewPolicyVersion(ctx.db, request.body.settings),
  );

  app.post(
    '/policy/versions',
    {
      onRequest: ownerOnlyRecorded(ctx, 'shop_settings'),
      bodyLimit: 16 * 1024,
      schema: {
        tags: ['admin: after-sales'],
        security,
        summary:
          'Save a full set of after-sales settings, with the reason, as the next version (owner only); open cases keep theirs. Rolling back is saving an old version this way',
        body: policyVersionBody,
        response: { 201: policyVersionResponse, ...errorResponses },
      },
    },
    async (request, reply) => {
      const staff = staffOf(request);
      const { settings, reason } = request.body;
      const v = await createPolicyVersion(ctx.db, settings, reason, staff.id, ctx.clock.now());
      return reply.status(201).send({ policy: versionView(v) });
    },
  );

  app.get(
    '/cases',
    {
      // The queue is the back office's hottest read: its page is written by a compiled serializer.
      serializerCompiler: compiledResponses(adminCaseListResponse),
      schema: {
        tags: ['admin: after-sales'],
        security,
        summary:
          'The staff case queue: filters (state, kind, opened between, deadline, assignee, product), sorts (opened, updated, deadline), cursor pages',
        querystring: adminCaseListQuery,
        response: { 200: adminCaseListResponse, ...errorResponses },
      },
    },
    async (request) => listCases(ctx, request.query, staffOf(request)),
  );

  app.get(
    '/cases/deadlines',
    {
      schema: {
        tags: ['admin: after-sales'],
        security,
        summary:
          'Deadlines at a glance: how many shop-side steps and customer deadlines are overdue or near (CASE_DUE_SOON_DAYS), and the soonest cases',
        response: { 200: deadlinesOverviewResponse, ...errorResponses },
      },
    },
    async (request) => {
      const o = await deadlinesOverview(ctx, staffOf(request));
      return { ...o, cases: o.cases.map((c) => ({ ...c, deadline: deadlineView(c.deadline) })) };
    },
  );

  app.get(
    '/cases/:id',
    {
      schema: {
        tags: ['admin: after-sales'],
        security,
        summary: 'One case: order, item, assessment as stored, timeline, and the actions staff may take',
        params: caseIdParams,
        response: { 200: adminCaseResponse, ...errorResponses },
      },
    },
    async (request) => ({ case: await caseDetail(ctx, request.params.id, staffOf(request)) }),
  );

  app.post(
    '/cases/:id/actions',
    {
      schema: {
        tags: ['admin: after-sales'],
        security,
        summary:
          'A staff decision on a case, judged again by the engine under its policy version (409 out of order, or a return authorised / resolved without one while required evidence is missing, naming missingEvidence and overrideReason; 422 against the engine without overrideReason; 403 for a role that may not)',
        params: caseIdParams,
        body: staffCaseActionBody,
        response: { 200: adminCaseResponse, ...errorResponses },
      },
    },
    async (request) => {
      // PV-STF-1: another member's case is a 404 before anything moves; the answer is shown as the member may.
      const staff = staffOf(request);
      await caseAccess(ctx, staff, request.params.id, CASE_FIELDS);
      const moved = await staffMoveCase(ctx, request.params.id, request.body, staff, {
        providers,
        deliver: deliver(),
      });
      return { case: await showCase(ctx, staff, moved) };
    },
  );

  app.post(
    '/cases/:id/assign',
    {
      schema: {
        tags: ['admin: after-sales'],
        security,
        summary: 'Give a case to an active member of staff (staffId null: unassigned)',
        params: caseIdParams,
        body: assignCaseBody,
        response: { 200: adminCaseResponse, ...errorResponses },
      },
    },
    async (request) => ({
      case: await assignCase(ctx, request.params.id, request.body.staffId, staffOf(request)),
    }),
  );

  app.get(
    '/cases/:id/messages',
    {
      schema: {
        tags: ['admin: after-sales'],
        security,
        summary: "A case's conversation with the customer (AS-GEN-1), oldest first, with who wrote each",
        params: caseIdParams,
        response: { 200: staffThreadResponse, ...errorResponses },
      },
    },
    async (request) => ({ messages: await staffThread(ctx, request.params.id, staffOf(request)) }),
  );

  app.post(
    '/cases/:id/messages',
    {
      // Far above the 5,000-character limit, so a longer message is a 400 naming `body`, not a 413.
      bodyLimit: 512 * 1024,
      schema: {
        tags: ['admin: after-sales'],
        security,
        summary: "Write to the customer in a case's conversation; the customer is emailed a link to the case",
        params: caseIdParams,
        body: messageBody,
        response: { 201: staffMessageResponse, ...errorResponses },
      },
    },
    async (request, reply) => {
      const staff = staffOf(request);
      const message = await postStaffMessage(ctx, request.params.id, request.body.body, staff);
      return reply.status(201).send({ message });
    },
  );

  // Questions are customer service's: the workshop (technician) neither reads nor answers them.
  // PV-STF-1: questions hold customers' texts, so a refused member is a row of the staff access log; the
  // summary is a count, no one's data: a plain 403 there.
  const questionsGuard = rolesOnlyRecorded(ctx, 'question', questionRoles, {
    fields: ['messages'],
    message:
      'Customers’ questions are answered by the owner and customer service; the attempt is recorded in the audit log',
  });
  // A count is no one's data (PV-STF-1 records reads of personal data): refused, not recorded.
  const questionsCountGuard = rolesOnlyRecorded(ctx, null, questionRoles);

  app.get(
    '/questions',
    {
      onRequest: questionsGuard,
      schema: {
        tags: ['admin: after-sales'],
        security,
        summary:
          'Questions customers sent about a line instead of a claim (no case, no return): waiting ones first, then newest; state keeps one kind (owner and customer service)',
        querystring: questionListQuery,
        response: { 200: questionListResponse, ...errorResponses },
      },
    },
    async (request) => listQuestions(ctx, request.query, staffOf(request)),
  );

  app.get(
    '/questions/summary',
    {
      onRequest: questionsCountGuard,
      schema: {
        tags: ['admin: after-sales'],
        security,
        summary: 'How many questions wait for an answer (owner and customer service)',
        response: { 200: questionSummaryResponse, ...errorResponses },
      },
    },
    async (request) => ({ unanswered: await unansweredQuestionCount(ctx.db, staffOf(request)) }),
  );

  app.post(
    '/questions/:id/answer',
    {
      onRequest: questionsGuard,
      // Far above the 5,000-character limit, so a longer answer is a 400 naming `body`, not a 413.
      bodyLimit: 512 * 1024,
      schema: {
        tags: ['admin: after-sales'],
        security,
        summary:
          'Answer a question once (409 when it already has an answer): the customer is emailed the answer with the link to their order page, where it also shows',
        params: questionIdParams,
        body: messageBody,
        response: { 200: answeredQuestionResponse, ...errorResponses },
      },
    },
    async (request) => ({
      question: await answerQuestion(ctx, request.params.id, request.body.body, staffOf(request)),
    }),
  );
};
