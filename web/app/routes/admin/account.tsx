/**
 * /admin/account: the signed-in member's own account. Changing the password needs the current one; the
 * new one is judged by the server (12+ characters, not easy to guess, nothing of the member's name or email),
 * and every other session of the member ends, so a forgotten laptop or a stolen session is signed out. The
 * checks here only make the messages immediate: the API decides, and a field it refuses is shown at that
 * field with everything typed kept.
 */
import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import type { MetaFunction } from 'react-router';
import { focusFirstInvalid } from '../../components/admin/focus.ts';
import { adminMeta } from '../../components/admin/meta.ts';
import { PasskeysPanel } from '../../components/admin/PasskeysPanel.tsx';
import type { FieldErrors } from '../../components/admin/product-form.ts';
import { errorMessage, Panel } from '../../components/admin/QueryState.tsx';
import { SecondFactorPanel } from '../../components/admin/SecondFactorPanel.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { Input } from '../../components/ui/Input.tsx';
import { Notice } from '../../components/ui/Notice.tsx';
import { PageHeader } from '../../components/ui/PageHeader.tsx';
import { changePassword, getSession, isApiError, keys } from '../../lib/admin-api.ts';

export const meta: MetaFunction = ({ matches }) => adminMeta(matches, 'Your account');

/** The server's rule too (src/accounts/passwords.ts); repeated here only to answer before a round trip. */
const MIN_LENGTH = 12;

interface Draft {
  currentPassword: string;
  newPassword: string;
  repeatPassword: string;
}

const empty: Draft = { currentPassword: '', newPassword: '', repeatPassword: '' };

function problemsOf(draft: Draft): FieldErrors {
  const errors: FieldErrors = {};
  if (!draft.currentPassword) errors.currentPassword = 'Enter the password you signed in with';
  if ([...draft.newPassword].length < MIN_LENGTH) {
    errors.newPassword = `Use at least ${MIN_LENGTH} characters`;
  } else if (draft.newPassword === draft.currentPassword) {
    errors.newPassword = 'Choose a password different from the current one';
  }
  if (!errors.newPassword && draft.repeatPassword !== draft.newPassword) {
    errors.repeatPassword = 'Type the same new password again';
  }
  return errors;
}

const fieldId = (key: keyof Draft) => `account-${key}`;

export default function AccountPage() {
  const session = useQuery({ queryKey: keys.session, queryFn: getSession, staleTime: 5 * 60_000 });
  const [draft, setDraft] = useState<Draft>(empty);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);

  const change = useMutation({
    mutationFn: (d: Draft) => changePassword(d.currentPassword, d.newPassword),
    onSuccess: ({ sessionsEnded }) => {
      setDraft(empty);
      setErrors({});
      setMessage(
        sessionsEnded === 0
          ? 'Password changed. You stay signed in here; you had no other sessions.'
          : `Password changed. You stay signed in here; ${sessionsEnded === 1 ? 'your other session was' : `your ${sessionsEnded} other sessions were`} signed out.`,
      );
    },
    onError: (error) => {
      const field = isApiError(error) ? error.field : undefined;
      if (isApiError(error) && (field === 'currentPassword' || field === 'newPassword')) {
        setErrors({ [field]: error.fieldMessage });
        focusFirstInvalid();
      } else if (isApiError(error, 429)) {
        setFormError('Too many attempts. Wait a few minutes, then try again.');
      } else {
        setFormError(errorMessage(error));
      }
    },
  });

  const set = (key: keyof Draft, value: string) => setDraft((d) => ({ ...d, [key]: value }));

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setMessage(null);
    setFormError(null);
    const found = problemsOf(draft);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      focusFirstInvalid();
      return;
    }
    change.mutate(draft);
  }

  const staff = session.data;
  const errorCount = Object.keys(errors).length;
  return (
    <>
      <PageHeader
        title="Your account"
        description={staff ? `Signed in as ${staff.name} (${staff.email}).` : undefined}
      />
      <form onSubmit={submit} noValidate className="flex max-w-xl flex-col gap-4">
        {errorCount > 0 ? (
          <Notice tone="danger" title="Some fields need a look">
            {errorCount === 1 ? 'One field is' : `${errorCount} fields are`} marked below. The password was
            not changed.
          </Notice>
        ) : null}
        <Panel title="Change your password">
          <div className="grid gap-4">
            {/* Lets password managers file the new password under the right account. */}
            <input
              type="hidden"
              name="username"
              autoComplete="username"
              value={staff?.email ?? ''}
              readOnly
            />
            <Input
              id={fieldId('currentPassword')}
              name="currentPassword"
              type="password"
              label="Current password"
              required
              autoComplete="current-password"
              value={draft.currentPassword}
              onChange={(e) => set('currentPassword', e.target.value)}
              error={errors.currentPassword}
            />
            <Input
              id={fieldId('newPassword')}
              name="newPassword"
              type="password"
              label="New password"
              hint={`At least ${MIN_LENGTH} characters and hard to guess: a few unrelated words work well. Not your name, email or the shop's name.`}
              required
              autoComplete="new-password"
              value={draft.newPassword}
              onChange={(e) => set('newPassword', e.target.value)}
              error={errors.newPassword}
            />
            <Input
              id={fieldId('repeatPassword')}
              name="repeatPassword"
              type="password"
              label="New password again"
              required
              autoComplete="new-password"
              value={draft.repeatPassword}
              onChange={(e) => set('repeatPassword', e.target.value)}
              error={errors.repeatPassword}
            />
          </div>
        </Panel>
        {formError ? (
          <Notice tone="danger" title="The password was not changed">
            {formError}
          </Notice>
        ) : null}
        <div className="flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-end">
          <div role="status" className="text-sm sm:mr-auto">
            {message ? <span className="text-green-800">{message}</span> : null}
          </div>
          <Button type="submit" busy={change.isPending}>
            Change password
          </Button>
        </div>
      </form>
      <div className="mt-6 max-w-xl">
        <SecondFactorPanel />
      </div>
      <div className="mt-6 max-w-xl">{staff ? <PasskeysPanel email={staff.email} /> : null}</div>
    </>
  );
}
