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
import { Button, buttonClasses } from '../components/ui/Button.tsx';
import { Input } from '../components/ui/Input.tsx';
import { Notice } from '../components/ui/Notice.tsx';
import { PageHeader } from '../components/ui/PageHeader.tsx';
import {
  accountProblem,
  clearedSessionHeaders,
  deleteOwnAccount,
  deletionPreview,
  requestMeta,
  requireCustomerPage,
  textField,
} from '../lib/account.server.ts';
import { readForm } from '../lib/form.server.ts';
import { pageMeta } from '../lib/meta.ts';

/** PV-RGT-1: the download of everything held, and what deleting the account would stop. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const customer = await requireCustomerPage(context, request);
  const impact = await deletionPreview(context.ctx, customer);
  return { email: customer.email, impact };
}

interface Refusal {
  error: string | null;
  formError: string | null;
}

/** PV-ACC-4: deletes the account with its password, then signs the browser out. */
export async function action({ request, context }: ActionFunctionArgs) {
  const customer = await requireCustomerPage(context, request);
  const form = await readForm(request);
  const password = textField(form, 'password', 1000);
  if (!password) {
    return data<Refusal>({ error: 'Enter your password to confirm', formError: null }, { status: 400 });
  }
  try {
    await deleteOwnAccount(context.ctx, customer, password, requestMeta(context, request));
  } catch (error) {
    const problem = accountProblem(error);
    // Locked out by this wrong password (PV-ACC-2 ends the sessions): the sign-in page explains.
    if (problem.code === 'unauthenticated') return redirect('/account/sign-in', 303);
    if (problem.field === 'password') {
      return data<Refusal>({ error: problem.message, formError: null }, { status: problem.status });
    }
    return data<Refusal>({ error: null, formError: problem.message }, { status: problem.status });
  }
  return redirect('/account/sign-in?deleted=1', { status: 303, headers: clearedSessionHeaders(context) });
}

export const meta: MetaFunction = ({ matches }) => [
  ...pageMeta(matches, 'Your data'),
  { name: 'robots', content: 'noindex, nofollow' },
];

export default function DataPage() {
  const { email, impact } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state === 'submitting';
  const blocked = impact.blockers.length > 0;
  return (
    <>
      <PageHeader
        title="Your data"
        breadcrumbs={[{ label: 'Your account', to: '/account' }]}
        description="Download everything we hold about you, or delete your account."
      />
      <AccountNav />
      <div className="grid gap-8 lg:grid-cols-2">
        <section
          aria-labelledby="download-title"
          className="space-y-4 self-start rounded-xl bg-surface p-5 ring-1 ring-line sm:p-6"
        >
          <h2 id="download-title" className="text-lg font-semibold text-gray-900">
            Download my data
          </h2>
          <p className="text-sm text-gray-800">
            One file (JSON) with your profile, your orders with their addresses and history, your after-sales
            cases with their messages and the list of files you sent, the emails we wrote to you, where and
            when you signed in, and the security events about your account.
          </p>
          {/* A plain link: the browser saves the file, with or without JavaScript. */}
          <a href="/api/account/export" download className={buttonClasses()}>
            Download my data
          </a>
        </section>

        <section
          aria-labelledby="delete-title"
          className="space-y-4 self-start rounded-xl bg-surface p-5 ring-1 ring-line sm:p-6"
        >
          <h2 id="delete-title" className="text-lg font-semibold text-gray-900">
            Delete my account
          </h2>
          <p className="text-sm text-gray-800">
            Your name, email address, phone, addresses, sign-in history, messages and evidence files are
            removed for good. The law makes us keep the accounting records of your orders (references, dates,
            amounts and tax), without your name or contact details.
          </p>
          {impact.blockers.length > 0 ? (
            <ImpactList title="First, these must finish" items={impact.blockers} />
          ) : null}
          {impact.stops.length > 0 ? (
            <ImpactList title="Deleting your account stops" items={impact.stops} />
          ) : blocked ? null : (
            <p className="text-sm text-muted">No order or after-sales case of yours is in progress.</p>
          )}
          {result?.formError ? (
            <Notice tone="danger" title="Your account was not deleted">
              {result.formError}
            </Notice>
          ) : null}
          {blocked ? null : (
            <Form method="post" noValidate className="space-y-4">
              {/* Tells password managers which account the password belongs to. */}
              <input type="text" name="username" autoComplete="username" value={email} readOnly hidden />
              <Input
                label="Your password, to confirm"
                id="field-password"
                name="password"
                type="password"
                autoComplete="current-password"
                required
                maxLength={256}
                error={busy ? undefined : (result?.error ?? undefined)}
              />
              <Button type="submit" variant="danger" busy={busy}>
                Delete my account
              </Button>
            </Form>
          )}
        </section>
      </div>
    </>
  );
}

/**
 * One list of what a deletion touches (PV-ACC-4): the orders and cases that must finish first, or those the
 * deletion stops, each with its reference and what happens to it.
 */
function ImpactList({
  title,
  items,
}: {
  title: string;
  items: ReadonlyArray<{ kind: string; reference: string; effect: string }>;
}) {
  return (
    <Notice tone="warning" title={title}>
      <ul className="mt-1 list-disc space-y-1 pl-5">
        {items.map((item) => (
          <li key={item.reference}>
            <strong>
              {item.kind === 'order' ? 'Order' : 'Case'} {item.reference}
            </strong>
            : {item.effect}
          </li>
        ))}
      </ul>
    </Notice>
  );
}
