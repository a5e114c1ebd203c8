/**
 * /admin/security-events: what happened to accounts that someone should look at (PV-ACC-2): lockouts, failed
 * staff sign-ins and second-factor codes, refused links, password and email changes, second factors reset.
 * Newest first, each with the account, the address and browser it came from, the time and the reason; the
 * filters (to review / reviewed, reason) live in the URL as a GET form and pages are the server's cursors.
 * "Mark reviewed" records who looked and when. Owner and customer service only (the API answers others 403).
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Form, type MetaFunction, useSearchParams } from 'react-router';
import { formatDateTime } from '../../components/admin/format.ts';
import { adminMeta } from '../../components/admin/meta.ts';
import { Pager, useCursorPaging } from '../../components/admin/Pager.tsx';
import { errorMessage, LoadError, Loading } from '../../components/admin/QueryState.tsx';
import { Badge } from '../../components/ui/Badge.tsx';
import { Button, ButtonLink } from '../../components/ui/Button.tsx';
import { EmptyState } from '../../components/ui/EmptyState.tsx';
import { Notice } from '../../components/ui/Notice.tsx';
import { PageHeader } from '../../components/ui/PageHeader.tsx';
import { Select } from '../../components/ui/Select.tsx';
import { Spinner } from '../../components/ui/Spinner.tsx';
import {
  listSecurityEvents,
  reviewSecurityEvent,
  type SecurityEvent,
  type SecurityEventListQuery,
  securityKeys,
} from '../../lib/admin-security-api.ts';

export const meta: MetaFunction = ({ matches }) => adminMeta(matches, 'Security events');

const PAGE_SIZE = 25;

/** Every reason the server writes, in words (the type makes a new reason a compile error until it has some). */
const reasonLabels: Record<SecurityEvent['reason'], string> = {
  lockout: 'Account locked after failed sign-ins',
  sign_in_while_locked: 'Sign-in tried while locked',
  token_reused: 'Email link used again',
  token_expired: 'Expired email link used',
  token_unknown: 'Unknown email link used',
  session_after_sign_out: 'Session used after signing out',
  password_reset: 'Password reset by email',
  password_changed: 'Password changed',
  email_changed: 'Email address changed',
  session_ended: 'Session ended',
  staff_sign_in_failed: 'Staff sign-in failed',
  second_factor_failed: 'Wrong or reused two-factor code',
  second_factor_reset: 'Second factor reset by the owner',
  staff_sign_in_unknown_email: 'Staff sign-in with an unknown email',
  staff_invitation_refused: 'Refused staff invitation link',
  staff_deactivated: 'Staff member deactivated',
  recovery_codes_regenerated: 'New recovery codes made',
  passkey_challenge_mismatch: 'Passkey answer to another challenge',
  passkey_unknown: 'Unknown passkey used',
  passkey_wrong_account: 'Passkey of another account used',
  passkey_signature_failed: 'Passkey signature did not verify',
  passkey_counter_regression: 'Passkey counter went backwards (cloned key?)',
  passkey_added: 'Passkey added',
  passkey_removed: 'Passkey removed',
};

const reviewStates = [
  { value: 'false', label: 'To review' },
  { value: 'true', label: 'Reviewed' },
] as const;

function queryOf(params: URLSearchParams, cursor: string | undefined): SecurityEventListQuery {
  const reviewed = params.get('reviewed');
  const reason = params.get('reason');
  return {
    reviewed: reviewed === 'true' || reviewed === 'false' ? reviewed : undefined,
    reason: reason && reason in reasonLabels ? reason : undefined,
    cursor,
    limit: PAGE_SIZE,
  };
}

