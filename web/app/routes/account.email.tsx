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
import { confirmEmailChange, linkHours } from '../lib/account.server.ts';
import { followLink, linkToken } from '../lib/account-forms.server.ts';
import { pageMeta } from '../lib/meta.ts';

/** The link sent to a new address: opening it changes nothing; the button moves the account (EmailLinkPage). */
export function loader({ request, context }: LoaderFunctionArgs) {
  return { token: linkToken(request), hours: linkHours(context) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  return followLink(request, async (token) => {
    await confirmEmailChange(context.ctx, token);
    // Signed in, the profile shows the new address; otherwise sign-in comes first.
    return redirect('/account/profile?email-changed=1', 303);
  });
}

export const meta: MetaFunction = ({ matches }) => [
  ...pageMeta(matches, 'Confirm your new email address'),
  { name: 'robots', content: 'noindex, nofollow' },
];

export default function ConfirmEmailPage() {
  const { token, hours } = useLoaderData<typeof loader>();
  const refused = useActionData<typeof action>();
  return (
    <EmailLinkPage
      title="Confirm your new email address"
      token={token}
      linkError={refused?.linkError}
      submitLabel="Use this email address"
      whenRefused={
        <>
          Links work once and for {hours} hours. Ask for a new one on{' '}
          <Link to="/account/profile" className="font-semibold underline">
            your profile
          </Link>
          .
        </>
      }
    >
      <p className="text-gray-800">From now on we write to this address, and you sign in with it.</p>
    </EmailLinkPage>
  );
}
