/**
 * /admin/questions: customers' questions to customer service (issue 10 point 1: a declined claim sent as a
 * question opens no case and no return, so this page is where it is read and answered). Waiting questions come
 * first, then the newest; the filter (waiting / answered) lives in the URL as a GET form and pages are the
 * server's cursors. A row opens in place: the customer's words, what the policy engine told them (with its
 * clauses), and the answer, which the customer is emailed with the link to their order page.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { Form, Link, type MetaFunction, useSearchParams } from 'react-router';
import { MESSAGE_MAX_CHARS } from '../../../../src/aftersales/cases/message-limits.ts';
import { AssessmentPanel } from '../../components/admin/AssessmentPanel.tsx';
import { claimKindLabel } from '../../components/admin/case-format.ts';
import { formatDateTime } from '../../components/admin/format.ts';
import { adminMeta } from '../../components/admin/meta.ts';
import { Pager, useCursorPaging } from '../../components/admin/Pager.tsx';
import { errorMessage, LoadError, Loading } from '../../components/admin/QueryState.tsx';
import { Badge } from '../../components/ui/Badge.tsx';
import { Button, ButtonLink } from '../../components/ui/Button.tsx';
import { EmptyState } from '../../components/ui/EmptyState.tsx';
import { Textarea } from '../../components/ui/Input.tsx';
import { PageHeader } from '../../components/ui/PageHeader.tsx';
import { Select } from '../../components/ui/Select.tsx';
import { Spinner } from '../../components/ui/Spinner.tsx';
import { isApiError } from '../../lib/admin-api.ts';
import {
  answerQuestion,
  listQuestions,
  type QuestionListQuery,
  questionKeys,
  type StaffQuestion,
} from '../../lib/admin-questions-api.ts';

export const meta: MetaFunction = ({ matches }) => adminMeta(matches, 'Questions');

const PAGE_SIZE = 25;
const states = [
  { value: 'unanswered', label: 'Waiting for an answer' },
  { value: 'answered', label: 'Answered' },
] as const;
/** How much of a question the closed row shows. */
const FIRST_WORDS = 14;

function queryOf(params: URLSearchParams, cursor: string | undefined): QuestionListQuery {
  const state = params.get('state');
  return {
    state: states.some((s) => s.value === state) ? (state as string) : undefined,
    cursor,
    limit: PAGE_SIZE,
  };
}

/** The first words of a question on one line, with an ellipsis when there is more. */
function firstWords(body: string): string {
  const words = body.split(/\s+/).filter(Boolean);
  return words.length > FIRST_WORDS ? `${words.slice(0, FIRST_WORDS).join(' ')}…` : words.join(' ');
}

export default function Questions() {
  const [params] = useSearchParams();
  const paging = useCursorPaging();
  const query = queryOf(params, paging.cursor);
  const questions = useQuery({
    queryKey: questionKeys.list(query),
    queryFn: () => listQuestions(query),
    placeholderData: keepPreviousData,
  });
  const [open, setOpen] = useState<string | null>(null);
  const filtered = query.state !== undefined;

  return (
    <>
      <PageHeader
        title="Customers’ questions"
        description="What customers asked instead of a claim (often one the policy declined). A question opens no case and no return: your answer is emailed to the customer and shown on their order page."
      />
      <Form
        method="get"
        role="search"
        aria-label="Filter questions"
        className="mb-4 flex flex-wrap items-end gap-3 rounded-xl border border-line bg-surface p-4"
        key={params.toString()}
      >
        <Select
          label="Show"
          name="state"
          defaultValue={query.state ?? ''}
          placeholder="All, waiting first"
          options={[...states]}
          fieldClassName="min-w-52 grow sm:grow-0"
        />
        <div className="flex gap-2">
          <Button type="submit">Filter</Button>
          {filtered ? (
            <ButtonLink to="/admin/questions" variant="ghost">
              Clear
            </ButtonLink>
          ) : null}
        </div>
      </Form>

      {questions.isPending ? (
        <Loading label="Loading questions" />
      ) : questions.isError ? (
        <LoadError error={questions.error} what="the questions" onRetry={() => questions.refetch()} />
      ) : questions.data.items.length === 0 ? (
        <EmptyState
          title={
            query.state === 'unanswered'
              ? 'No question is waiting'
              : query.state === 'answered'
                ? 'No answered questions yet'
                : 'No questions yet'
          }
          description="A question appears here when a customer sends one from their order’s claim page."
          action={
            filtered ? (
              <ButtonLink to="/admin/questions" variant="secondary">
                Show all questions
              </ButtonLink>
            ) : undefined
          }
        />
      ) : (
        <>
          <h2 className="mb-2 flex items-center gap-2 text-sm font-semibold text-muted">
            {query.state === 'unanswered'
              ? 'Waiting for an answer, newest first'
              : query.state === 'answered'
                ? 'Answered, newest first'
                : 'Waiting for an answer first, then the newest'}
            {questions.isFetching ? <Spinner size="sm" label="Updating" /> : null}
          </h2>
          <ul className="flex flex-col gap-3" aria-label="Questions">
            {questions.data.items.map((q) => (
              <QuestionRow
                key={q.id}
                q={q}
                open={open === q.id}
                onToggle={() => setOpen((current) => (current === q.id ? null : q.id))}
              />
            ))}
          </ul>
          <Pager
            paging={paging}
            nextCursor={questions.data.nextCursor}
            busy={questions.isFetching}
            label="Question pages"
          />
        </>
      )}
    </>
  );
}

