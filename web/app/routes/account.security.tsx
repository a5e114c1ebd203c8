import { useRef } from 'react';
import {
  type ActionFunctionArgs,
  Form,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
  useActionData,
  useLoaderData,
  useNavigate,
  useNavigation,
} from 'react-router';
import { AccountNav } from '../components/account/AccountNav.tsx';
import { NewPasswordField } from '../components/account/NewPasswordField.tsx';
import type { StrengthView } from '../components/account/PasswordMeter.tsx';
import { AddPasskeyForm } from '../components/passkeys/AddPasskeyForm.tsx';
import { Badge } from '../components/ui/Badge.tsx';
import { Button } from '../components/ui/Button.tsx';
import { Input } from '../components/ui/Input.tsx';
import { Notice } from '../components/ui/Notice.tsx';
import { PageHeader } from '../components/ui/PageHeader.tsx';
import {
  accountProblem,
  changePassword,
  clearedSessionHeaders,
  endSession,
  listPasskeys,
  listSessions,
  passwordMinLength,
  passwordStrength,
  removePasskey,
  requestMeta,
  requireCustomerPage,
  textField,
} from '../lib/account.server.ts';
import { hasErrors, isUuid, placeProblem, refusalOf } from '../lib/account-forms.server.ts';
import { readForm } from '../lib/form.server.ts';
import { pageMeta } from '../lib/meta.ts';
import { formatDateTime } from '../lib/orders.server.ts';

/** The password form and every session still open, this one first. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const customer = await requireCustomerPage(context, request);
  const sessions = await listSessions(context.ctx, customer);
  const passkeys = await listPasskeys(context.ctx.db, 'customer', customer.id);
  const params = new URL(request.url).searchParams;
  return {
    passkeys: passkeys.map((p) => ({
      id: p.id,
      name: p.name,
      added: formatDateTime(p.createdAt),
      lastUsed: p.lastUsedAt ? formatDateTime(p.lastUsedAt) : null,
    })),
    minLength: passwordMinLength(context),
    personal: [customer.name, customer.email],
    sessions: [...sessions]
      .sort((a, b) => Number(b.current) - Number(a.current))
      .map((s) => ({
        id: s.id,
        current: s.current,
        device: s.device,
        ipRange: s.ipRange,
        lastSeen: formatDateTime(s.lastSeenAt),
        started: formatDateTime(s.createdAt),
      })),
    done: params.get('done'),
  };
}

interface Refusal {
  errors: { current?: string; password?: string };
  strength: StrengthView | null;
  formError: string | null;
  /** A refused removal of a passkey: which one, and why (at its password field). */
  passkey?: { id: string; error: string };
}

const refuse = refusalOf<Refusal, 'errors' | 'formError'>({ errors: {}, formError: null });

/**
 * Three forms: change the password (the current one, then a new one under PV-ACC-1; every other session
 * ends), end one session, end every session but this one. Ending this browser's own session signs it out.
 */
