/**
 * The back office's side of a case's conversation with the customer (AS-GEN-1: every case starts as one):
 * the messages, oldest first, and a box to answer. The customer is emailed a link to the case on each answer.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { MESSAGE_MAX_CHARS } from '../../../../src/aftersales/cases/message-limits.ts';
import { isApiError } from '../../lib/admin-api.ts';
import { getCaseMessages, postCaseMessage } from '../../lib/admin-cases-api.ts';
import { formatDateTime } from '../admin/format.ts';
import { errorMessage, LoadError, Loading, Panel } from '../admin/QueryState.tsx';
import { Button } from '../ui/Button.tsx';
import { Textarea } from '../ui/Input.tsx';

export function CaseThread({ caseId }: { caseId: string }) {
  const client = useQueryClient();
  const key = ['case-messages', caseId];
  const messages = useQuery({ queryKey: key, queryFn: () => getCaseMessages(caseId) });
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | null>(null);
  const send = useMutation({
    mutationFn: (body: string) => postCaseMessage(caseId, body),
    onSuccess: () => {
      setDraft('');
      setError(null);
      void client.invalidateQueries({ queryKey: key });
    },
    onError: (e) => setError(isApiError(e) ? e.messageFor('Your answer') : errorMessage(e)),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (draft.trim() === '') return setError('Write your answer first.');
    send.mutate(draft);
  };

  return (
    <Panel title="Conversation with the customer">
      {messages.isPending ? (
        <Loading label="Loading the conversation" />
      ) : messages.isError ? (
        <LoadError error={messages.error} what="the conversation" onRetry={() => void messages.refetch()} />
      ) : messages.data.length === 0 ? (
        <p className="text-sm text-muted">No messages yet.</p>
      ) : (
        <ol className="mb-4 flex flex-col gap-3">
          {messages.data.map((m) => (
            <li
              key={m.id}
              className={`rounded-md border p-3 text-sm ${m.author === 'staff' ? 'border-blue-200 bg-blue-50' : 'border-gray-200'}`}
            >
              <p className="mb-1 text-xs text-muted">
                {m.author === 'staff' ? (m.staff?.name ?? 'Customer service') : 'Customer'} ·{' '}
                {formatDateTime(m.createdAt)}
              </p>
              <p className="whitespace-pre-wrap break-words">{m.body}</p>
            </li>
          ))}
        </ol>
      )}
      <form onSubmit={submit} className="flex flex-col gap-2" noValidate>
        <Textarea
          label="Your answer"
          hint="The customer gets an email with a link to the case."
          value={draft}
          maxLength={MESSAGE_MAX_CHARS}
          onChange={(e) => {
            setDraft(e.target.value);
            if (error) setError(null);
          }}
          error={error}
        />
        <div>
          <Button type="submit" disabled={send.isPending}>
            {send.isPending ? 'Sending…' : 'Send to the customer'}
          </Button>
        </div>
      </form>
    </Panel>
  );
}
