/**
 * /admin/staff: the owner's list of the shop's staff and whether each signs in with an authenticator app or a
 * passkey. New members are invited here by email and role (PV-STF-2: the email's one-time link lets them choose
 * a password); invitations waiting for an answer are listed. A member who leaves is deactivated here: every
 * session, their password, second factor and passkeys stop at once (the last active owner cannot be). A member
 * who lost their phone (and their recovery codes) is helped here too: "Reset two-factor sign-in" removes the
 * app and their passkeys, ends their sessions and writes a security event. Owner only (the API answers others
 * 403).
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import type { MetaFunction } from 'react-router';
import { deactivationProblem } from '../../../../src/accounts/staff-lifecycle/lifecycle.rules.ts';
import { plural } from '../../../../src/shared/text.ts';
import { ConfirmDialog } from '../../components/admin/ConfirmDialog.tsx';
import { formatDateTime } from '../../components/admin/format.ts';
import { adminMeta } from '../../components/admin/meta.ts';
import { errorMessage, LoadError, Loading } from '../../components/admin/QueryState.tsx';
import { Badge } from '../../components/ui/Badge.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { Input } from '../../components/ui/Input.tsx';
import { Notice } from '../../components/ui/Notice.tsx';
import { PageHeader } from '../../components/ui/PageHeader.tsx';
import { Select } from '../../components/ui/Select.tsx';
import { getSession, isApiError, keys, type Staff } from '../../lib/admin-api.ts';
import {
  deactivateStaff,
  inviteStaff,
  listInvitations,
  listStaff,
  resetSecondFactor,
  type StaffMember,
  securityKeys,
} from '../../lib/admin-security-api.ts';

export const meta: MetaFunction = ({ matches }) => adminMeta(matches, 'Staff');

const roleLabels: Record<StaffMember['role'], string> = {
  owner: 'Owner',
  customer_service: 'Customer service',
  technician: 'Technician',
};

export default function StaffPage() {
  const session = useQuery({ queryKey: keys.session, queryFn: getSession, staleTime: 5 * 60_000 });
  const staff = useQuery({
    queryKey: securityKeys.staff,
    queryFn: listStaff,
    enabled: session.data?.role === 'owner',
  });
  const client = useQueryClient();
  const [resetting, setResetting] = useState<StaffMember | null>(null);
  const [leaving, setLeaving] = useState<StaffMember | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const deactivate = useMutation({
    mutationFn: (member: StaffMember) => deactivateStaff(member.id),
    onSuccess: ({ released }, member) => {
      setLeaving(null);
      // PV-STF-2: what they left open is back in the queue, unassigned, for the others to take.
      const back =
        released.cases + released.orders === 0
          ? 'They had no open cases or orders.'
          : `${plural(released.cases, 'open case')} and ${plural(released.orders, 'open order')} of theirs are back in the queue, unassigned, for the others to take.`;
      setDone(`${member.name} was deactivated: their sessions ended and they can no longer sign in. ${back}`);
      void client.invalidateQueries({ queryKey: securityKeys.staff });
      void client.invalidateQueries({ queryKey: securityKeys.all });
      // Deactivating yourself (another owner stays) signs you out: the layout goes to the sign-in page.
      if (member.id === session.data?.id) client.setQueryData(keys.session, null);
    },
  });
  const reset = useMutation({
    mutationFn: (member: StaffMember) => resetSecondFactor(member.id),
    onSuccess: (_, member) => {
      setResetting(null);
      setDone(
        `${member.name}’s two-factor sign-in was reset and their sessions ended. They sign in with their password and set it up again.`,
      );
      void client.invalidateQueries({ queryKey: securityKeys.staff });
      void client.invalidateQueries({ queryKey: securityKeys.all });
    },
  });

  // PV-STF-2: the server's own rule, so the page never offers a deactivation the server refuses (the last
  // active owner); the reason stands where the button would.
  const activeOwnerIds = (staff.data ?? []).filter((m) => m.role === 'owner' && m.active).map((m) => m.id);
  const deactivationRefusal = (m: StaffMember): string | null =>
    deactivationProblem({
      actorId: session.data?.id ?? '',
      target: { id: m.id, role: m.role, active: m.active },
      activeOwnerIds,
    });

  return (
    <>
      <PageHeader
        title="Staff"
        description="Who works in the back office, whether each signs in with an authenticator app, and who is invited to join."
      />
      {done ? (
        <Notice tone="success" className="mb-4">
          {done}
        </Notice>
      ) : null}
      {staff.isPending ? (
        <Loading label="Loading staff" />
      ) : staff.isError ? (
        <LoadError error={staff.error} what="the staff" onRetry={() => staff.refetch()} />
      ) : (
        <ul className="flex flex-col gap-3" aria-label="Staff">
          {staff.data.map((m) => (
            <li
              key={m.id}
              data-staff-member={m.email}
              className="flex flex-wrap items-center justify-between gap-3 rounded-xl border border-line bg-surface p-4"
            >
              <div className="min-w-0">
                <p className="font-semibold text-gray-900">
                  {m.name} <span className="font-normal text-muted">· {roleLabels[m.role]}</span>
                </p>
                <p className="text-sm text-muted">{m.email}</p>
              </div>
              <div className="flex flex-wrap items-center gap-2">
                {!m.active ? <Badge tone="neutral">Left the shop</Badge> : null}
                {m.active && m.secondFactor ? <Badge tone="success">Two-factor sign-in on</Badge> : null}
                {m.active && m.passkeys > 0 ? (
                  <Badge tone="success">{m.passkeys === 1 ? 'Passkey' : `${m.passkeys} passkeys`}</Badge>
                ) : null}
                {m.active && !m.secondFactor && m.passkeys === 0 ? (
                  <Badge tone="warning">Password only</Badge>
                ) : null}
                {m.active && (m.secondFactor || m.passkeys > 0) && m.id !== session.data?.id ? (
                  <Button
                    size="sm"
                    variant="secondary"
                    aria-label={`Reset two-factor sign-in of ${m.name}`}
                    onClick={() => setResetting(m)}
                  >
                    Reset two-factor sign-in
                  </Button>
                ) : null}
                {m.active && deactivationRefusal(m) ? (
                  <p className="text-sm text-muted" data-cannot-deactivate>
                    {deactivationRefusal(m)}
                  </p>
                ) : m.active ? (
                  <Button
                    size="sm"
                    variant="secondary"
                    aria-label={`Deactivate ${m.name}`}
                    onClick={() => setLeaving(m)}
                  >
                    Deactivate
                  </Button>
                ) : null}
              </div>
            </li>
          ))}
        </ul>
      )}
      <InviteForm onInvited={(message) => setDone(message)} />
      <ConfirmDialog
        open={leaving !== null}
        title={`Deactivate ${leaving?.name ?? 'this member'}?`}
        confirmLabel="Deactivate and sign them out"
        confirmVariant="danger"
        busy={deactivate.isPending}
        error={deactivate.isError ? errorMessage(deactivate.error) : null}
        onConfirm={() => leaving && deactivate.mutate(leaving)}
        onClose={() => {
          setLeaving(null);
          deactivate.reset();
        }}
        description="Every session of theirs ends now, and their password, authenticator, recovery codes and the invitations they sent stop working. Their name stays on the cases and events they worked on. To bring them back later, invite them again: they choose a new password."
      />
      <ConfirmDialog
        open={resetting !== null}
        title={`Reset ${resetting?.name ?? 'this member'}’s two-factor sign-in?`}
        confirmLabel="Reset and sign them out"
        confirmVariant="danger"
        busy={reset.isPending}
        error={reset.isError ? errorMessage(reset.error) : null}
        onConfirm={() => resetting && reset.mutate(resetting)}
        onClose={() => {
          setResetting(null);
          reset.reset();
        }}
        description="Do this only when you know it is really them who lost their phone. Their authenticator, recovery codes and passkeys stop working and every session of theirs ends; the reset is written to the security events."
      />
    </>
  );
}

interface InviteErrors {
  email?: string;
  name?: string;
  role?: string;
  form?: string;
}

/**
 * PV-STF-2: the invitation form and the invitations waiting for an answer. Inviting an address again replaces
 * the older link; the email goes through the outbox like every other (see Mail).
 */
