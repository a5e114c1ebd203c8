import { type LoaderFunctionArgs, type MetaFunction, useLoaderData } from 'react-router';
import { PageHeader } from '../components/ui/PageHeader.tsx';
import { pageMeta } from '../lib/meta.ts';
import { currentPolicySettings, describePolicy } from '../lib/policy.server.ts';

/**
 * The policy text comes from the same settings the claim engine enforces (src/aftersales/policy.text.ts).
 * Shoppers read the rules, not the clause IDs the software and staff use: the IDs stay on the server.
 */
export async function loader(_args: LoaderFunctionArgs) {
  const sections = describePolicy(await currentPolicySettings());
  return {
    sections: sections.map((s) => ({ id: s.id, title: s.title, paragraphs: s.clauses.map((c) => c.text) })),
  };
}

export const meta: MetaFunction<typeof loader> = ({ matches }) =>
  pageMeta(
    matches,
    'After-sales and warranty',
    'How warranty, dead-on-arrival, defective and incorrect-item requests are handled.',
  );

export default function AfterSalesPolicy() {
  const { sections } = useLoaderData<typeof loader>();
  return (
    <article className="mx-auto max-w-3xl">
      <PageHeader
        title="After-sales and warranty"
        description="What we promise when something is wrong with your order, and what we need from you. These are the rules our software applies to every request."
      />
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
