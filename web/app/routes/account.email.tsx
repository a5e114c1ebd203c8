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
import { accountProblem, confirmEmailChange, linkHours, textField } from '../lib/account.server.ts';
import { readForm } from '../lib/form.server.ts';
import { pageMeta } from '../lib/meta.ts';

/** The link sent to a new address: opening it changes nothing (mail scanners open links); the button does. */
export function loader({ request, context }: LoaderFunctionArgs) {
  const token = new URL(request.url).searchParams.get('token') ?? '';
  if (!token || token.length > 200) throw data(null, { status: 404, statusText: 'Not Found' });
  return { token, hours: linkHours(context) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readForm(request);
  try {
    await confirmEmailChange(context.ctx, textField(form, 'token', 200));
  } catch (error) {
    const problem = accountProblem(error);
    return data({ message: problem.message }, { status: problem.status });
  }
  // Signed in, the profile shows the new address; otherwise sign-in comes first.
  return redirect('/account/profile?email-changed=1', 303);
}

export const meta: MetaFunction = ({ matches }) => [
  ...pageMeta(matches, 'Confirm your new email address'),
  { name: 'robots', content: 'noindex, nofollow' },
];

export default function ConfirmEmailPage() {
  const { token, hours } = useLoaderData<typeof loader>();
  const refused = useActionData<typeof action>();
  const navigation = useNavigation();
  return (
    <div className="mx-auto max-w-lg space-y-5">
      <PageHeader title="Confirm your new email address" />
      {refused ? (
        <Notice tone="danger" title="This link no longer works">
          <p>{refused.message}.</p>
          <p className="mt-2">
            Links work once and for {hours} hours. Ask for a new one on{' '}
            <Link to="/account/profile" className="font-semibold underline">
              your profile
            </Link>
            .
          </p>
        </Notice>
      ) : (
        <Form method="post" className="space-y-4 rounded-xl bg-surface p-5 ring-1 ring-line sm:p-6">
          <input type="hidden" name="token" value={token} />
          <p className="text-gray-800">From now on we write to this address, and you sign in with it.</p>
          <Button type="submit" block busy={navigation.state === 'submitting'}>
            Use this email address
          </Button>
        </Form>
      )}
    </div>
  );
}
