import {
  type ActionFunctionArgs,
  data,
  Form,
  Link,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
  useActionData,
  useLoaderData,
  useNavigation,
} from 'react-router';
import { NewPasswordField } from '../components/account/NewPasswordField.tsx';
import type { StrengthView } from '../components/account/PasswordMeter.tsx';
import { Button } from '../components/ui/Button.tsx';
import { Notice } from '../components/ui/Notice.tsx';
import { PageHeader } from '../components/ui/PageHeader.tsx';
import {
  accountProblem,
  clearedSessionHeaders,
  customerPasswordProblem,
  linkHours,
  passwordMinLength,
  passwordStrength,
  requestMeta,
  resetPassword,
  textField,
} from '../lib/account.server.ts';
import { readForm } from '../lib/form.server.ts';
import { pageMeta } from '../lib/meta.ts';

/** Opening the emailed link changes nothing; the new password is posted with the token from the form. */
export function loader({ request, context }: LoaderFunctionArgs) {
  const token = new URL(request.url).searchParams.get('token') ?? '';
  if (!token || token.length > 200) throw data(null, { status: 404, statusText: 'Not Found' });
  return { token, minLength: passwordMinLength(context), hours: linkHours(context) };
}

interface Refusal {
  errors: { password?: string };
  strength: StrengthView | null;
  /** The link itself is refused (expired, used, older than the last password change). */
  linkError: string | null;
}

/**
 * Sets the new password (PV-ACC-1), ends every session of the account and lifts a lock (PV-ACC-2), then
 * sign-in. This browser's own cookie, if any, is removed with the sessions it named.
 */
export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readForm(request);
  const token = textField(form, 'token', 200);
  const password = textField(form, 'password', 1000);
  const strength = password && password.length <= 256 ? passwordStrength(password, []) : null;
  // The rule checked here first, as on sign-up; the service checks again with the account's own words.
  const problem = password
    ? customerPasswordProblem(password, [], { minLength: passwordMinLength(context) })
    : 'Choose a new password';
  if (problem) return data<Refusal>({ errors: { password: problem }, strength, linkError: null }, 400);
  try {
    await resetPassword(context.ctx, token, password, requestMeta(context, request));
  } catch (error) {
    const problem = accountProblem(error);
    if (problem.field === 'password') {
      return data<Refusal>(
        { errors: { password: problem.message }, strength, linkError: null },
        { status: problem.status },
      );
    }
    return data<Refusal>(
      { errors: {}, strength: null, linkError: problem.message },
      { status: problem.status },
    );
  }
  return redirect('/account/sign-in?reset=1', { status: 303, headers: clearedSessionHeaders(context) });
}

export const meta: MetaFunction = ({ matches }) => [
  ...pageMeta(matches, 'Choose a new password'),
  { name: 'robots', content: 'noindex, nofollow' },
];

export default function ResetPage() {
  const { token, minLength, hours } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const errors = navigation.state === 'submitting' ? {} : (result?.errors ?? {});
  if (result?.linkError) {
    return (
      <div className="mx-auto max-w-lg space-y-5">
        <PageHeader title="Choose a new password" />
        <Notice tone="danger" title="This link no longer works">
          <p>{result.linkError}.</p>
          <p className="mt-2">
            A link works once, for {hours} hours, and not after the password was changed since it was sent.{' '}
            <Link to="/account/forgot" className="font-semibold underline">
              Get a new link
            </Link>
          </p>
        </Notice>
      </div>
    );
  }
  return (
    <div className="mx-auto max-w-lg">
      <PageHeader
        title="Choose a new password"
        description="Setting it signs you out everywhere and lifts a lock after too many wrong passwords."
      />
      <Form
        method="post"
        noValidate
        aria-label="Choose a new password"
        className="space-y-5 rounded-xl bg-surface p-5 ring-1 ring-line sm:p-6"
      >
        <input type="hidden" name="token" value={token} />
        <NewPasswordField
          label="New password"
          minLength={minLength}
          error={errors.password}
          strength={result?.strength ?? null}
        />
        <Button type="submit" block busy={navigation.state === 'submitting'}>
          Set the new password
        </Button>
      </Form>
    </div>
  );
}
