import { Link, type LoaderFunctionArgs, type MetaFunction, useLoaderData } from 'react-router';
import { AccountNav } from '../components/account/AccountNav.tsx';
import { caseStateWords } from '../components/claim/case-words.ts';
import { statusLabels } from '../components/order/order-status.ts';
import { Badge, type Tone } from '../components/ui/Badge.tsx';
import { ButtonLink } from '../components/ui/Button.tsx';
import { EmptyState } from '../components/ui/EmptyState.tsx';
import { PageHeader } from '../components/ui/PageHeader.tsx';
import { Price } from '../components/ui/Price.tsx';
import { accountOrders, requireCustomerPage } from '../lib/account.server.ts';
import { pageMeta } from '../lib/meta.ts';

const statusTones: Record<string, Tone> = {
  placed: 'info',
  paid: 'info',
  shipped: 'primary',
  delivered: 'success',
  completed: 'success',
  cancelled: 'neutral',
};

/** The account's orders, newest first, each with its after-sales cases and, once it arrived, a claim link. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const customer = await requireCustomerPage(context, request);
  const orders = await accountOrders(context, customer);
  return {
    customer: { name: customer.name, email: customer.email },
    orders: orders.map((o) => ({
      ...o,
      statusLabel: statusLabels[o.status as keyof typeof statusLabels] ?? o.status,
      cases: o.cases.map((c) => ({ ...c, stateLabel: caseStateWords(c.state).title })),
    })),
  };
}

export const meta: MetaFunction = ({ matches }) => [
  ...pageMeta(matches, 'Your account'),
  { name: 'robots', content: 'noindex, nofollow' },
];

export default function AccountPage() {
  const { customer, orders } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader title="Your account" description={`Signed in as ${customer.name} (${customer.email}).`} />
      <AccountNav />
      <section aria-labelledby="orders-title" className="space-y-4">
        <h2 id="orders-title" className="text-lg font-semibold text-gray-900">
          Your orders
        </h2>
        {orders.length === 0 ? (
          <EmptyState
            headingLevel={3}
            title="No orders yet"
            description="Orders you place while signed in, and earlier ones placed as a guest with this email address, show here."
            action={<ButtonLink to="/products">Browse products</ButtonLink>}
          />
        ) : (
          <ul className="space-y-3">
            {orders.map((o) => (
              <li key={o.reference} className="rounded-xl bg-surface p-4 ring-1 ring-line sm:p-5">
                <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
                  <h3 className="font-semibold text-gray-900">
                    <Link to={o.href} className="text-primary-ink underline">
                      Order {o.reference}
                    </Link>
                  </h3>
                  <Badge tone={statusTones[o.status] ?? 'neutral'}>{o.statusLabel}</Badge>
                </div>
                <p className="mt-1 text-sm text-muted">
                  Placed on {o.placedOn} · <Price cents={o.totalCents} />
                </p>
                {o.cases.length > 0 ? (
                  <ul className="mt-3 space-y-1 text-sm" aria-label={`Cases of order ${o.reference}`}>
                    {o.cases.map((c) => (
                      <li key={c.reference} className="flex flex-wrap items-baseline gap-x-2">
                        <Link to={c.href} className="font-semibold text-primary-ink underline">
                          Case {c.reference}
                        </Link>
                        <span className="text-gray-800">{c.stateLabel}</span>
                      </li>
                    ))}
                  </ul>
                ) : null}
                {o.claimHref ? (
                  <p className="mt-3 text-sm">
                    <Link to={o.claimHref} className="font-semibold text-primary-ink underline">
                      Report a problem with this order
                    </Link>
                  </p>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
