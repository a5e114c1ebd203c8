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
import { Button } from '../components/ui/Button.tsx';
import { Notice } from '../components/ui/Notice.tsx';
import { PageHeader } from '../components/ui/PageHeader.tsx';
import { accountProblem, linkHours, textField, verifyEmail } from '../lib/account.server.ts';
import { readForm } from '../lib/form.server.ts';
import { pageMeta } from '../lib/meta.ts';

/**
 * The link in the verification email opens this page and changes nothing: mail scanners fetch links before
 * people do, so the token is only used when the button posts it.
 */
export function loader({ request, context }: LoaderFunctionArgs) {
  const token = new URL(request.url).searchParams.get('token') ?? '';
  if (!token || token.length > 200) throw data(null, { status: 404, statusText: 'Not Found' });
  return { token, hours: linkHours(context) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readForm(request);
  const token = textField(form, 'token', 200);
  try {
    await verifyEmail(context.ctx, token);
  } catch (error) {
    const problem = accountProblem(error);
    return data({ message: problem.message }, { status: problem.status });
  }
  return redirect('/account/sign-in?verified=1', 303);
}

export const meta: MetaFunction = ({ matches }) => [
  ...pageMeta(matches, 'Confirm your email'),
  { name: 'robots', content: 'noindex, nofollow' },
];

export default function VerifyPage() {
  const { token, hours } = useLoaderData<typeof loader>();
  const refused = useActionData<typeof action>();
  const navigation = useNavigation();
  return (
    <div className="mx-auto max-w-lg space-y-5">
      <PageHeader
        title="Confirm your email"
        description="One click and your account is ready: orders placed as a guest with this address join it."
      />
      {refused ? (
        <Notice tone="danger" title="This link no longer works">
          <p>{refused.message}.</p>
          <p className="mt-2">
            Links work once and for {hours} hours. To get a new one, sign in with your email and password: an
            account not yet confirmed is sent a fresh link. Already confirmed? Then simply{' '}
            <Link to="/account/sign-in" className="font-semibold underline">
              sign in
            </Link>
            .
          </p>
        </Notice>
      ) : (
        <Form method="post" className="space-y-4 rounded-xl bg-surface p-5 ring-1 ring-line sm:p-6">
          <input type="hidden" name="token" value={token} />
          <p className="text-gray-800">Confirm that this email address is yours.</p>
          <Button type="submit" block busy={navigation.state === 'submitting'}>
            Confirm my email address
          </Button>
        </Form>
      )}
      {refused ? (
        <Link to="/account/sign-in" className="font-semibold text-primary-ink underline">
          Go to sign in
        </Link>
      ) : null}
    </div>
  );
}
