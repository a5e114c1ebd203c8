import { data, Link, type LoaderFunctionArgs, type MetaFunction, useLoaderData } from 'react-router';
import { Button } from '../components/ui/Button.tsx';
import { Notice } from '../components/ui/Notice.tsx';
import { PageHeader } from '../components/ui/PageHeader.tsx';
import { pageMeta } from '../lib/meta.ts';
import { isUnsubscribeToken } from '../lib/newsletter.server.ts';

/**
 * The link in every campaign email (PV-USE-1): opening it changes nothing (mail scanners open links); its
 * button posts to the same address, which is also RFC 8058's one-click target and is answered by
 * src/messaging/newsletter/routes.ts, not by this page (so it needs no script). `?done=1` is the page after
 * unsubscribing; a token this shop did not make is a 400 saying so.
 */
export function loader({ request, context }: LoaderFunctionArgs) {
  const params = new URL(request.url).searchParams;
  if (params.get('done') === '1') return { done: true, token: '' };
  const token = params.get('token') ?? '';
  if (token.length > 200 || !isUnsubscribeToken(context.ctx, token)) {
    throw data(
      { message: 'This unsubscribe link is not valid: copy the whole link from the email.' },
      { status: 400, statusText: 'Bad Request' },
    );
  }
  return { done: false, token };
}

export const meta: MetaFunction = ({ matches }) => [
  ...pageMeta(matches, 'Unsubscribe'),
  { name: 'robots', content: 'noindex, nofollow' },
];

export default function UnsubscribePage() {
  const { done, token } = useLoaderData<typeof loader>();
  if (done) {
    return (
      <div className="mx-auto max-w-lg space-y-5">
        <PageHeader title="You are unsubscribed" />
        <Notice tone="success" title="We will send you no more offers">
          Emails about your orders and cases still reach you: they are not offers. Changed your mind?{' '}
          <Link to="/newsletter" className="font-semibold underline">
            Subscribe again
          </Link>
          .
        </Notice>
      </div>
    );
  }
  return (
    <div className="mx-auto max-w-lg space-y-5">
      <PageHeader title="Unsubscribe" description="Stop receiving our special offers by email." />
      {/* A plain form, not React Router's: the shop's one-click route answers this address's POST. */}
      <form
        method="post"
        action={`/newsletter/unsubscribe?token=${encodeURIComponent(token)}`}
        className="space-y-4 rounded-xl bg-surface p-5 ring-1 ring-line sm:p-6"
      >
        <input type="hidden" name="intent" value="unsubscribe" />
        <p className="text-gray-800">One click and this address receives no more offers from us.</p>
        <Button type="submit" block>
          Unsubscribe
        </Button>
      </form>
    </div>
  );
}