export default function SecurityEvents() {
  const [params] = useSearchParams();
  const paging = useCursorPaging();
  const query = queryOf(params, paging.cursor);
  const events = useQuery({
    queryKey: securityKeys.list(query),
    queryFn: () => listSecurityEvents(query),
    placeholderData: keepPreviousData,
  });
  const filtered = query.reviewed !== undefined || query.reason !== undefined;

  return (
    <>
      <PageHeader
        title="Security events"
        description="Sign-ins that failed, accounts locked, links used twice, passwords and second factors changed. Look at each and mark it reviewed; a pattern (many addresses, one account) may need the account owner told."
      />
      <Form
        method="get"
        role="search"
        aria-label="Filter security events"
        className="mb-4 flex flex-wrap items-end gap-3 rounded-xl border border-line bg-surface p-4"
        key={params.toString()}
      >
        <Select
          label="Show"
          name="reviewed"
          defaultValue={query.reviewed ?? ''}
          placeholder="All"
          options={[...reviewStates]}
          fieldClassName="min-w-40 grow sm:grow-0"
        />
        <Select
          label="Reason"
          name="reason"
          defaultValue={query.reason ?? ''}
          placeholder="Any reason"
          options={Object.entries(reasonLabels).map(([value, label]) => ({ value, label }))}
          fieldClassName="min-w-64 grow sm:grow-0"
        />
        <div className="flex gap-2">
          <Button type="submit">Filter</Button>
          {filtered ? (
            <ButtonLink to="/admin/security-events" variant="ghost">
              Clear
            </ButtonLink>
          ) : null}
        </div>
      </Form>

      {events.isPending ? (
        <Loading label="Loading security events" />
      ) : events.isError ? (
        <LoadError error={events.error} what="the security events" onRetry={() => events.refetch()} />
      ) : events.data.items.length === 0 ? (
        <EmptyState
          title={query.reviewed === 'false' ? 'Nothing to review' : 'No security events'}
          description="An event appears here when a sign-in fails, an account locks, or a password or second factor changes."
          action={
            filtered ? (
              <ButtonLink to="/admin/security-events" variant="secondary">
                Show all events
              </ButtonLink>
            ) : undefined
          }
        />
      ) : (
        <>
          <h2 className="mb-2 flex items-center gap-2 text-sm font-semibold text-muted">
            Newest first
            {events.isFetching ? <Spinner size="sm" label="Updating" /> : null}
          </h2>
          <ul className="flex flex-col gap-3" aria-label="Security events">
            {events.data.items.map((e) => (
              <EventRow key={e.id} event={e} />
            ))}
          </ul>
          <Pager
            paging={paging}
            nextCursor={events.data.nextCursor}
            busy={events.isFetching}
            label="Security event pages"
          />
        </>
      )}
    </>
  );
}

function EventRow({ event }: { event: SecurityEvent }) {
  const client = useQueryClient();
  const review = useMutation({
    mutationFn: () => reviewSecurityEvent(event.id),
    onSuccess: () => client.invalidateQueries({ queryKey: securityKeys.all }),
  });
  return (
    <li data-security-event={event.id} className="rounded-xl border border-line bg-surface p-4">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <p className="font-semibold text-gray-900">{reasonLabels[event.reason]}</p>
          <p className="text-sm text-muted">
            <time dateTime={event.at}>{formatDateTime(event.at)}</time> ·{' '}
            {event.subjectType === 'staff' ? 'Staff' : 'Customer'} account{' '}
            <span className="font-medium text-gray-900">{event.email ?? 'not known'}</span>
          </p>
          <dl className="mt-2 grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 text-sm">
            {event.by ? (
              <>
                <dt className="text-muted">By</dt>
                <dd>{event.by.name}</dd>
              </>
            ) : null}
            <dt className="text-muted">Address</dt>
            <dd className="font-mono">{event.ip}</dd>
            <dt className="text-muted">Browser</dt>
            <dd className="break-words">{event.userAgent || 'not sent'}</dd>
          </dl>
        </div>
        <div className="flex flex-col items-end gap-2">
          {event.reviewedAt ? (
            <Badge tone="success">
              Reviewed{event.reviewedBy ? ` by ${event.reviewedBy.name}` : ''},{' '}
              {formatDateTime(event.reviewedAt)}
            </Badge>
          ) : (
            <>
              <Badge tone="warning">To review</Badge>
              <Button size="sm" variant="secondary" busy={review.isPending} onClick={() => review.mutate()}>
                Mark reviewed
              </Button>
            </>
          )}
        </div>
      </div>
      {review.isError ? (
        <Notice tone="danger" className="mt-3">
          {errorMessage(review.error)}
        </Notice>
      ) : null}
    </li>
  );
}
