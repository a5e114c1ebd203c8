/**
 * /admin/staff: the owner's list of the shop's staff and whether each signs in with an authenticator app or a
 * passkey. A member who lost their phone (and their recovery codes) is helped here: "Reset two-factor sign-in"
 * removes the app and their passkeys,
 * ends their sessions and writes a security event; they sign in with the password and set it up again.
 * Owner only (the API answers others 403).
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { MetaFunction } from 'react-router';
import { ConfirmDialog } from '../../components/admin/ConfirmDialog.tsx';
import { adminMeta } from '../../components/admin/meta.ts';
import { errorMessage, LoadError, Loading } from '../../components/admin/QueryState.tsx';
import { Badge } from '../../components/ui/Badge.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { Notice } from '../../components/ui/Notice.tsx';
import { PageHeader } from '../../components/ui/PageHeader.tsx';
import { getSession, keys } from '../../lib/admin-api.ts';
import {
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
  const staff = useQuery({ queryKey: securityKeys.staff, queryFn: listStaff });
  const client = useQueryClient();
  const [resetting, setResetting] = useState<StaffMember | null>(null);
  const [done, setDone] = useState<string | null>(null);
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

  return (
    <>
      <PageHeader
        title="Staff"
        description="Who works in the back office, and whether each signs in with an authenticator app."
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
                {m.secondFactor ? <Badge tone="success">Two-factor sign-in on</Badge> : null}
                {m.passkeys > 0 ? (
                  <Badge tone="success">{m.passkeys === 1 ? 'Passkey' : `${m.passkeys} passkeys`}</Badge>
                ) : null}
                {!m.secondFactor && m.passkeys === 0 ? <Badge tone="warning">Password only</Badge> : null}
                {(m.secondFactor || m.passkeys > 0) && m.id !== session.data?.id ? (
                  <Button size="sm" variant="secondary" onClick={() => setResetting(m)}>
                    Reset two-factor sign-in
                  </Button>
                ) : null}
              </div>
            </li>
          ))}
        </ul>
      )}
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
