/**
 * The back office's client for customers' questions (issue 10 point 1): the waiting-first list, the count of
 * questions waiting (the navigation's badge) and the answer. Types come from the zod schemas the server
 * validates with (src/aftersales/cases/conversation.schemas.ts).
 */
import type { z } from 'zod';
import type {
  questionListQuery,
  questionListResponse,
  StaffQuestion,
} from '../../../src/aftersales/cases/conversation.schemas.ts';
import { request, withQuery } from './admin-api.ts';

export type { StaffQuestion };
export type QuestionList = z.infer<typeof questionListResponse>;
/** The list's query as the page sends it. */
export type QuestionListQuery = Partial<Record<keyof z.input<typeof questionListQuery>, string | number>>;

export function listQuestions(query: QuestionListQuery): Promise<QuestionList> {
  return request('GET', withQuery('/api/admin/questions', query));
}

/** How many questions wait for an answer. */
export async function unansweredQuestions(): Promise<number> {
  return (await request<{ unanswered: number }>('GET', '/api/admin/questions/summary')).unanswered;
}

/** Answers a question once; the server emails the customer. Errors name `body` (400 bad text, 409 answered). */
export async function answerQuestion(id: string, body: string): Promise<StaffQuestion> {
  const path = `/api/admin/questions/${encodeURIComponent(id)}/answer`;
  return (await request<{ question: StaffQuestion }>('POST', path, { body })).question;
}

export const questionKeys = {
  all: ['questions'] as const,
  list: (query: QuestionListQuery) => ['questions', 'list', query] as const,
  summary: ['questions', 'summary'] as const,
};
