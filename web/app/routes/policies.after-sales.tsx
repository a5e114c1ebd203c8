import { Link, type LoaderFunctionArgs, type MetaFunction, useLoaderData } from 'react-router';
import { formatDate } from '../../../src/shared/format.ts';
import { Notice } from '../components/ui/Notice.tsx';
import { PageHeader } from '../components/ui/PageHeader.tsx';
import { pageMeta } from '../lib/meta.ts';
import { describePolicy, policyVersionForPage } from '../lib/policy.server.ts';

/**
 * The policy text comes from the same settings the claim engine enforces (src/aftersales/policy.text.ts).
 * Shoppers read the rules, not the clause IDs the software and staff use: the IDs stay on the server.
 * Issue 11 point 2: the live version by default; `?version=N` shows an earlier one, so a customer can read
 * the policy their order was sold under or their case was judged by (an unknown version is the 404 page).
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const asked = new URL(request.url).searchParams.get('version');
  const { shown, live } = await policyVersionForPage(context.ctx, asked);
  const sections = describePolicy(shown.settings);
  return {
    version: shown.version,
    since: formatDate(shown.createdAt),
    liveVersion: live.version,
    sections: sections.map((s) => ({ id: s.id, title: s.title, paragraphs: s.clauses.map((c) => c.text) })),
  };
}

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageMeta(
    matches,
    data && data.version !== data.liveVersion
      ? `After-sales and warranty, version ${data.version}`
      : 'After-sales and warranty',
    'How warranty, dead-on-arrival, defective and incorrect-item requests are handled.',
  );

export default function AfterSalesPolicy() {
  const { sections, version, since, liveVersion } = useLoaderData<typeof loader>();
  const isLive = version === liveVersion;
  return (
    <article className="mx-auto max-w-3xl">
      <PageHeader
        title="After-sales and warranty"
        description="What we promise when something is wrong with your order, and what we need from you. These are the rules our software applies to every request."
      />
      <p className="-mt-2 mb-6 text-sm text-muted" data-policy-version={version}>
        Version {version}, in effect since {since}
        {isLive ? '' : ` until version ${version + 1} replaced it`}.
      </p>
      {isLive ? null : (
        <div className="mb-6">
          <Notice title="This is not the current policy">
            <p>
              You are reading version {version}, which judges orders and requests of its time. New requests
              follow version {liveVersion}.{' '}
              <Link to="/policies/after-sales" className="font-semibold underline">
                Read the current policy
              </Link>
            </p>
          </Notice>
        </div>
      )}
      <nav aria-label="On this page" className="mb-8 rounded-xl bg-surface p-4 ring-1 ring-line">
        <ul className="flex flex-wrap gap-x-4 gap-y-2 text-sm">
          {sections.map((s) => (
            <li key={s.id}>
              <a href={`#${s.id}`} className="text-primary-ink underline">
                {s.title}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <div className="space-y-10">
        {sections.map((section) => (
          <section
            key={section.id}
            id={section.id}
            aria-labelledby={`${section.id}-title`}
            className="scroll-mt-6"
          >
            <h2 id={`${section.id}-title`} className="text-xl font-bold text-gray-900">
              {section.title}
            </h2>
            <ul className="mt-4 space-y-3">
              {section.paragraphs.map((text) => (
                <li key={text} className="rounded-lg bg-surface p-4 ring-1 ring-line">
                  <p className="text-gray-900">{text}</p>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    </article>
  );
}