function InviteForm({ onInvited }: { onInvited: (message: string) => void }) {
  const client = useQueryClient();
  const invitations = useQuery({ queryKey: securityKeys.invitations, queryFn: listInvitations });
  const [errors, setErrors] = useState<InviteErrors>({});
  const invite = useMutation({
    mutationFn: inviteStaff,
    onSuccess: (invitation, _vars) => {
      setErrors({});
      onInvited(
        `${invitation.name} is invited: the email with their link is on its way. It works once, until ${formatDateTime(invitation.expiresAt)}.`,
      );
      void client.invalidateQueries({ queryKey: securityKeys.invitations });
    },
    onError: (error) => {
      if (
        isApiError(error) &&
        (error.field === 'email' || error.field === 'name' || error.field === 'role')
      ) {
        setErrors({ [error.field]: error.fieldMessage });
      } else setErrors({ form: errorMessage(error) });
    },
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const email = String(data.get('email') ?? '').trim();
    const name = String(data.get('name') ?? '').trim();
    const role = String(data.get('role') ?? '') as Staff['role'];
    const found: InviteErrors = {};
    if (!name) found.name = 'Enter their name';
    if (!email) found.email = 'Enter their email address';
    else if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email))
      found.email = 'Enter an email address like name@example.com';
    if (!(role in roleLabels)) found.role = 'Choose a role';
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    invite.mutate(
      { email, name, role },
      {
        onSuccess: () => form.reset(),
      },
    );
  }

  return (
    <section aria-labelledby="invite-title" className="mt-8 flex flex-col gap-4">
      <h2 id="invite-title" className="text-lg font-semibold text-gray-900">
        Invite a member
      </h2>
      <form
        method="post"
        onSubmit={submit}
        noValidate
        data-invite-form=""
        className="grid gap-4 rounded-xl border border-line bg-surface p-4 sm:grid-cols-2"
      >
        {errors.form ? (
          <Notice tone="danger" className="sm:col-span-2">
            {errors.form}
          </Notice>
        ) : null}
        <Input
          id="invite-name"
          name="name"
          label="Name"
          autoComplete="off"
          required
          maxLength={100}
          error={errors.name}
        />
        <Input
          id="invite-email"
          name="email"
          type="email"
          label="Email"
          autoComplete="off"
          required
          maxLength={254}
          error={errors.email}
        />
        <Select
          id="invite-role"
          name="role"
          label="Role"
          required
          defaultValue="customer_service"
          options={Object.entries(roleLabels).map(([value, label]) => ({ value, label }))}
          error={errors.role}
          hint="Owners must sign in with an authenticator app"
        />
        <div className="flex items-end">
          <Button type="submit" busy={invite.isPending}>
            Send the invitation
          </Button>
        </div>
      </form>
      <h2 className="text-lg font-semibold text-gray-900">Waiting for an answer</h2>
      {invitations.isPending ? (
        <Loading label="Loading invitations" />
      ) : invitations.isError ? (
        <LoadError error={invitations.error} what="the invitations" onRetry={() => invitations.refetch()} />
      ) : invitations.data.length === 0 ? (
        <p className="text-muted">No invitation is waiting.</p>
      ) : (
        <ul className="flex flex-col gap-3" aria-label="Invitations waiting for an answer">
          {invitations.data.map((i) => (
            <li key={i.id} data-invitation={i.email} className="rounded-xl border border-line bg-surface p-4">
              <p className="font-semibold text-gray-900">
                {i.name} <span className="font-normal text-muted">· {roleLabels[i.role]}</span>
              </p>
              <p className="text-sm text-muted">
                {i.email} · the link works until{' '}
                <time dateTime={i.expiresAt}>{formatDateTime(i.expiresAt)}</time>
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
