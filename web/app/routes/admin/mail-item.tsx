/** /admin/mail/:id: one email as it was rendered, its delivery state, and a retry for a failed one. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, type MetaFunction, useParams } from 'react-router';
import { formatDateTime, mailTemplateLabel } from '../../components/admin/format.ts';
import { MailPreview } from '../../components/admin/MailPreview.tsx';
import { adminMeta } from '../../components/admin/meta.ts';
import { errorMessage, LoadError, Loading, Panel } from '../../components/admin/QueryState.tsx';
import { MailStatusBadge } from '../../components/admin/StatusBadge.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { Notice } from '../../components/ui/Notice.tsx';
import { PageHeader } from '../../components/ui/PageHeader.tsx';
import { getMail, keys, retryMail } from '../../lib/admin-api.ts';

export const meta: MetaFunction = ({ matches }) => adminMeta(matches, 'Email');

const crumbs = [{ label: 'Mail outbox', to: '/admin/mail' }];

export default function MailItem() {
  const { id = '' } = useParams();
  const client = useQueryClient();
  const mail = useQuery({ queryKey: keys.mailItem(id), queryFn: () => getMail(id) });
  const [view, setView] = useState<'html' | 'text'>('html');
  const retry = useMutation({
    mutationFn: () => retryMail([id]),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.mail }),
  });

  if (mail.isPending || mail.isError) {
    return (
      <>
        <PageHeader title="Email" breadcrumbs={crumbs} />
        {mail.isPending ? (
          <Loading label="Loading the email" />
        ) : (
          <LoadError error={mail.error} what="this email" onRetry={() => mail.refetch()} />
        )}
      </>
    );
  }
  const m = mail.data;
  return (
    <>
      <PageHeader
        title={m.subject}
        breadcrumbs={crumbs}
        actions={
          m.status === 'failed' ? (
            <Button onClick={() => retry.mutate()} busy={retry.isPending}>
              Retry sending
            </Button>
          ) : undefined
        }
      />
      {retry.isSuccess ? (
        <Notice tone="success" className="mb-4">
          {retry.data.requeued > 0
            ? 'Queued to be sent again.'
            : 'Nothing to retry: the email is no longer failed.'}
        </Notice>
      ) : null}
      {retry.isError ? (
        <Notice tone="danger" title="The email could not be queued again" className="mb-4">
          {errorMessage(retry.error)}
        </Notice>
      ) : null}
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-[minmax(0,1fr)_18rem] lg:items-start">
        <Panel
          title="Message"
          actions={
            m.recipientHidden ? undefined : (
              <fieldset className="inline-flex rounded-lg border border-line p-0.5">
                <legend className="sr-only">Show the message</legend>
                {(['html', 'text'] as const).map((v) => (
                  <button
                    key={v}
                    type="button"
                    aria-pressed={view === v}
                    onClick={() => setView(v)}
                    className={
                      view === v
                        ? 'min-h-9 rounded-md bg-primary px-3 text-sm font-semibold text-on-primary'
                        : 'min-h-9 rounded-md px-3 text-sm font-semibold text-gray-800 hover:bg-gray-100'
                    }
                  >
                    {v === 'html' ? 'As sent' : 'Plain text'}
                  </button>
                ))}
              </fieldset>
            )
          }
        >
          {m.recipientHidden ? (
            // PV-USE-2: the API sends no body of newsletter mail, only this sentence.
            <Notice>{m.textBody}</Notice>
          ) : view === 'html' ? (
            <MailPreview html={m.htmlBody} title={`The email “${m.subject}” as the recipient sees it`} />
          ) : (
            <pre className="overflow-x-auto rounded-lg bg-gray-50 p-4 font-mono text-sm whitespace-pre-wrap break-words">
              {m.textBody}
            </pre>
          )}
        </Panel>
        <Panel title="Delivery">
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
            <dt className="text-muted">Status</dt>
            <dd>
              <MailStatusBadge status={m.status} />
            </dd>
            <dt className="text-muted">To</dt>
            <dd className={m.recipientHidden ? 'text-muted italic' : 'break-all'}>{m.toAddress}</dd>
            <dt className="text-muted">Kind</dt>
            <dd>{mailTemplateLabel(m.template)}</dd>
            <dt className="text-muted">Created</dt>
            <dd>{formatDateTime(m.createdAt)}</dd>
            <dt className="text-muted">Sent</dt>
            <dd>{formatDateTime(m.sentAt)}</dd>
            <dt className="text-muted">Attempts</dt>
            <dd>{m.attempts}</dd>
            {m.lastError ? (
              <>
                <dt className="text-muted">Last error</dt>
                <dd className="break-words text-red-800">{m.lastError}</dd>
              </>
            ) : null}
          </dl>
          {m.orderId ? (
            <p className="mt-3">
              <Link to={`/admin/orders/${m.orderId}`} className="font-semibold text-primary-ink underline">
                Open the order
              </Link>
            </p>
          ) : null}
        </Panel>
      </div>
    </>
  );
}