function QuestionRow({ q, open, onToggle }: { q: StaffQuestion; open: boolean; onToggle: () => void }) {
  const detailId = useId();
  return (
    <li className="rounded-xl border border-line bg-surface" data-question={q.id}>
      <div className="flex flex-col gap-3 p-4 sm:flex-row sm:items-start sm:justify-between">
        <div className="min-w-0 text-sm">
          <p className="flex flex-wrap items-center gap-x-2 gap-y-1">
            <Link
              to={`/admin/orders/${q.orderId}`}
              className="font-semibold whitespace-nowrap text-primary-ink underline"
            >
              Order {q.orderReference}
            </Link>
            {q.answer ? <Badge tone="success">Answered</Badge> : <Badge tone="warning">Waiting</Badge>}
          </p>
          <p className="font-medium text-gray-900">
            {q.productName}
            {q.variantName ? <span className="text-muted"> · {q.variantName}</span> : null}
          </p>
          <p className="text-muted">
            {claimKindLabel[q.kind]} · asked {formatDateTime(q.createdAt)}
          </p>
          {q.personalData === 'masked' ? (
            <p className="mt-1 text-muted">
              Text hidden: the order is not yours (PV-STF-1). Open the order and take it to read and answer.
            </p>
          ) : (
            <p className="mt-1 break-words text-gray-800">“{firstWords(q.body)}”</p>
          )}
          {q.answer ? (
            <p className="mt-1 text-muted">
              Answered by {q.answer.staff?.name ?? 'a former staff member'} on{' '}
              {formatDateTime(q.answer.answeredAt)}
            </p>
          ) : null}
        </div>
        {q.personalData === 'full' ? (
          <Button
            variant={open ? 'ghost' : 'secondary'}
            size="sm"
            className="shrink-0 self-start"
            aria-expanded={open}
            aria-controls={detailId}
            onClick={onToggle}
          >
            {open ? 'Close' : q.answer ? 'Read' : 'Read and answer'}
          </Button>
        ) : null}
      </div>
      {open && q.personalData === 'full' ? (
        <div id={detailId} className="flex flex-col gap-4 border-t border-line p-4">
          <section aria-label="The customer’s question">
            <h3 className="mb-1 font-semibold text-gray-900">The customer wrote</h3>
            <p className="whitespace-pre-wrap break-words rounded-md border border-gray-200 p-3 text-sm">
              {q.body}
            </p>
          </section>
          <AssessmentPanel
            assessment={q.assessment}
            title="What the policy told the customer"
            note={`Judged again from the order’s records when the question was sent, ${formatDateTime(q.createdAt)}.`}
          />
          {q.answer ? (
            <section aria-label="Your shop’s answer">
              <h3 className="mb-1 font-semibold text-gray-900">
                Answered by {q.answer.staff?.name ?? 'a former staff member'} ·{' '}
                {formatDateTime(q.answer.answeredAt)}
              </h3>
              <p className="whitespace-pre-wrap break-words rounded-md border border-blue-200 bg-blue-50 p-3 text-sm">
                {q.answer.body}
              </p>
            </section>
          ) : (
            <AnswerForm question={q} />
          )}
        </div>
      ) : null}
    </li>
  );
}

/** The reply: written once; a refused one keeps what was typed and says why at the field. */
function AnswerForm({ question }: { question: StaffQuestion }) {
  const client = useQueryClient();
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | null>(null);
  const send = useMutation({
    mutationFn: (body: string) => answerQuestion(question.id, body),
    onSuccess: () => {
      setError(null);
      // The list (the row now answered) and the navigation's count of waiting questions.
      void client.invalidateQueries({ queryKey: questionKeys.all });
    },
    onError: (e) => {
      setError(isApiError(e) ? e.messageFor('Your answer') : errorMessage(e));
      // Answered by someone else meanwhile: show their answer.
      if (isApiError(e, 409)) void client.invalidateQueries({ queryKey: questionKeys.all });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (draft.trim() === '') return setError('Write your answer first.');
    send.mutate(draft);
  };
  return (
    <form onSubmit={submit} className="flex flex-col gap-2" noValidate>
      <Textarea
        label="Your answer"
        hint="Sent once: the customer gets it by email, with the link to their order page, where it also shows."
        value={draft}
        rows={5}
        maxLength={MESSAGE_MAX_CHARS}
        onChange={(e) => {
          setDraft(e.target.value);
          if (error) setError(null);
        }}
        error={error}
      />
      <div>
        <Button type="submit" busy={send.isPending}>
          Send the answer
        </Button>
      </div>
    </form>
  );
}