export async function action({ request, context }: ActionFunctionArgs) {
  const customer = await requireCustomerPage(context, request);
  const form = await readForm(request);
  const intent = form.get('intent');
  if (intent === 'remove-passkey') {
    // Removing a passkey asks for the password: an open session on a borrowed computer must not take away
    // the owner's way in (src/accounts/passkeys/manage.ts).
    const id = textField(form, 'passkeyId', 40).toLowerCase();
    const password = textField(form, 'password', 1000);
    const refusePasskey = (status: number, error: string) =>
      refuse(status, { strength: null, passkey: { id, error } });
    if (!isUuid(id)) return refusePasskey(404, 'This passkey is no longer on your account');
    if (!password) return refusePasskey(400, 'Enter your password to remove the passkey');
    try {
      await removePasskey(
        context.ctx,
        { audience: 'customer', ...customer },
        id,
        password,
        requestMeta(context, request),
      );
    } catch (error) {
      const problem = accountProblem(error);
      return refusePasskey(
        problem.status,
        problem.code === 'not_found' ? 'This passkey is no longer on your account' : problem.message,
      );
    }
    return redirect('/account/security?done=passkey-removed', 303);
  }
  if (intent === 'end' || intent === 'end-others') {
    const sessions = await listSessions(context.ctx, customer);
    const id = textField(form, 'sessionId', 40);
    const ending =
      intent === 'end'
        ? sessions.filter((s) => isUuid(id) && s.id === id.toLowerCase())
        : sessions.filter((s) => !s.current);
    const meta = requestMeta(context, request);
    for (const s of ending) {
      // Ended meanwhile (another tab, a timeout): already what was asked for.
      await endSession(context.ctx, customer, s.id, meta).catch((error: unknown) => {
        if (accountProblem(error).code !== 'not_found') throw error;
      });
    }
    if (ending.some((s) => s.current)) {
      return redirect('/account/sign-in?signed-out=1', {
        status: 303,
        headers: clearedSessionHeaders(context),
      });
    }
    return redirect(`/account/security?done=${intent === 'end' ? 'ended' : 'ended-others'}`, 303);
  }
  const current = textField(form, 'current', 1000);
  const password = textField(form, 'password', 1000);
  const personal = [customer.name, customer.email];
  const strength = password && password.length <= 256 ? passwordStrength(password, personal) : null;
  const errors: Refusal['errors'] = {};
  if (!current) errors.current = 'Enter your current password';
  if (!password) errors.password = 'Choose a new password';
  if (hasErrors(errors)) return refuse(400, { errors, strength });
  try {
    await changePassword(context.ctx, customer, current, password, requestMeta(context, request));
  } catch (error) {
    const { status, errors, formError } = placeProblem(
      error,
      { current: 'current', currentPassword: 'current', password: 'password', newPassword: 'password' },
      { unauthenticated: 'current' },
    );
    return refuse(status, { errors, strength, formError });
  }
  return redirect('/account/security?done=password', 303);
}

export const meta: MetaFunction = ({ matches }) => [
  ...pageMeta(matches, 'Sign-in and security'),
  { name: 'robots', content: 'noindex, nofollow' },
];

const doneWords: Record<string, string> = {
  password: 'Your password is changed. Every other session was ended.',
  ended: 'The session is ended: that device is signed out.',
  'ended-others': 'Every other session is ended: only this device is still signed in.',
  'passkey-added': 'The passkey is added: next time, choose “Use a passkey” on the sign-in page.',
  'passkey-removed': 'The passkey is removed: it no longer signs in to your account.',
};

