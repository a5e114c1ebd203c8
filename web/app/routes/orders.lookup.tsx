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
import { Button } from '../components/ui/Button.tsx';
import { Input } from '../components/ui/Input.tsx';
import { Notice } from '../components/ui/Notice.tsx';
import { PageHeader } from '../components/ui/PageHeader.tsx';
import { readForm } from '../lib/form.server.ts';
import { absoluteUrl, pageMeta } from '../lib/meta.ts';
import { isNotFound, lookupBody, lookupOrderLinkToken, orderPagePath } from '../lib/orders.server.ts';

export function loader({ context }: LoaderFunctionArgs) {
  return { canonical: absoluteUrl(context.ctx.config.PUBLIC_URL, '/orders/lookup') };
}

/**
 * Reference and email arrive in the POST body (never in an address, so never in logs or history), and the
 * answer is a redirect to the order's signed link. Whichever half is wrong, the message is the same.
 */
export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readForm(request);
  const values = {
    reference: String(form.get('reference') ?? '').slice(0, 40),
    email: String(form.get('email') ?? '').slice(0, 254),
  };
  const errors: { reference?: string; email?: string } = {};
  if (!values.reference.trim()) errors.reference = 'Enter the order reference, such as AC-26-00123';
  if (!/^\S+@\S+\.\S+$/.test(values.email.trim())) {
    errors.email = 'Enter the email address you ordered with';
  }
  // The API's schema too: text that is not text (NUL, control characters) is refused at its field.
  const parsed = lookupBody.safeParse(values);
  for (const issue of parsed.error?.issues ?? []) {
    if (issue.path[0] === 'reference') errors.reference ??= 'Enter the order reference, such as AC-26-00123';
    if (issue.path[0] === 'email') errors.email ??= 'Enter the email address you ordered with';
  }
  if (!parsed.success || errors.reference || errors.email) {
    return data({ values, errors, notFound: false }, { status: 400 });
  }
  try {
    const token = await lookupOrderLinkToken(context.ctx, parsed.data.reference, parsed.data.email);
    return redirect(orderPagePath(token), 303);
  } catch (error) {
    if (!isNotFound(error)) throw error;
    return data({ values, errors, notFound: true }, { status: 404 });
  }
}

export const meta: MetaFunction<typeof loader> = ({ matches, data: d }) =>
  pageMeta(
    matches,
    'Find your order',
    'See the status, tracking and details of an order with its reference and email address.',
    d ? { canonical: d.canonical } : undefined,
  );

export default function OrderLookupPage() {
  useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  return (
    <div className="mx-auto max-w-lg">
      <PageHeader
        title="Find your order"
        description="Enter the reference from your order confirmation and the email address you ordered with."
      />
      <Form method="post" noValidate className="space-y-5 rounded-xl bg-surface p-5 ring-1 ring-line sm:p-6">
        {result?.notFound ? (
          <Notice tone="danger" title="No order found">
            No order matches this reference and email address. Check both against your confirmation email.
          </Notice>
        ) : null}
        <Input
          label="Order reference"
          hint="For example AC-26-00123"
          id="reference"
          name="reference"
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          required
          maxLength={40}
          defaultValue={result?.values.reference ?? ''}
          error={result?.errors.reference}
        />
        <Input
          label="Email"
          id="email"
          name="email"
          type="email"
          autoComplete="email"
          required
          maxLength={254}
          defaultValue={result?.values.email ?? ''}
          error={result?.errors.email}
        />
        <Button type="submit" block busy={navigation.state === 'submitting'}>
          Show my order
        </Button>
      </Form>
    </div>
  );
}
