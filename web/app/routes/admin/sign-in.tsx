/**
 * /admin/sign-in: staff sign in with email and password and go back to the page they were heading for. A
 * member with an authenticator app then types its code (or a recovery code) in a second step on the same page;
 * the pending sign-in lives only in this page's memory and expires on the server after a few minutes.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { type MetaFunction, useNavigate, useSearchParams } from 'react-router';
import { adminMeta } from '../../components/admin/meta.ts';
import { errorMessage } from '../../components/admin/QueryState.tsx';
import { focusById, safeNext } from '../../components/admin/session.ts';
import { PasskeySignInButton } from '../../components/passkeys/PasskeySignInButton.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { Input } from '../../components/ui/Input.tsx';
import { Notice } from '../../components/ui/Notice.tsx';
import { completeSecondStep, getSession, isApiError, keys, type Staff, signIn } from '../../lib/admin-api.ts';

export const meta: MetaFunction = ({ matches }) => adminMeta(matches, 'Sign in');

interface Errors {
  email?: string;
  password?: string;
  code?: string;
  form?: string;
}

export default function SignIn() {
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const navigate = useNavigate();
  const client = useQueryClient();
  const session = useQuery({ queryKey: keys.session, queryFn: getSession, staleTime: 5 * 60_000 });
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  /** The token of the second step, once the password was right for a member with an authenticator. */
  const [pending, setPending] = useState<string | null>(null);
  // Before the scripts run the form could only post the password to the page itself: wait for them.
  const [hydrated, setHydrated] = useState(false);

  useEffect(() => setHydrated(true), []);
  useEffect(() => {
    if (session.data) navigate(next, { replace: true });
  }, [session.data, next, navigate]);

  async function submitCode(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const code = String(new FormData(event.currentTarget).get('code') ?? '').trim();
    if (!code || !pending) {
      setErrors({ code: 'Enter the code your authenticator app shows, or a recovery code' });
      focusById('staff-code');
      return;
    }
    setBusy(true);
    setErrors({});
    try {
      client.setQueryData(keys.session, await completeSecondStep(pending, code));
    } catch (error) {
      setBusy(false);
      if (isApiError(error) && error.field === 'token') {
        // The pending sign-in expired: start again from the password.
        setPending(null);
        setErrors({ form: error.message });
      } else if (isApiError(error) && error.field === 'code') {
        setErrors({ code: error.fieldMessage });
        focusById('staff-code');
      } else if (isApiError(error, 429)) {
        setErrors({ form: 'Too many attempts. Wait a minute, then try again.' });
      } else {
        setErrors({ form: errorMessage(error) });
      }
    }
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get('email') ?? '').trim();
    const password = String(form.get('password') ?? '');
    const found: Errors = {};
    if (!email) found.email = 'Enter your email address';
    if (!password) found.password = 'Enter your password';
    if (found.email || found.password) {
      setErrors(found);
      focusById(found.email ? 'staff-email' : 'staff-password');
      return;
    }
    setBusy(true);
    setErrors({});
    try {
      const step = await signIn(email, password);
      if ('secondStep' in step) {
        setBusy(false);
        setPending(step.secondStep.token);
        focusById('staff-code');
        return;
      }
      // The effect above then goes on to the page the person was heading for.
      client.setQueryData(keys.session, step.staff);
    } catch (error) {
      setBusy(false);
      if (isApiError(error) && (error.field === 'email' || error.field === 'password')) {
        setErrors({ [error.field]: error.fieldMessage });
        focusById(`staff-${error.field}`);
      } else if (isApiError(error, 429)) {
        setErrors({ form: 'Too many attempts. Wait a minute, then try again.' });
      } else {
        setErrors({ form: errorMessage(error) });
      }
    }
  }

  return (
    <div data-admin-sign-in="" className="mx-auto w-full max-w-md py-4 sm:py-10">
      <div className="rounded-2xl border border-line bg-surface p-6 shadow-sm sm:p-8">
        <h1 className="text-2xl font-bold tracking-tight text-gray-900">Sign in to the back office</h1>
        <p className="mt-2 text-muted">For the shop’s staff. Customers don’t need an account to order.</p>
        {pending ? (
          <form method="post" onSubmit={submitCode} noValidate className="mt-6 flex flex-col gap-4">
            {errors.form ? <Notice tone="danger">{errors.form}</Notice> : null}
            <Input
              id="staff-code"
              label="Code from your authenticator app"
              hint="The 6 digits the app shows now, or one of your recovery codes"
              name="code"
              inputMode="text"
              autoComplete="one-time-code"
              required
              error={errors.code}
            />
            <Button type="submit" block busy={busy}>
              Sign in
            </Button>
            <Button
              type="button"
              variant="ghost"
              block
              onClick={() => {
                setPending(null);
                setErrors({});
              }}
            >
              Start again
            </Button>
          </form>
        ) : (
          <form
            method="post"
            onSubmit={submit}
            // A field's message goes once something is typed in it; the next try checks it again.
            onChange={(event) => {
              const target: EventTarget = event.target;
              if (!(target instanceof HTMLInputElement)) return;
              const { name, value } = target;
              if ((name === 'email' || name === 'password') && errors[name] && value.trim()) {
                setErrors(({ [name]: _fixed, ...rest }) => rest);
              }
            }}
            noValidate
            className="mt-6 flex flex-col gap-4"
          >
            {errors.form ? <Notice tone="danger">{errors.form}</Notice> : null}
            <Input
              id="staff-email"
              label="Email"
              name="email"
              type="email"
              autoComplete="username"
              required
              error={errors.email}
            />
            <Input
              id="staff-password"
              label="Password"
              name="password"
              type="password"
              autoComplete="current-password"
              required
              error={errors.password}
            />
            <Button type="submit" block busy={busy} disabled={!hydrated}>
              Sign in
            </Button>
          </form>
        )}
        {pending ? null : (
          <div className="mt-4">
            {/* A passkey is both factors: no code step after it (issue 12 point 7). */}
            <PasskeySignInButton<{ staff: Staff }>
              api="/api/staff"
              onSignedIn={(answer) => client.setQueryData(keys.session, answer.staff)}
            />
          </div>
        )}
      </div>
    </div>
  );
}
