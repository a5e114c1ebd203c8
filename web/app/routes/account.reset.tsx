import {
  type ActionFunctionArgs,
  Link,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
  useActionData,
  useLoaderData,
  useNavigation,
} from 'react-router';
import { EmailLinkPage } from '../components/account/EmailLinkPage.tsx';
import { NewPasswordField } from '../components/account/NewPasswordField.tsx';
import type { StrengthView } from '../components/account/PasswordMeter.tsx';
import {
  clearedSessionHeaders,
  customerPasswordProblem,
  linkHours,
  passwordMinLength,
  passwordStrength,
  requestMeta,
  resetPassword,
  textField,
} from '../lib/account.server.ts';
import { followLink, linkToken, placeProblem, refusalOf } from '../lib/account-forms.server.ts';
import { pageMeta } from '../lib/meta.ts';

/** Opening the emailed link changes nothing; the new password is posted with the token (EmailLinkPage). */
export function loader({ request, context }: LoaderFunctionArgs) {
  return { token: linkToken(request), minLength: passwordMinLength(context), hours: linkHours(context) };
}

interface Refusal {
  errors: { password?: string };
  strength: StrengthView | null;
}

const refuse = refusalOf<Refusal, 'errors' | 'strength'>({ errors: {}, strength: null });

/**
 * Sets the new password (PV-ACC-1), ends every session of the account and lifts a lock (PV-ACC-2), then
 * sign-in. This browser's own cookie, if any, is removed with the sessions it named. A refusal of the
 * password stays at its field; a refusal of the link itself (expired, used, older than the last password
 * change) replaces the form.
 */
export async function action({ request, context }: ActionFunctionArgs) {
  return followLink(request, async (token, form) => {
    const password = textField(form, 'password', 1000);
    const strength = password && password.length <= 256 ? passwordStrength(password, []) : null;
    // The rule checked here first, as on sign-up; the service checks again with the account's own words.
    const problem = password
      ? customerPasswordProblem(password, [], { minLength: passwordMinLength(context) })
      : 'Choose a new password';
    if (problem) return refuse(400, { errors: { password: problem }, strength });
    try {
      await resetPassword(context.ctx, token, password, requestMeta(context, request));
    } catch (error) {
      const placed = placeProblem(error, { password: 'password' });
      if (placed.formError !== null) throw error;
      return refuse(placed.status, { errors: placed.errors, strength });
    }
    return redirect('/account/sign-in?reset=1', { status: 303, headers: clearedSessionHeaders(context) });
  });
}

export const meta: MetaFunction = ({ matches }) => [
  ...pageMeta(matches, 'Choose a new password'),
  { name: 'robots', content: 'noindex, nofollow' },
];

export default function ResetPage() {
  const { token, minLength, hours } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const refusal = result && 'errors' in result ? result : null;
  const errors = navigation.state === 'submitting' ? {} : (refusal?.errors ?? {});
  return (
    <EmailLinkPage
      title="Choose a new password"
      description="Setting it signs you out everywhere and lifts a lock after too many wrong passwords."
      token={token}
      linkError={result && 'linkError' in result ? result.linkError : null}
      submitLabel="Set the new password"
      formLabel="Choose a new password"
      whenRefused={
        <>
          A link works once, for {hours} hours, and not after the password was changed since it was sent.{' '}
          <Link to="/account/forgot" className="font-semibold underline">
            Get a new link
          </Link>
        </>
      }
    >
      <NewPasswordField
        label="New password"
        minLength={minLength}
        error={errors.password}
        strength={refusal?.strength ?? null}
      />
    </EmailLinkPage>
  );
}
