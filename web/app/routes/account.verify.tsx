import {
  type ActionFunctionArgs,
  Link,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
  useActionData,
  useLoaderData,
} from 'react-router';
import { EmailLinkPage } from '../components/account/EmailLinkPage.tsx';
import { linkHours, verifyEmail } from '../lib/account.server.ts';
import { followLink, linkToken } from '../lib/account-forms.server.ts';
import { pageMeta } from '../lib/meta.ts';

/** The link in the verification email: opening it changes nothing; the button confirms (EmailLinkPage). */
export function loader({ request, context }: LoaderFunctionArgs) {
  return { token: linkToken(request), hours: linkHours(context) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  return followLink(request, async (token) => {
    await verifyEmail(context.ctx, token);
    return redirect('/account/sign-in?verified=1', 303);
  });
}

export const meta: MetaFunction = ({ matches }) => [
  ...pageMeta(matches, 'Confirm your email'),
  { name: 'robots', content: 'noindex, nofollow' },
];

export default function VerifyPage() {
  const { token, hours } = useLoaderData<typeof loader>();
  const refused = useActionData<typeof action>();
  return (
    <EmailLinkPage
      title="Confirm your email"
      description="One click and your account is ready: orders placed as a guest with this address join it."
      token={token}
      linkError={refused?.linkError}
      submitLabel="Confirm my email address"
      whenRefused={
        <>
          Links work once and for {hours} hours. To get a new one, sign in with your email and password: an
          account not yet confirmed is sent a fresh link. Already confirmed? Then simply{' '}
          <Link to="/account/sign-in" className="font-semibold underline">
            sign in
          </Link>
          .
        </>
      }
      afterRefusal={
        <Link to="/account/sign-in" className="font-semibold text-primary-ink underline">
          Go to sign in
        </Link>
      }
    >
      <p className="text-gray-800">Confirm that this email address is yours.</p>
    </EmailLinkPage>
  );
}
