/**
 * /admin/maintenance-access (PV-STF-1): technicians reach customers' personal data only through maintenance
 * access the owner gives here: to one active technician, with a reason, for one customer (by email or order
 * reference) or every customer, for a number of hours up to the shop's limit. The owner sees the grants in force
 * and those of the last 30 days, with who gave and who revoked them, and revokes one with a button. A technician
 * sees their own grants in force, read-only: what they may look at, why and until when. Other members are told
 * it is not theirs (the API answers them 403).
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import type { MetaFunction } from 'react-router';
import { ConfirmDialog } from '../../components/admin/ConfirmDialog.tsx';
import { formatDateTime } from '../../components/admin/format.ts';
import { adminMeta } from '../../components/admin/meta.ts';
import { errorMessage, LoadError, Loading } from '../../components/admin/QueryState.tsx';
import { Badge, type Tone } from '../../components/ui/Badge.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { EmptyState } from '../../components/ui/EmptyState.tsx';
import { Input } from '../../components/ui/Input.tsx';
import { Notice } from '../../components/ui/Notice.tsx';
import { PageHeader } from '../../components/ui/PageHeader.tsx';
import { Select } from '../../components/ui/Select.tsx';
import { getSession, isApiError, keys } from '../../lib/admin-api.ts';
import {
  createGrant,
  type GrantInput,
  listGrants,
  type MaintenanceGrant,
  ownGrants,
  privacyKeys,
  revokeGrant,
} from '../../lib/admin-privacy-api.ts';
import { listStaff, securityKeys } from '../../lib/admin-security-api.ts';

export const meta: MetaFunction = ({ matches }) => adminMeta(matches, 'Maintenance access');

const stateLabel: Record<MaintenanceGrant['state'], [string, Tone]> = {
  active: ['In force', 'success'],
  expired: ['Expired', 'neutral'],
  revoked: ['Revoked', 'neutral'],
};

export default function MaintenanceAccessPage() {
  const session = useQuery({ queryKey: keys.session, queryFn: getSession, staleTime: 5 * 60_000 });
  const role = session.data?.role;
  if (role === 'technician') return <OwnGrants />;
  if (role && role !== 'owner') {
    return (
      <>
        <PageHeader title="Maintenance access" />
        <Notice tone="info" title="Only the owner gives maintenance access">
          Maintenance access lets a technician see customers’ data for a stated reason and a few hours. You
          see the customers of your own cases and orders without it.
        </Notice>
      </>
    );
  }
  if (!role) return <Loading label="Checking your session" />;
  return <OwnerGrants />;
}

/** The technician's own grants in force, read-only. */
function OwnGrants() {
  const grants = useQuery({ queryKey: privacyKeys.ownGrants, queryFn: ownGrants });
  return (
    <>
      <PageHeader
        title="Maintenance access"
        description="Customers’ personal data opens to you only while the owner has given you maintenance access, for the reason stated. Every record you open is written to the audit log."
      />
      {grants.isPending ? (
        <Loading label="Loading your maintenance access" />
      ) : grants.isError ? (
        <LoadError error={grants.error} what="your maintenance access" onRetry={() => grants.refetch()} />
      ) : grants.data.length === 0 ? (
        <EmptyState
          title="You have no maintenance access now"
          description="Ask the owner when a check or a repair needs a customer’s data: they give it with a reason and an end."
        />
      ) : (
        <ul className="flex flex-col gap-3" aria-label="Your maintenance access">
          {grants.data.map((g) => (
            <li key={g.id} data-own-grant={g.id} className="rounded-xl border border-line bg-surface p-4">
              <p className="font-semibold text-gray-900">
                You have maintenance access to{' '}
                {g.customer ? `the customer ${g.customer.email}` : 'every customer’s data'} until{' '}
                <time dateTime={g.expiresAt}>{formatDateTime(g.expiresAt)}</time>
              </p>
              <p className="text-sm text-muted">Reason: {g.reason}</p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function OwnerGrants() {
  const client = useQueryClient();
  const grants = useQuery({ queryKey: privacyKeys.grants, queryFn: listGrants });
  const [revoking, setRevoking] = useState<MaintenanceGrant | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const revoke = useMutation({
    mutationFn: (g: MaintenanceGrant) => revokeGrant(g.id),
    onSuccess: (g) => {
      setRevoking(null);
      setDone(`${g.member.name}’s maintenance access was revoked.`);
      void client.invalidateQueries({ queryKey: privacyKeys.grants });
    },
  });

  return (
    <>
      <PageHeader
        title="Maintenance access"
        description="Technicians see customers’ personal data only through access you give here: a reason, one customer or all, and an end. Every record they open is written to the audit log with the reason."
      />
      {done ? (
        <Notice tone="success" className="mb-4">
          {done}
        </Notice>
      ) : null}
      <GrantForm
        maxHours={grants.data?.maxHours}
        onGranted={(g) => {
          setDone(
            `${g.member.name} has maintenance access to ${g.customer ? g.customer.email : 'every customer'} until ${formatDateTime(g.expiresAt)}.`,
          );
        }}
      />
      <h2 className="mt-8 mb-2 text-lg font-semibold text-gray-900">In force and of the last 30 days</h2>
      {grants.isPending ? (
        <Loading label="Loading maintenance access" />
      ) : grants.isError ? (
        <LoadError error={grants.error} what="the maintenance access" onRetry={() => grants.refetch()} />
      ) : grants.data.items.length === 0 ? (
        <p className="text-muted">No maintenance access was given in the last 30 days.</p>
      ) : (
        <ul className="flex flex-col gap-3" aria-label="Maintenance access given">
          {grants.data.items.map((g) => {
            const [label, tone] = stateLabel[g.state];
            return (
              <li
                key={g.id}
                data-grant={g.id}
                className="flex flex-wrap items-start justify-between gap-3 rounded-xl border border-line bg-surface p-4"
              >
                <div className="min-w-0">
                  <p className="font-semibold text-gray-900">
                    {g.member.name}{' '}
                    <span className="font-normal text-muted">
                      · {g.customer ? g.customer.email : 'every customer'}
                    </span>
                  </p>
                  <p className="break-words text-sm">Reason: {g.reason}</p>
                  <p className="text-sm text-muted">
                    Given by {g.grantedBy.name} on{' '}
                    <time dateTime={g.createdAt}>{formatDateTime(g.createdAt)}</time> · until{' '}
                    <time dateTime={g.expiresAt}>{formatDateTime(g.expiresAt)}</time>
                    {g.revokedAt ? (
                      <>
                        {' '}
                        · revoked {g.revokedBy ? `by ${g.revokedBy.name}` : 'when the member left'} on{' '}
                        <time dateTime={g.revokedAt}>{formatDateTime(g.revokedAt)}</time>
                      </>
                    ) : null}
                  </p>
                </div>
                <div className="flex flex-wrap items-center gap-2">
                  <Badge tone={tone}>{label}</Badge>
                  {g.state === 'active' ? (
                    <Button
                      size="sm"
                      variant="secondary"
                      aria-label={`Revoke ${g.member.name}’s access to ${g.customer ? g.customer.email : 'every customer'}`}
                      onClick={() => setRevoking(g)}
                    >
                      Revoke
                    </Button>
                  ) : null}
                </div>
              </li>
            );
          })}
        </ul>
      )}
      <ConfirmDialog
        open={revoking !== null}
        title={`Revoke ${revoking?.member.name ?? 'this'} maintenance access?`}
        confirmLabel="Revoke now"
        confirmVariant="danger"
        busy={revoke.isPending}
        error={revoke.isError ? errorMessage(revoke.error) : null}
        onConfirm={() => revoking && revoke.mutate(revoking)}
        onClose={() => {
          setRevoking(null);
          revoke.reset();
        }}
        description="From now on the customers’ data this access opened is masked for them again."
      />
    </>
  );
}

type GrantErrors = Partial<Record<'staffId' | 'reason' | 'scope' | 'customer' | 'hours' | 'form', string>>;
const grantFields = ['staffId', 'reason', 'scope', 'customer', 'hours'] as const;

function GrantForm({
  maxHours,
  onGranted,
}: {
  maxHours: number | undefined;
  onGranted: (g: MaintenanceGrant) => void;
}) {
  const client = useQueryClient();
  const staff = useQuery({ queryKey: securityKeys.staff, queryFn: listStaff });
  const technicians = (staff.data ?? []).filter((m) => m.active && m.role === 'technician');
  const [scope, setScope] = useState<'customer' | 'all'>('customer');
  const [errors, setErrors] = useState<GrantErrors>({});
  const grant = useMutation({
    mutationFn: createGrant,
    onSuccess: (g) => {
      setErrors({});
      onGranted(g);
      void client.invalidateQueries({ queryKey: privacyKeys.grants });
    },
    onError: (error) => {
      const field = isApiError(error) ? error.field : undefined;
      if (isApiError(error) && field && (grantFields as readonly string[]).includes(field)) {
        setErrors({ [field]: error.fieldMessage });
      } else setErrors({ form: errorMessage(error) });
    },
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const staffId = String(data.get('staffId') ?? '');
    const reason = String(data.get('reason') ?? '').trim();
    const customer = String(data.get('customer') ?? '').trim();
    const hoursText = String(data.get('hours') ?? '').trim();
    const hours = Number(hoursText);
    const found: GrantErrors = {};
    if (!staffId) found.staffId = 'Choose the technician';
    if (reason.length < 3) found.reason = 'Say why they need the data (at least 3 characters)';
    if (scope === 'customer' && !customer)
      found.customer = 'Enter the customer’s email or an order reference';
    if (!/^\d{1,5}$/.test(hoursText) || hours < 1) found.hours = 'Enter a whole number of hours, 1 or more';
    else if (maxHours !== undefined && hours > maxHours) found.hours = `At most ${maxHours} hours at once`;
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    const input: GrantInput = {
      staffId,
      reason,
      scope,
      hours,
      ...(scope === 'customer' ? { customer } : {}),
    };
    grant.mutate(input, { onSuccess: () => form.reset() });
  }

  return (
    <section aria-labelledby="grant-title" className="flex flex-col gap-3">
      <h2 id="grant-title" className="text-lg font-semibold text-gray-900">
        Give maintenance access
      </h2>
      {staff.isSuccess && technicians.length === 0 ? (
        <Notice tone="info">No active technician works in the shop: invite one from Staff first.</Notice>
      ) : null}
      <form
        method="post"
        onSubmit={submit}
        noValidate
        data-grant-form=""
        className="grid gap-4 rounded-xl border border-line bg-surface p-4 sm:grid-cols-2"
      >
        {errors.form ? (
          <Notice tone="danger" className="sm:col-span-2">
            {errors.form}
          </Notice>
        ) : null}
        <Select
          id="grant-staff"
          name="staffId"
          label="Technician"
          required
          placeholder="Choose a technician"
          defaultValue=""
          options={technicians.map((m) => ({ value: m.id, label: m.name }))}
          error={errors.staffId}
        />
        <Input
          id="grant-hours"
          name="hours"
          label="For how many hours"
          inputMode="numeric"
          required
          defaultValue="4"
          hint={maxHours !== undefined ? `At most ${maxHours} hours` : undefined}
          error={errors.hours}
        />
        <Input
          id="grant-reason"
          name="reason"
          label="Reason"
          required
          maxLength={300}
          autoComplete="off"
          hint="Shown to the technician and written beside every record they open"
          error={errors.reason}
          fieldClassName="sm:col-span-2"
        />
        <Select
          id="grant-scope"
          name="scope"
          label="Whose data"
          value={scope}
          onChange={(e) => setScope(e.currentTarget.value === 'all' ? 'all' : 'customer')}
          options={[
            { value: 'customer', label: 'One customer' },
            { value: 'all', label: 'Every customer' },
          ]}
          error={errors.scope}
        />
        {scope === 'customer' ? (
          <Input
            id="grant-customer"
            name="customer"
            label="Customer"
            required
            maxLength={254}
            autoComplete="off"
            hint="Their account email or one of their order references (AC-26-00123)"
            error={errors.customer}
          />
        ) : (
          <p className="self-end text-sm text-muted">Every customer’s data opens to them: keep it short.</p>
        )}
        <div className="sm:col-span-2">
          <Button type="submit" busy={grant.isPending}>
            Give access
          </Button>
        </div>
      </form>
    </section>
  );
}
