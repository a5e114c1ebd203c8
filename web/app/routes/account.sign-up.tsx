import { useRef } from 'react';
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
import { NewPasswordField } from '../components/account/NewPasswordField.tsx';
import type { StrengthView } from '../components/account/PasswordMeter.tsx';
import { Button } from '../components/ui/Button.tsx';
import { Input } from '../components/ui/Input.tsx';
import { Notice } from '../components/ui/Notice.tsx';
import { PageHeader } from '../components/ui/PageHeader.tsx';
import {
  customerOfRequest,
  customerPasswordProblem,
  emailProblem,
  passwordMinLength,
  passwordStrength,
  requestMeta,
  signUp,
  textField,
} from '../lib/account.server.ts';
import { hasErrors, placeProblem, refusalOf } from '../lib/account-forms.server.ts';
import { readForm } from '../lib/form.server.ts';
import { absoluteUrl, pageMeta } from '../lib/meta.ts';

export async function loader({ request, context }: LoaderFunctionArgs) {
  if (await customerOfRequest(context, request)) throw redirect('/account', 303);
  return {
    minLength: passwordMinLength(context),
    canonical: absoluteUrl(context.ctx.config.PUBLIC_URL, '/account/sign-up'),
  };
}

interface SignUpValues {
  name: string;
  email: string;
}

interface Refusal {
  values: SignUpValues;
  errors: Partial<Record<'name' | 'email' | 'password', string>>;
  strength: StrengthView | null;
  formError: string | null;
}

const refuse = refusalOf<Refusal, 'errors' | 'strength' | 'formError'>({
  errors: {},
  strength: null,
  formError: null,
});

/**
 * Creates the account (PV-ACC-1's password rule, checked here first so each field gets its own message, then
 * again by the service), then the "check your email" page. That page reads the same whether or not the
 * address already had an account: the email says which, so nobody learns it from here.
 */
export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readForm(request);
  const values = { name: textField(form, 'name', 200), email: textField(form, 'email', 320) };
  // Cut long enough that an oversized password is still refused as too long, never shortened into a valid one.
  const password = textField(form, 'password', 1000);
  const errors: Refusal['errors'] = {};
  if (!values.name.trim()) errors.name = 'Enter your name';
  else if (values.name.trim().length > 100) errors.name = 'Use at most 100 characters';
  const emailError = emailProblem(values.email);
  if (emailError) errors.email = emailError;
  const personal = [values.name, values.email];
  const passwordError = password
    ? customerPasswordProblem(password, personal, { minLength: passwordMinLength(context) })
    : 'Choose a password';
  if (passwordError) errors.password = passwordError;
  const strength = password && password.length <= 256 ? passwordStrength(password, personal) : null;
  if (hasErrors(errors)) return refuse(400, { values, errors, strength });
  try {
    await signUp(
      context.ctx,
      { email: values.email, password, name: values.name.trim() },
      requestMeta(context, request),
    );
  } catch (error) {
    const { status, errors, formError } = placeProblem(error, {
      name: 'name',
      email: 'email',
      password: 'password',
    });
    return refuse(status, { values, errors, strength, formError });
  }
  return redirect('/account/check-email?for=sign-up', 303);
}

export const meta: MetaFunction<typeof loader> = ({ matches, data: d }) =>
  pageMeta(
    matches,
    'Create an account',
    'An account shows your orders and after-sales cases in one place.',
    d ? { canonical: d.canonical } : undefined,
  );

export default function SignUpPage() {
  const { minLength } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const formRef = useRef<HTMLFormElement>(null);
  const errors = navigation.state === 'submitting' ? {} : (result?.errors ?? {});
  const personal = () => {
    const form = formRef.current ? new FormData(formRef.current) : null;
    return [String(form?.get('name') ?? ''), String(form?.get('email') ?? '')].filter(Boolean);
  };
  return (
    <div className="mx-auto max-w-lg">
      <PageHeader
        title="Create an account"
        description="See all your orders and after-sales cases in one place. Orders you placed as a guest with the same email join the account once you confirm the address."
      />
      <Form
        ref={formRef}
        method="post"
        noValidate
        aria-label="Create an account"
        className="space-y-5 rounded-xl bg-surface p-5 ring-1 ring-line sm:p-6"
      >
        {result?.formError ? (
          <Notice tone="danger" title="The account was not created">
            {result.formError}
          </Notice>
        ) : null}
        <Input
          label="Name"
          id="field-name"
          name="name"
          autoComplete="name"
          required
          maxLength={100}
          defaultValue={result?.values.name ?? ''}
          error={errors.name}
        />
        <Input
          label="Email"
          hint="We send a link to confirm it: the account works once you follow it."
          id="field-email"
          name="email"
          type="email"
          autoComplete="email"
          required
          maxLength={254}
          defaultValue={result?.values.email ?? ''}
          error={errors.email}
        />
        <NewPasswordField
          minLength={minLength}
          error={errors.password}
          strength={result?.strength ?? null}
          personal={personal}
        />
        <Button type="submit" block busy={navigation.state === 'submitting'}>
          Create account
        </Button>
        <p className="text-sm text-muted">
          Already have one?{' '}
          <Link to="/account/sign-in" className="font-semibold text-primary-ink underline">
            Sign in
          </Link>
          . How we keep your data:{' '}
          <Link to="/policies/privacy" className="underline">
            privacy policy
          </Link>
          .
        </p>
      </Form>
    </div>
  );
}
