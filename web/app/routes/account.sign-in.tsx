import {
  type ActionFunctionArgs,
  Form,
  Link,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
  useActionData,
  useLoaderData,
  useNavigation,
} from 'react-router';
import { PasskeySignInButton } from '../components/passkeys/PasskeySignInButton.tsx';
import { Button } from '../components/ui/Button.tsx';
import { Input } from '../components/ui/Input.tsx';
import { Notice } from '../components/ui/Notice.tsx';
import { PageHeader } from '../components/ui/PageHeader.tsx';
import {
  accountProblem,
  customerOfRequest,
  emailProblem,
  lockAttempts,
  lockMinutes,
  requestMeta,
  safeNext,
  sessionHeaders,
  signInCustomer,
  textField,
} from '../lib/account.server.ts';
import { refusalOf } from '../lib/account-forms.server.ts';
import { readForm } from '../lib/form.server.ts';
import { absoluteUrl, pageMeta } from '../lib/meta.ts';

const notices = {
  verified: { title: 'Your email address is confirmed', body: 'Sign in with it and your password.' },
  reset: { title: 'Your new password is set', body: 'Every other session was ended. Sign in with it now.' },
  'signed-out': { title: 'You are signed out', body: null },
  deleted: {
    title: 'Your account is deleted',
    body: 'Your personal data is removed and you are signed out. We have emailed you a confirmation.',
  },
} as const;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const params = new URL(request.url).searchParams;
  // Already signed in (a bookmark, the back button): straight on to where the sign-in would lead.
  if (await customerOfRequest(context, request)) throw redirect(safeNext(params.get('next')), 303);
  const said =
    (['verified', 'reset', 'signed-out', 'deleted'] as const).find((k) => params.get(k) === '1') ?? null;
  return {
    next: safeNext(params.get('next')),
    notice: said ? notices[said] : null,
    canonical: absoluteUrl(context.ctx.config.PUBLIC_URL, '/account/sign-in'),
  };
}

interface Refusal {
  values: { email: string };
  errors: { email?: string; password?: string };
  /** Why signing in did not work, at the top of the form (never says which half was wrong). */
  formError: { title: string; message: string; resetLink: boolean } | null;
}

const refuse = refusalOf<Refusal, 'errors' | 'formError'>({ errors: {}, formError: null });

/**
 * Signs in with a fresh session token (a new one every time: no fixation) and goes where the person was
 * headed. A wrong email and a wrong password get the same words; a locked account (PV-ACC-2) is told when
 * the lock lifts and that a reset by email lifts it at once.
 */
export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readForm(request);
  const values = { email: textField(form, 'email', 320) };
  const password = textField(form, 'password', 1000);
  const next = safeNext(form.get('next'));
  const errors: Refusal['errors'] = {};
  const emailError = emailProblem(values.email);
  if (emailError) errors.email = emailError;
  if (!password) errors.password = 'Enter your password';
  if (errors.email || errors.password) return refuse(400, { values, errors });
  try {
    const session = await signInCustomer(
      context.ctx,
      { email: values.email, password },
      requestMeta(context, request),
    );
    return redirect(next, {
      status: 303,
      headers: sessionHeaders(context, session.token, session.expiresAt),
    });
  } catch (error) {
    const problem = accountProblem(error);
    if (problem.code === 'forbidden') {
      return refuse(problem.status, {
        values,
        formError: { title: 'Confirm your email address first', message: problem.message, resetLink: false },
      });
    }
    if (problem.code === 'rate_limited') {
      return refuse(problem.status, {
        values,
        formError: { title: 'Too many attempts', message: problem.message, resetLink: false },
      });
    }
    if (problem.code === 'unauthenticated') {
      // One answer for an unknown email, a wrong password and a locked account (PV-ACC-2 without telling
      // anyone which addresses have accounts): it explains the lock, and the owner's email gives its end.
      return refuse(problem.status, {
        values,
        formError: {
          title: 'The email or password is not right, or sign-in is locked',
          message: `After ${lockAttempts(context)} wrong passwords in a row, signing in to the account is locked for ${lockMinutes(context)} minutes or more, even with the right password. We email the account's address when that happens: the email says when the lock lifts, and its link to choose a new password lifts it at once.`,
          resetLink: true,
        },
      });
    }
    if (problem.field === 'email') {
      return refuse(problem.status, { values, errors: { email: problem.message } });
    }
    return refuse(problem.status, {
      values,
      formError: { title: 'You are not signed in', message: problem.message, resetLink: false },
    });
  }
}

export const meta: MetaFunction<typeof loader> = ({ matches, data: d }) =>
  pageMeta(
    matches,
    'Sign in',
    'Sign in to see your orders and after-sales cases.',
    d ? { canonical: d.canonical } : undefined,
  );

export default function SignInPage() {
  const { next, notice } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const errors = navigation.state === 'submitting' ? {} : (result?.errors ?? {});
  return (
    <div className="mx-auto max-w-lg">
      <PageHeader title="Sign in" description="Your orders, your cases and your details in one place." />
      <Form
        method="post"
        noValidate
        aria-label="Sign in"
        className="space-y-5 rounded-xl bg-surface p-5 ring-1 ring-line sm:p-6"
      >
        {notice && !result ? (
          <Notice tone="success" title={notice.title}>
            {notice.body}
          </Notice>
        ) : null}
        {result?.formError ? (
          <Notice tone="danger" title={result.formError.title}>
            {result.formError.message}
            {result.formError.resetLink ? (
              <>
                {' '}
                <Link to="/account/forgot" className="font-semibold underline">
                  Reset your password by email
                </Link>
              </>
            ) : null}
          </Notice>
        ) : null}
        <input type="hidden" name="next" value={next} />
        <Input
          label="Email"
          id="field-email"
          name="email"
          type="email"
          autoComplete="email"
          required
          maxLength={254}
          defaultValue={result?.values.email ?? ''}
          error={errors.email}
        />
        <Input
          label="Password"
          id="field-password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          maxLength={256}
          error={errors.password}
        />
        <Button type="submit" block busy={navigation.state === 'submitting'}>
          Sign in
        </Button>
        <p className="flex flex-wrap justify-between gap-2 text-sm">
          <Link to="/account/forgot" className="font-semibold text-primary-ink underline">
            Forgot your password?
          </Link>
          <Link to="/account/sign-up" className="font-semibold text-primary-ink underline">
            Create an account
          </Link>
        </p>
      </Form>
      <div className="mt-5">
        {/* Only with scripts and WebAuthn: the password form above is the way in without them. */}
        <PasskeySignInButton api="/api/account" onSignedIn={() => window.location.assign(next)} />
      </div>
    </div>
  );
}