export default function SecurityPage() {
  const { minLength, personal, sessions, passkeys, done } = useLoaderData<typeof loader>();
  const navigate = useNavigate();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state === 'submitting';
  const errors = busy ? {} : (result?.errors ?? {});
  const formRef = useRef<HTMLFormElement>(null);
  const others = sessions.filter((s) => !s.current).length;
  return (
    <>
      <PageHeader
        title="Sign-in and security"
        breadcrumbs={[{ label: 'Your account', to: '/account' }]}
        description="Change your password, sign in with passkeys and see where your account is signed in."
      />
      <AccountNav />
      {done && doneWords[done] && !result ? (
        <Notice tone="success" className="mb-6">
          {doneWords[done]}
        </Notice>
      ) : null}
      <div className="grid gap-8 lg:grid-cols-2">
        <Form
          ref={formRef}
          method="post"
          noValidate
          aria-labelledby="password-title"
          className="space-y-5 self-start rounded-xl bg-surface p-5 ring-1 ring-line sm:p-6"
        >
          <h2 id="password-title" className="text-lg font-semibold text-gray-900">
            Change your password
          </h2>
          {result?.formError ? (
            <Notice tone="danger" title="The password was not changed">
              {result.formError}
            </Notice>
          ) : null}
          <input type="hidden" name="intent" value="password" />
          {/* Tells password managers which account the new password belongs to. */}
          <input type="text" name="username" autoComplete="username" value={personal[1]} readOnly hidden />
          <Input
            label="Current password"
            id="field-current"
            name="current"
            type="password"
            autoComplete="current-password"
            required
            maxLength={256}
            error={errors.current}
          />
          <NewPasswordField
            label="New password"
            minLength={minLength}
            error={errors.password}
            strength={result?.strength ?? null}
            personal={() => personal}
          />
          <Button type="submit" busy={busy}>
            Change password
          </Button>
        </Form>

        <section aria-labelledby="sessions-title" className="space-y-4">
          <h2 id="sessions-title" className="text-lg font-semibold text-gray-900">
            Where you are signed in
          </h2>
          <p className="text-sm text-muted">
            Places are shown as a range of internet addresses, never more precisely. A session you do not
            recognise? End it, then change your password.
          </p>
          <ul className="space-y-3">
            {sessions.map((s) => (
              <li
                key={s.id}
                className="flex flex-wrap items-center justify-between gap-3 rounded-xl bg-surface p-4 ring-1 ring-line"
              >
                <div className="min-w-0 space-y-0.5">
                  <p className="flex flex-wrap items-center gap-2 font-semibold text-gray-900">
                    {s.device}
                    {s.current ? <Badge tone="success">This device</Badge> : null}
                  </p>
                  <p className="text-sm text-muted">
                    {s.ipRange ? `From ${s.ipRange} · ` : ''}Last seen {s.lastSeen}
                  </p>
                  <p className="text-sm text-muted">Signed in {s.started}</p>
                </div>
                <Form method="post">
                  <input type="hidden" name="intent" value="end" />
                  <input type="hidden" name="sessionId" value={s.id} />
                  <Button type="submit" variant="secondary" size="sm" disabled={busy}>
                    {s.current ? 'Sign out here' : 'End session'}
                    <span className="sr-only">
                      {' '}
                      {s.device}, last seen {s.lastSeen}
                    </span>
                  </Button>
                </Form>
              </li>
            ))}
          </ul>
          {others > 0 ? (
            <Form method="post">
              <input type="hidden" name="intent" value="end-others" />
              <Button type="submit" variant="danger" disabled={busy}>
                End all other sessions ({others})
              </Button>
            </Form>
          ) : null}
        </section>

        <section aria-labelledby="passkeys-title" className="space-y-4 lg:col-span-2" data-passkeys="">
          <h2 id="passkeys-title" className="text-lg font-semibold text-gray-900">
            Passkeys
          </h2>
          <p className="text-sm text-muted">
            A passkey signs you in without your password, with your fingerprint, face or screen lock. It
            cannot be guessed or phished, and it keeps working while sign-in with the password is locked after
            wrong attempts.
          </p>
          {passkeys.length === 0 ? (
            <p className="text-sm">You have no passkeys yet.</p>
          ) : (
            <ul className="space-y-3">
              {passkeys.map((p) => {
                const refused = result?.passkey?.id === p.id ? result.passkey.error : null;
                return (
                  <li
                    key={p.id}
                    className="space-y-2 rounded-xl bg-surface p-4 ring-1 ring-line"
                    data-passkey={p.name}
                  >
                    <p className="font-semibold break-words text-gray-900">{p.name}</p>
                    <p className="text-sm text-muted">
                      Added {p.added} · {p.lastUsed ? `Last used ${p.lastUsed}` : 'Not used yet'}
                    </p>
                    <details open={refused !== null} className="text-sm">
                      <summary className="cursor-pointer font-semibold text-primary-ink underline">
                        Remove<span className="sr-only"> the passkey {p.name}</span>
                      </summary>
                      <Form method="post" noValidate className="mt-3 flex flex-wrap items-end gap-3">
                        <input type="hidden" name="intent" value="remove-passkey" />
                        <input type="hidden" name="passkeyId" value={p.id} />
                        <Input
                          label="Your password"
                          id={`remove-passkey-${p.id}`}
                          name="password"
                          type="password"
                          autoComplete="current-password"
                          required
                          maxLength={256}
                          error={busy ? null : refused}
                          fieldClassName="min-w-0 flex-1"
                        />
                        <Button type="submit" variant="danger" size="sm" disabled={busy}>
                          Remove passkey
                        </Button>
                      </Form>
                    </details>
                  </li>
                );
              })}
            </ul>
          )}
          <AddPasskeyForm
            api="/api/account"
            username={personal[1] ?? ''}
            className="max-w-lg rounded-xl bg-surface p-5 ring-1 ring-line sm:p-6"
            onAdded={() => navigate('/account/security?done=passkey-added', { replace: true })}
          />
        </section>
      </div>
    </>
  );
}
