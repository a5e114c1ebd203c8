/**
 * /admin/invitation?token=…: the page the staff invitation email links to (PV-STF-2). Opening it changes
 * nothing (mail scanners fetch links first); it shows who is invited, as what, until when, and asks for a
 * password under the staff rules. Posting it writes the member and signs them in; the back office then asks an
 * owner to set up an authenticator and every member to accept the confidentiality agreement (PV-STF-3). A
 * forged, expired, used or replaced link is a 400 page saying what to do (and a security event). Rendered on the
 * server: the form works without scripts.
 */
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
import { formatDateTime } from '../../../../src/shared/format.ts';
import { Button } from '../../components/ui/Button.tsx';
import { Input } from '../../components/ui/Input.tsx';
import { Notice } from '../../components/ui/Notice.tsx';
import { accountProblem, requestMeta, textField } from '../../lib/account.server.ts';
import { readForm } from '../../lib/form.server.ts';
import { pageMeta } from '../../lib/meta.ts';
import {
  acceptInvitation,
  InvitationRefused,
  openInvitation,
  STAFF_PASSWORD_MIN,
  staffSessionHeaders,
} from '../../lib/staff.server.ts';

/** Lets the document (root.tsx) leave out the storefront's header and footer, as in the back office. */
export const handle = { chrome: 'back-office' };

const roleLabels = {
  owner: 'an owner',
  customer_service: 'customer service',
  technician: 'a technician',
} as const;

type Loaded =
  | { ok: true; token: string; name: string; email: string; role: string; until: string; minLength: number }
  | { ok: false; message: string };

export async function loader({ request, context }: LoaderFunctionArgs) {
  const token = new URL(request.url).searchParams.get('token') ?? '';
  if (!token || token.length > 200) throw data(null, { status: 404, statusText: 'Not Found' });
  try {
    // Looking is not using: the refused link's security event is written when it is submitted.
    const invitation = await openInvitation(context.ctx, token, null);
    return data<Loaded>({
      ok: true,
      token,
      name: invitation.name,
      email: invitation.email,
      role: roleLabels[invitation.role],
      until: formatDateTime(invitation.expiresAt),
      minLength: STAFF_PASSWORD_MIN,
    });
  } catch (error) {
    if (!(error instanceof InvitationRefused)) throw error;
    return data<Loaded>({ ok: false, message: error.message }, { status: 400 });
  }
}

interface Refusal {
  password?: string;
  /** The link itself was refused meanwhile (used in another tab, replaced). */
  linkError?: string;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readForm(request);
  const token = textField(form, 'token', 200);
  const password = textField(form, 'password', 1000);
  if (!password) return data<Refusal>({ password: 'Choose a password' }, 400);
  try {
    const session = await acceptInvitation(context.ctx, { token, password }, requestMeta(context, request));
    return redirect('/admin', { status: 303, headers: staffSessionHeaders(context, session.token) });
  } catch (error) {
    const problem = accountProblem(error);
    if (problem.field === 'password') return data<Refusal>({ password: problem.message }, problem.status);
    return data<Refusal>({ linkError: problem.message }, problem.status);
  }
}

export const meta: MetaFunction = ({ matches }) => [
  ...pageMeta(matches, 'Join the back office'),
  { name: 'robots', content: 'noindex, nofollow' },
];

export default function InvitationPage() {
  const loaded = useLoaderData<typeof loader>();
  const refused = useActionData<typeof action>();
  const navigation = useNavigation();
  const linkError = loaded.ok ? refused?.linkError : loaded.message;
  return (
    <div data-invitation-page="" className="mx-auto w-full max-w-md py-4 sm:py-10">
      <div className="rounded-2xl border border-line bg-surface p-6 shadow-sm sm:p-8">
        <h1 className="text-2xl font-bold tracking-tight text-gray-900">Join the back office</h1>
        {linkError || !loaded.ok ? (
          <Notice tone="danger" title="This link no longer works" className="mt-6">
            <p>{linkError}</p>
            <p className="mt-2">
              <Link to="/admin/sign-in" className="font-semibold underline">
                Go to the staff sign-in
              </Link>
            </p>
          </Notice>
        ) : (
          <>
            <p className="mt-2 text-muted">
              Welcome, {loaded.name}. You are invited as {loaded.role} with the address{' '}
              <span className="font-medium text-gray-900">{loaded.email}</span>. Choose the password you will
              sign in with; this link works once, until {loaded.until}.
            </p>
            <Form
              method="post"
              noValidate
              aria-label="Choose your password"
              className="mt-6 flex flex-col gap-4"
            >
              <input type="hidden" name="token" value={loaded.token} />
              <Input
                id="invitation-password"
                name="password"
                type="password"
                label="Password"
                hint={`At least ${loaded.minLength} characters, hard to guess: a few unrelated words work well`}
                autoComplete="new-password"
                required
                error={navigation.state === 'submitting' ? undefined : refused?.password}
              />
              <Button type="submit" block busy={navigation.state === 'submitting'}>
                Set my password and continue
              </Button>
            </Form>
          </>
        )}
      </div>
    </div>
  );
}
