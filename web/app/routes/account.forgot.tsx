import {
  type ActionFunctionArgs,
  Form,
  Link,
  type MetaFunction,
  redirect,
  useActionData,
  useNavigation,
} from 'react-router';
import { Button } from '../components/ui/Button.tsx';
import { Input } from '../components/ui/Input.tsx';
import { Notice } from '../components/ui/Notice.tsx';
import { PageHeader } from '../components/ui/PageHeader.tsx';
import { emailProblem, requestMeta, requestPasswordReset, textField } from '../lib/account.server.ts';
import { placeProblem, refusalOf } from '../lib/account-forms.server.ts';
import { readForm } from '../lib/form.server.ts';
import { pageMeta } from '../lib/meta.ts';

interface Refusal {
  values: { email: string };
  errors: { email?: string };
  formError: string | null;
}

const refuse = refusalOf<Refusal, 'errors' | 'formError'>({ errors: {}, formError: null });

/** Sends a reset link when the address has an account; the next page reads the same either way. */
export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readForm(request);
  const values = { email: textField(form, 'email', 320) };
  const emailError = emailProblem(values.email);
  if (emailError) return refuse(400, { values, errors: { email: emailError } });
  try {
    await requestPasswordReset(context.ctx, values.email, requestMeta(context, request));
  } catch (error) {
    const { status, errors, formError } = placeProblem(error, { email: 'email' });
    return refuse(status, { values, errors, formError });
  }
  return redirect('/account/check-email?for=reset', 303);
}

export const meta: MetaFunction = ({ matches }) =>
  pageMeta(matches, 'Forgot your password?', 'Choose a new password through a link sent to your email.');

export default function ForgotPage() {
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const errors = navigation.state === 'submitting' ? {} : (result?.errors ?? {});
  return (
    <div className="mx-auto max-w-lg">
      <PageHeader
        title="Forgot your password?"
        description="We email you a link to choose a new one. It also lifts a lock after too many wrong passwords."
      />
      <Form
        method="post"
        noValidate
        aria-label="Reset your password"
        className="space-y-5 rounded-xl bg-surface p-5 ring-1 ring-line sm:p-6"
      >
        {result?.formError ? (
          <Notice tone="danger" title="No link was sent">
            {result.formError}
          </Notice>
        ) : null}
        <Input
          label="Email"
          id="field-email"
          name="email"
          type="email"
          autoComplete="email"
          required
          maxLength={254}
          defaultValue={result?.values.email ?? ''}
          error={'email' in errors ? errors.email : undefined}
        />
        <Button type="submit" block busy={navigation.state === 'submitting'}>
          Email me a link
        </Button>
        <p className="text-sm">
          <Link to="/account/sign-in" className="font-semibold text-primary-ink underline">
            Back to sign in
          </Link>
        </p>
      </Form>
    </div>
  );
}
