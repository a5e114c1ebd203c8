/**
 * /admin/newsletter (owner only, PV-USE-1, PV-USE-2): write a campaign, see the footer every copy ends with,
 * send it to the confirmed subscribers after a confirmation, and read past campaigns. The page shows how many
 * subscribers there are, never who: no list or export of addresses exists.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import type { MetaFunction } from 'react-router';
import { ConfirmDialog } from '../../components/admin/ConfirmDialog.tsx';
import { formatDateTime } from '../../components/admin/format.ts';
import { adminMeta } from '../../components/admin/meta.ts';
import { errorMessage, LoadError, Loading, Panel } from '../../components/admin/QueryState.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { EmptyState } from '../../components/ui/EmptyState.tsx';
import { Input, Textarea } from '../../components/ui/Input.tsx';
import { Notice } from '../../components/ui/Notice.tsx';
import { PageHeader } from '../../components/ui/PageHeader.tsx';
import { isApiError } from '../../lib/admin-api.ts';
import { getNewsletterOverview, newsletterKeys, sendCampaign } from '../../lib/admin-newsletter-api.ts';

export const meta: MetaFunction = ({ matches }) => adminMeta(matches, 'Newsletter');

type Errors = Partial<Record<'subject' | 'text', string>>;

function people(n: number): string {
  return n === 1 ? '1 confirmed subscriber' : `${n} confirmed subscribers`;
}

export default function Newsletter() {
  const queryClient = useQueryClient();
  const overview = useQuery({ queryKey: newsletterKeys.overview, queryFn: getNewsletterOverview });
  const [subject, setSubject] = useState('');
  const [text, setText] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [reviewing, setReviewing] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const send = useMutation({
    mutationFn: () => sendCampaign(subject, text),
    onSuccess: (campaign) => {
      setReviewing(false);
      setSubject('');
      setText('');
      setMessage(`“${campaign.subject}” is queued for ${people(campaign.recipientCount)}.`);
      void queryClient.invalidateQueries({ queryKey: newsletterKeys.overview });
    },
    onError: (error) => {
      const field = isApiError(error) ? error.field : undefined;
      if (field === 'subject' || field === 'text') {
        setReviewing(false);
        setErrors({ [field]: errorMessage(error) });
      }
    },
  });

  function review(event: FormEvent) {
    event.preventDefault();
    setMessage(null);
    const found: Errors = {};
    if (!subject.trim()) found.subject = 'Write a subject';
    if (!text.trim()) found.text = 'Write the message';
    setErrors(found);
    if (Object.keys(found).length === 0) setReviewing(true);
  }

  return (
    <div className="space-y-6">
      <PageHeader
        title="Newsletter"
        description="Special offers by email, only to people who asked for them and confirmed (double opt-in). Every copy ends with a one-click unsubscribe link. Nobody can see or export the subscribers' addresses."
      />
      {overview.isPending ? (
        <Loading label="Loading the newsletter" />
      ) : overview.isError ? (
        <LoadError error={overview.error} what="the newsletter" onRetry={() => overview.refetch()} />
      ) : (
        <>
          <Panel title="New campaign">
            <form noValidate onSubmit={review} className="space-y-4">
              <p className="text-sm text-muted" data-testid="subscriber-count">
                Goes to {people(overview.data.confirmedSubscribers)}.
              </p>
              <Input
                label="Subject"
                id="campaign-subject"
                required
                maxLength={150}
                value={subject}
                onChange={(e) => setSubject(e.target.value)}
                error={errors.subject}
              />
              <Textarea
                label="Message"
                hint="Plain text; a blank line starts a new paragraph."
                id="campaign-text"
                rows={8}
                required
                maxLength={20_000}
                value={text}
                onChange={(e) => setText(e.target.value)}
                error={errors.text}
              />
              <div>
                <p className="text-sm font-semibold text-gray-900">Every copy ends with</p>
                <div className="mt-1 rounded-lg border border-line bg-gray-50 p-3 text-sm break-words whitespace-pre-wrap text-gray-800">
                  {overview.data.footerPreview.join('\n')}
                </div>
              </div>
              {message ? <Notice tone="success" title={message} /> : null}
              <Button type="submit">Review and send</Button>
            </form>
          </Panel>

          <ConfirmDialog
            open={reviewing}
            title={`Send “${subject.trim()}”?`}
            description={`It goes to ${people(overview.data.confirmedSubscribers)} at once and cannot be recalled.`}
            confirmLabel="Send campaign"
            busy={send.isPending}
            error={send.isError ? errorMessage(send.error) : null}
            onConfirm={() => send.mutate()}
            onClose={() => setReviewing(false)}
          />

          <Panel title="Past campaigns">
            {overview.data.campaigns.length === 0 ? (
              <EmptyState title="No campaign sent yet" description="Campaigns you send are listed here." />
            ) : (
              <ul className="divide-y divide-line" aria-label="Past campaigns">
                {overview.data.campaigns.map((c) => (
                  <li key={c.id} className="py-3">
                    <details>
                      <summary className="cursor-pointer">
                        <span className="font-semibold text-gray-900">{c.subject}</span>
                        <span className="block text-sm text-muted sm:inline sm:before:content-['_·_']">
                          <time dateTime={c.sentAt}>{formatDateTime(c.sentAt)}</time> ·{' '}
                          {people(c.recipientCount)}
                          {c.sentBy ? ` · by ${c.sentBy}` : ''}
                        </span>
                      </summary>
                      <p className="mt-2 text-sm break-words whitespace-pre-wrap text-gray-800">{c.body}</p>
                    </details>
                  </li>
                ))}
              </ul>
            )}
          </Panel>
        </>
      )}
    </div>
  );
}
