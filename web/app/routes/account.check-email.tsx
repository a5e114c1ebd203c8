import { Link, type LoaderFunctionArgs, type MetaFunction, useLoaderData } from 'react-router';
import { Notice } from '../components/ui/Notice.tsx';
import { PageHeader } from '../components/ui/PageHeader.tsx';
import { linkHours } from '../lib/account.server.ts';
import { pageMeta } from '../lib/meta.ts';

const reasons = {
  'sign-up': {
    title: 'Check your email',
    body: 'If the address can be used for a new account, we have sent it a link to confirm it. If it already has an account, the email says so and how to sign in or choose a new password.',
  },
  reset: {
    title: 'Check your email',
    body: 'If an account uses this address, we have sent it a link to choose a new password. Your current password keeps working until you do.',
  },
  email: {
    title: 'Check your new inbox',
    body: 'We have sent a link to the new address. Your account keeps the current address until you follow it; we also tell the current address about the change.',
  },
} as const;

type Reason = keyof typeof reasons;

/** One page after every form that sends a link: the same words whether or not the address has an account. */
export function loader({ request, context }: LoaderFunctionArgs) {
  const asked = new URL(request.url).searchParams.get('for') ?? '';
  const reason: Reason = asked in reasons ? (asked as Reason) : 'sign-up';
  return { reason, hours: linkHours(context) };
}

export const meta: MetaFunction = ({ matches }) => [
  ...pageMeta(matches, 'Check your email'),
  { name: 'robots', content: 'noindex, nofollow' },
];

export default function CheckEmailPage() {
  const { reason, hours } = useLoaderData<typeof loader>();
  const words = reasons[reason];
  return (
    <div className="mx-auto max-w-lg space-y-5">
      <PageHeader title={words.title} />
      <Notice tone="success" title="The email is on its way">
        {words.body}
      </Notice>
      <p className="text-gray-800">
        The link works once and for {hours} hours. Nothing arrived after a few minutes? Look in the spam
        folder, then{' '}
        <Link
          to={
            reason === 'reset'
              ? '/account/forgot'
              : reason === 'email'
                ? '/account/profile'
                : '/account/sign-up'
          }
          className="font-semibold text-primary-ink underline"
        >
          try again
        </Link>
        .
      </p>
    </div>
  );
}
