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
import { Notice } from '../components/ui/Notice.tsx';
import { PageHeader } from '../components/ui/PageHeader.tsx';
import { followLink, linkToken } from '../lib/account-forms.server.ts';
import { pageMeta } from '../lib/meta.ts';
import { confirmHours, confirmSubscription } from '../lib/newsletter.server.ts';

/**
 * The link in the newsletter's confirmation email (PV-USE-1, double opt-in): opening it changes nothing,
 * since mail scanners open links; its button confirms. `?done=1` is the page after confirming.
 */
export function loader({ request, context }: LoaderFunctionArgs) {
  const done = new URL(request.url).searchParams.get('done') === '1';
  return { done, token: done ? '' : linkToken(request), hours: confirmHours(context) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  return followLink(request, async (token) => {
    await confirmSubscription(context.ctx, token);
    return redirect('/newsletter/confirm?done=1', 303);
  });
}

export const meta: MetaFunction = ({ matches }) => [
  ...pageMeta(matches, 'Confirm your subscription'),
  { name: 'robots', content: 'noindex, nofollow' },
];

export default function ConfirmNewsletterPage() {
  const { done, token, hours } = useLoaderData<typeof loader>();
  const refused = useActionData<typeof action>();
  if (done) {
    return (
      <div className="mx-auto max-w-lg space-y-5">
        <PageHeader title="You are subscribed" />
        <Notice tone="success" title="Thank you: your subscription is confirmed">
          We will write when there is an offer worth it. Every email has a link to unsubscribe in one click.
        </Notice>
        <Link to="/products" className="font-semibold text-primary-ink underline">
          Browse the shop
        </Link>
      </div>
    );
  }
  return (
    <EmailLinkPage
      title="Confirm your subscription"
      description="One click and you receive our special offers by email."
      token={token}
      linkError={refused?.linkError}
      submitLabel="Confirm my subscription"
      whenRefused={
        <>
          Links work once and for {hours} hours.{' '}
          <Link to="/newsletter" className="font-semibold underline">
            Sign up again
          </Link>{' '}
          to get a new one.
        </>
      }
    >
      <p className="text-gray-800">
        Confirm that you want our special offers at this address. You can unsubscribe from any of them in one
        click.
      </p>
    </EmailLinkPage>
  );
}
