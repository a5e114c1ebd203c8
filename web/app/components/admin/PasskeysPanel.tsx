/**
 * The signed-in member's passkeys on *Your account* (and on the owner's enrolment screen): each with its name,
 * when it was added and last used, removable with the password; "Add a passkey" where the browser can. A
 * passkey with user verification is both factors (issue 12 point 7): it signs in without the authenticator
 * code and meets the owner's second-factor requirement, so adding one updates the session at once.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { keys, type Staff } from '../../lib/admin-api.ts';
import { listPasskeys, PasskeyProblem, removePasskey } from '../../lib/passkeys.client.ts';
import { AddPasskeyForm } from '../passkeys/AddPasskeyForm.tsx';
import { Button } from '../ui/Button.tsx';
import { Input } from '../ui/Input.tsx';
import { Notice } from '../ui/Notice.tsx';
import { formatDateTime } from './format.ts';
import { LoadError, Loading, Panel } from './QueryState.tsx';

const passkeysKey = ['staff-passkeys'] as const;

export function PasskeysPanel({ email }: { email: string }) {
  const client = useQueryClient();
  const list = useQuery({ queryKey: passkeysKey, queryFn: () => listPasskeys('/api/staff') });
  const [removing, setRemoving] = useState<string | null>(null);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  function refresh(hasPasskey: boolean) {
    void client.invalidateQueries({ queryKey: passkeysKey });
    client.setQueryData<Staff | null>(keys.session, (staff) =>
      staff
        ? {
            ...staff,
            passkey: hasPasskey,
            enrolmentRequired: staff.role === 'owner' && !staff.secondFactor && !hasPasskey,
          }
        : staff,
    );
  }

  const remove = useMutation({
    mutationFn: (id: string) => removePasskey('/api/staff', id, password),
    onSuccess: (_, id) => {
      setRemoving(null);
      setPassword('');
      setMessage('The passkey is removed: it no longer signs in to your account.');
      refresh((list.data ?? []).some((p) => p.id !== id));
    },
    onError: (e) => setError(e instanceof PasskeyProblem ? e.message : String(e)),
  });

  function submitRemoval(event: FormEvent<HTMLFormElement>, id: string) {
    event.preventDefault();
    if (!password) {
      setError('Enter your password to remove the passkey');
      return;
    }
    setError(null);
    remove.mutate(id);
  }

  return (
    <Panel title="Passkeys">
      <div className="grid gap-4" data-staff-passkeys="">
        <p>
          A passkey signs you in on its own, without the password or a code: your device unlocks it with your
          fingerprint, face or PIN, so it counts as both factors and cannot be phished. With a passkey, the
          password alone no longer signs you in.
        </p>
        {message ? (
          <p role="status" className="text-green-800">
            {message}
          </p>
        ) : null}
        {list.isPending ? (
          <Loading label="Loading your passkeys" />
        ) : list.isError ? (
          <LoadError error={list.error} what="your passkeys" onRetry={() => list.refetch()} />
        ) : list.data.length === 0 ? (
          <p>You have no passkeys yet.</p>
        ) : (
          <ul className="grid gap-3">
            {list.data.map((p) => (
              <li key={p.id} className="grid gap-2 rounded-lg border border-line p-3" data-passkey={p.name}>
                <p className="font-semibold break-words text-gray-900">{p.name}</p>
                <p className="text-sm text-muted">
                  Added {formatDateTime(p.createdAt)} ·{' '}
                  {p.lastUsedAt ? `Last used ${formatDateTime(p.lastUsedAt)}` : 'Not used yet'}
                </p>
                {removing === p.id ? (
                  <form
                    onSubmit={(e) => submitRemoval(e, p.id)}
                    noValidate
                    className="flex flex-wrap items-end gap-3"
                  >
                    <Input
                      id={`remove-passkey-${p.id}`}
                      label="Your password"
                      type="password"
                      autoComplete="current-password"
                      required
                      value={password}
                      onChange={(e) => setPassword(e.target.value)}
                      error={error}
                      fieldClassName="min-w-0 flex-1"
                    />
                    <Button type="submit" variant="danger" size="sm" busy={remove.isPending}>
                      Remove passkey
                    </Button>
                    <Button type="button" variant="ghost" size="sm" onClick={() => setRemoving(null)}>
                      Keep it
                    </Button>
                  </form>
                ) : (
                  <div>
                    <Button
                      type="button"
                      variant="secondary"
                      size="sm"
                      onClick={() => {
                        setRemoving(p.id);
                        setPassword('');
                        setError(null);
                      }}
                    >
                      Remove<span className="sr-only"> the passkey {p.name}</span>
                    </Button>
                  </div>
                )}
              </li>
            ))}
          </ul>
        )}
        {remove.isError && removing === null ? <Notice tone="danger">{error}</Notice> : null}
        <AddPasskeyForm
          api="/api/staff"
          username={email}
          onAdded={() => {
            setMessage('The passkey is added: next time, choose “Use a passkey” on the sign-in page.');
            refresh(true);
          }}
        />
      </div>
    </Panel>
  );
}
