import {
  type ActionFunctionArgs,
  data,
  Form,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
  useActionData,
  useLoaderData,
  useNavigation,
} from 'react-router';
import { AccountNav } from '../components/account/AccountNav.tsx';
import { Button } from '../components/ui/Button.tsx';
import { Input } from '../components/ui/Input.tsx';
import { Notice } from '../components/ui/Notice.tsx';
import { PageHeader } from '../components/ui/PageHeader.tsx';
import {
  accountProblem,
  emailProblem,
  requestEmailChange,
  requestMeta,
  requireCustomerPage,
  textField,
  updateProfile,
} from '../lib/account.server.ts';
import { readForm } from '../lib/form.server.ts';
import { pageMeta } from '../lib/meta.ts';

export async function loader({ request, context }: LoaderFunctionArgs) {
  const customer = await requireCustomerPage(context, request);
  const params = new URL(request.url).searchParams;
  return {
    customer: { name: customer.name, email: customer.email, phone: customer.phone ?? '' },
    saved: params.get('saved') === '1',
    emailChanged: params.get('email-changed') === '1',
  };
}

type ProfileField = 'name' | 'phone' | 'newEmail' | 'password';

interface Refusal {
  /** Which of the page's two forms was sent: its fields keep what was typed and show its messages. */
  intent: 'profile' | 'email';
  values: { name: string; phone: string; newEmail: string };
  errors: Partial<Record<ProfileField, string>>;
  formError: string | null;
}

function refuse(status: number, r: Partial<Refusal> & Pick<Refusal, 'intent' | 'values'>) {
  return data<Refusal>({ errors: {}, formError: null, ...r }, { status });
}

/**
 * Two forms: name and phone are saved at once; a new email address needs the current password and is only
 * used once the link sent to it is followed (the current address is told about the change).
 */
export async function action({ request, context }: ActionFunctionArgs) {
  const customer = await requireCustomerPage(context, request);
  const form = await readForm(request);
  const intent = form.get('intent') === 'email' ? 'email' : 'profile';
  const values = {
    name: textField(form, 'name', 200),
    phone: textField(form, 'phone', 100),
    newEmail: textField(form, 'newEmail', 320),
  };
  if (intent === 'profile') {
    const errors: Refusal['errors'] = {};
    if (!values.name.trim()) errors.name = 'Enter your name';
    else if (values.name.trim().length > 100) errors.name = 'Use at most 100 characters';
    if (values.phone.trim() && !/^\+?[\d\s().-]{5,30}$/.test(values.phone.trim())) {
      errors.phone = 'Enter a phone number with digits, such as +1 555 0100, or leave it empty';
    }
    if (Object.keys(errors).length > 0) return refuse(400, { intent, values, errors });
    try {
      await updateProfile(context.ctx, customer, {
        name: values.name.trim(),
        phone: values.phone.trim() || null,
      });
    } catch (error) {
      const problem = accountProblem(error);
      if (problem.field === 'name' || problem.field === 'phone') {
        return refuse(problem.status, { intent, values, errors: { [problem.field]: problem.message } });
      }
      return refuse(problem.status, { intent, values, formError: problem.message });
    }
    return redirect('/account/profile?saved=1', 303);
  }
  const password = textField(form, 'password', 1000);
  const errors: Refusal['errors'] = {};
  const emailError = emailProblem(values.newEmail);
  if (emailError) errors.newEmail = emailError;
  else if (values.newEmail.trim().toLowerCase() === customer.email) {
    errors.newEmail = 'This is already your email address';
  }
  if (!password) errors.password = 'Enter your current password';
  if (Object.keys(errors).length > 0) return refuse(400, { intent, values, errors });
  try {
    await requestEmailChange(context.ctx, customer, values.newEmail, password, requestMeta(context, request));
  } catch (error) {
    const problem = accountProblem(error);
    const field =
      problem.field === 'password' ||
      problem.field === 'currentPassword' ||
      problem.code === 'unauthenticated'
        ? 'password'
        : problem.field === 'email' || problem.field === 'newEmail'
          ? 'newEmail'
          : null;
    if (field) return refuse(problem.status, { intent, values, errors: { [field]: problem.message } });
    return refuse(problem.status, { intent, values, formError: problem.message });
  }
  return redirect('/account/check-email?for=email', 303);
}

export const meta: MetaFunction = ({ matches }) => [
  ...pageMeta(matches, 'Your profile'),
  { name: 'robots', content: 'noindex, nofollow' },
];

export default function ProfilePage() {
  const { customer, saved, emailChanged } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state === 'submitting';
  const errors = busy ? {} : (result?.errors ?? {});
  const profileValues = result?.intent === 'profile' ? result.values : customer;
  return (
    <>
      <PageHeader
        title="Your profile"
        breadcrumbs={[{ label: 'Your account', to: '/account' }]}
        description="Your name and phone number go on new orders; your email address is where we write."
      />
      <AccountNav />
      <div className="grid gap-8 lg:grid-cols-2">
        <Form
          method="post"
          noValidate
          aria-labelledby="details-title"
          className="space-y-5 rounded-xl bg-surface p-5 ring-1 ring-line sm:p-6"
        >
          <h2 id="details-title" className="text-lg font-semibold text-gray-900">
            Name and phone
          </h2>
          {saved && !result ? <Notice tone="success" title="Your details are saved" /> : null}
          {emailChanged && !result ? (
            <Notice tone="success" title="Your new email address is confirmed" />
          ) : null}
          {result?.intent === 'profile' && result.formError ? (
            <Notice tone="danger" title="Nothing was saved">
              {result.formError}
            </Notice>
          ) : null}
          <input type="hidden" name="intent" value="profile" />
          <Input
            label="Name"
            id="field-name"
            name="name"
            autoComplete="name"
            required
            maxLength={100}
            defaultValue={profileValues.name}
            error={result?.intent === 'profile' ? errors.name : undefined}
          />
          <Input
            label="Phone (optional)"
            hint="Only for questions about a delivery or a case."
            id="field-phone"
            name="phone"
            type="tel"
            autoComplete="tel"
            maxLength={30}
            defaultValue={profileValues.phone}
            error={result?.intent === 'profile' ? errors.phone : undefined}
          />
          <Button type="submit" busy={busy}>
            Save
          </Button>
        </Form>

        <Form
          method="post"
          noValidate
          aria-labelledby="email-title"
          className="space-y-5 rounded-xl bg-surface p-5 ring-1 ring-line sm:p-6"
        >
          <h2 id="email-title" className="text-lg font-semibold text-gray-900">
            Email address
          </h2>
          <p className="text-gray-800">
            Now <strong className="font-semibold break-all">{customer.email}</strong>. A new address is used
            once you follow the link we send to it.
          </p>
          {result?.intent === 'email' && result.formError ? (
            <Notice tone="danger" title="The email address was not changed">
              {result.formError}
            </Notice>
          ) : null}
          <input type="hidden" name="intent" value="email" />
          <Input
            label="New email address"
            id="field-newEmail"
            name="newEmail"
            type="email"
            autoComplete="email"
            required
            maxLength={254}
            defaultValue={result?.intent === 'email' ? result.values.newEmail : ''}
            error={result?.intent === 'email' ? errors.newEmail : undefined}
          />
          <Input
            label="Current password"
            hint="To make sure it is you."
            id="field-email-password"
            name="password"
            type="password"
            autoComplete="current-password"
            required
            maxLength={256}
            error={result?.intent === 'email' ? errors.password : undefined}
          />
          <Button type="submit" variant="secondary" busy={busy}>
            Send the link
          </Button>
        </Form>
      </div>
    </>
  );
}
