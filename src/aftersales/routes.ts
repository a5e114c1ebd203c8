/**
 * The customer's after-sales API, under the order's signed link (the same authorisation as the order page:
 * whoever holds the link from the order emails, or got it from the reference + email lookup). Personal: no-store.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../context.ts';
import { linkParams } from '../orders/schemas.ts';
import { compiledResponses } from '../shared/compiled-serializer.ts';
import { errorResponses } from '../shared/http-schemas.ts';
import { noStore } from '../shared/no-store.ts';
import { assessClaims } from './cases/assess-claims.service.ts';
import { customerMoveCase } from './cases/case-action.service.ts';
import { customerThread, postCustomerMessage } from './cases/case-messages.service.ts';
import {
  customerMessageResponse,
  customerQuestionResponse,
  customerThreadResponse,
  messageBody,
  questionBody,
  questionLinkParams,
  questionResponse,
} from './cases/conversation.schemas.ts';
import { openClaims } from './cases/open-claims.service.ts';
import { orderCases } from './cases/order-cases.service.ts';
import { askQuestion, customerQuestion } from './cases/questions.service.ts';
import {
  assessResponse,
  caseActionBody,
  caseLinkParams,
  claimBody,
  customerCaseResponse,
  openCasesResponse,
  orderCasesResponse,
} from './cases/schemas.ts';

export const afterSalesRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.addHook('onRequest', noStore);
  const tags = ['after-sales'];

  app.post(
    '/orders/by-link/:token/claims/assess',
    {
      bodyLimit: 32 * 1024,
      schema: {
        tags,
        summary:
          'What the after-sales policy says about a claim on each line, judged by the current policy version; stores nothing',
        params: linkParams,
        body: claimBody,
        response: { 200: assessResponse, ...errorResponses },
      },
    },
    async (request) => assessClaims(ctx, request.params.token, request.body),
  );

  app.post(
    '/orders/by-link/:token/claims',
    {
      bodyLimit: 32 * 1024,
      // The customer's busiest write: its answer, built by the service from what it wrote, is written by a
      // compiled serializer.
      serializerCompiler: compiledResponses(openCasesResponse),
      schema: {
        tags,
        summary:
          'Open one after-sales case per line (re-assessed now); a claim the policy declines opens nothing (422)',
        params: linkParams,
        body: claimBody,
        response: { 201: openCasesResponse, ...errorResponses },
      },
    },
    async (request, reply) => {
      const cases = await openClaims(ctx, request.params.token, request.body);
      return reply.status(201).send({ cases });
    },
  );

  app.get(
    '/orders/by-link/:token/cases',
    {
      schema: {
        tags,
        summary: "The order's lines a claim can name, and its after-sales cases",
        params: linkParams,
        response: { 200: orderCasesResponse, ...errorResponses },
      },
    },
    async (request) => orderCases(ctx, request.params.token),
  );

  app.post(
    '/orders/by-link/:token/cases/:reference/actions',
    {
      schema: {
        tags,
        summary: "The customer's move on a case of this order (withdraw, accept or decline a quote)",
        params: caseLinkParams,
        body: caseActionBody,
        response: { 200: customerCaseResponse, ...errorResponses },
      },
    },
    async (request) => ({
      case: await customerMoveCase(ctx, request.params.token, request.params.reference, request.body),
    }),
  );

  // A message is at most 5,000 characters; the body limit lets a far longer one arrive, so it is refused as
  // a 400 naming `body` rather than an anonymous 413.
  const messageBodyLimit = 512 * 1024;

  app.get(
    '/orders/by-link/:token/cases/:reference/messages',
    {
      schema: {
        tags,
        summary: "A case's conversation with customer service (AS-GEN-1), oldest first",
        params: caseLinkParams,
        response: { 200: customerThreadResponse, ...errorResponses },
      },
    },
    async (request) => ({
      messages: await customerThread(ctx, request.params.token, request.params.reference),
    }),
  );

  app.post(
    '/orders/by-link/:token/cases/:reference/messages',
    {
      bodyLimit: messageBodyLimit,
      schema: {
        tags,
        summary: "Write to customer service in an open case's conversation (409 once the case is finished)",
        params: caseLinkParams,
        body: messageBody,
        response: { 201: customerMessageResponse, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { token, reference } = request.params;
      const message = await postCustomerMessage(ctx, token, reference, request.body.body);
      return reply.status(201).send({ message });
    },
  );

  app.get(
    '/orders/by-link/:token/questions/:id',
    {
      schema: {
        tags,
        summary:
          "One question sent about this order, with customer service's answer once given (404 for another order's)",
        params: questionLinkParams,
        response: { 200: customerQuestionResponse, ...errorResponses },
      },
    },
    async (request) => ({
      question: await customerQuestion(ctx, request.params.token, request.params.id),
    }),
  );

  app.post(
    '/orders/by-link/:token/questions',
    {
      bodyLimit: messageBodyLimit,
      schema: {
        tags,
        summary:
          'Ask customer service about a line (what a declined claim becomes): opens no case and no return',
        params: linkParams,
        body: questionBody,
        response: { 201: questionResponse, ...errorResponses },
      },
    },
    async (request, reply) => {
      const question = await askQuestion(ctx, request.params.token, request.body);
      return reply.status(201).send({ question });
    },
  );
};
