import type { ReactNode } from 'react';
import { Link, type LoaderFunctionArgs, type MetaFunction, useLoaderData } from 'react-router';
import { ProductGrid } from '../components/catalog/ProductCard.tsx';
import { ChatIcon, ShieldIcon, TruckIcon } from '../components/icons.tsx';
import { EmptyState } from '../components/ui/EmptyState.tsx';
import { listProducts } from '../lib/catalog.server.ts';
import { absoluteUrl, pageMeta } from '../lib/meta.ts';
import { currentPolicySettings } from '../lib/policy.server.ts';

export async function loader({ context }: LoaderFunctionArgs) {
  const { db, config } = context.ctx;
  const [featured, newest, clearance, policy] = await Promise.all([
    listProducts(db, { featured: true, sort: 'newest', limit: 4 }),
    listProducts(db, { sort: 'newest', limit: 8 }),
    listProducts(db, { clearance: true, sort: 'newest', limit: 4 }),
    currentPolicySettings(context.ctx),
  ]);
  return {
    featured: featured.items,
    newest: newest.items,
    clearance: clearance.items,
    promises: {
      warrantyMonths: policy.warrantyMonths,
      doaDays: policy.doaDaysAfterDelivery,
      defectiveDays: policy.defectiveDaysAfterShipment,
    },
    canonical: absoluteUrl(config.PUBLIC_URL, '/'),
  };
}

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  data
    ? pageMeta(
        matches,
        null,
        `Phones, tablets, wearables and accessories with a ${data.promises.warrantyMonths}-month warranty, ` +
          `dead-on-arrival cover for ${data.promises.doaDays} days after delivery and a published after-sales policy.`,
        { canonical: data.canonical },
      )
    : pageMeta(matches, null);

export default function Home() {
  const { featured, newest, clearance, promises } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-8 sm:space-y-16">
      {/* On a phone the first screen (390×844) shows the promise in one sentence and the first products; the
          promises in detail follow the featured products. */}
      <section
        aria-labelledby="hero-title"
        className="rounded-2xl bg-surface px-5 py-6 ring-1 ring-line sm:px-10 sm:py-12"
      >
        <h1 id="hero-title" className="max-w-2xl text-2xl font-bold tracking-tight text-gray-900 sm:text-4xl">
          Electronics with after-sales promises you can check
        </h1>
        <p className="mt-3 max-w-2xl text-muted sm:mt-4 sm:text-lg">
          Phones, tablets, wearables and accessories. Our after-sales policy is published in full, and the
          same rules decide every warranty and return request.
        </p>
      </section>

      {featured.length > 0 ? (
        <section aria-labelledby="featured-title" className="space-y-4">
          <h2 id="featured-title" className="text-2xl font-bold tracking-tight text-gray-900">
            Featured
          </h2>
          <ProductGrid products={featured} eager={2} />
        </section>
      ) : null}

      <section aria-labelledby="promises-title" className="space-y-4">
        <h2 id="promises-title" className="text-2xl font-bold tracking-tight text-gray-900">
          Our after-sales promises
        </h2>
        <ul className="grid gap-4 sm:grid-cols-3">
          <PromiseTile
            icon={<ShieldIcon className="size-6" />}
            title={`${promises.warrantyMonths}-month warranty`}
          >
            Counted from the day your order ships. Accessories and clearance items are not covered.
          </PromiseTile>
          <PromiseTile icon={<TruckIcon className="size-6" />} title="Dead on arrival? Covered">
            Tell us within {promises.doaDays} days of delivery and we replace or refund it.
          </PromiseTile>
          <PromiseTile
            icon={<ChatIcon className="size-6" />}
            title={`${promises.defectiveDays} days for defects`}
          >
            Report a defect within {promises.defectiveDays} days of shipment for a repair, replacement or
            refund.
          </PromiseTile>
        </ul>
        <p className="text-sm">
          <Link to="/policies/after-sales" className="font-semibold text-primary-ink underline">
            Read the after-sales policy
          </Link>
        </p>
      </section>

      <section aria-labelledby="new-title" className="space-y-4">
        <h2 id="new-title" className="text-2xl font-bold tracking-tight text-gray-900">
          New arrivals
        </h2>
        {newest.length > 0 ? (
          <ProductGrid products={newest} eager={featured.length > 0 ? 0 : 2} />
        ) : (
          <EmptyState
            headingLevel={3}
            title="New stock is on its way"
            description="The shop has no products on sale right now. Please come back soon."
          />
        )}
      </section>

      {clearance.length > 0 ? (
        <section aria-labelledby="clearance-title" className="space-y-4">
          <div className="space-y-1">
            <h2 id="clearance-title" className="text-2xl font-bold tracking-tight text-gray-900">
              Clearance
            </h2>
            <p className="text-muted">
              Reduced prices on last units. Clearance items are sold without the {promises.warrantyMonths}
              -month warranty; dead-on-arrival cover still applies.
            </p>
          </div>
          <ProductGrid products={clearance} />
        </section>
      ) : null}
    </div>
  );
}

function PromiseTile({ icon, title, children }: { icon: ReactNode; title: string; children: ReactNode }) {
  return (
    <li className="flex gap-3 rounded-xl bg-surface p-4 ring-1 ring-line">
      <span className="mt-0.5 text-primary-ink">{icon}</span>
      <div>
        <p className="font-semibold text-gray-900">{title}</p>
        <p className="mt-1 text-sm text-muted">{children}</p>
      </div>
    </li>
  );
}
