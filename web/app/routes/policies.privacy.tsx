import type { MetaFunction } from 'react-router';
import { PageHeader } from '../components/ui/PageHeader.tsx';
import { pageMeta } from '../lib/meta.ts';

export const meta: MetaFunction = ({ matches }) =>
  pageMeta(
    matches,
    'Privacy',
    'What personal data the shop collects, why, how long it is kept and your rights.',
  );

interface Section {
  id: string;
  title: string;
  clauses: Array<{ clause: string; text: string }>;
}

/** The privacy clauses (docs/clauses.md) in the customer's words; each paragraph names the clause the software enforces. */
const sections: Section[] = [
  {
    id: 'collect',
    title: 'What we collect and why',
    clauses: [
      {
        clause: 'PV-COL-1',
        text: 'Your name, address, phone number, email address and IP address, when you create an account, place an order, enter a contest or survey, or write to customer service.',
      },
      {
        clause: 'PV-USE-1',
        text: 'We use this data to process your orders and, only if you agreed to it, to tell you about special offers. Every marketing email has a one-click unsubscribe link.',
      },
      {
        clause: 'PV-COL-2',
        text: 'When you email a product to a friend, their name and address are used for that one message and are not kept or added to any mailing list.',
      },
    ],
  },
  {
    id: 'share',
    title: 'Who sees it',
    clauses: [
      {
        clause: 'PV-USE-2',
        text: 'We never sell or hand our mailing lists to other companies.',
      },
      {
        clause: 'PV-PAY-1',
        text: 'Your card details go to the payment processor only, together with your billing address, name and phone number. We never store card numbers or security codes.',
      },
      {
        clause: 'PV-STF-1',
        text: 'Only the employees handling your account or request can see your personal data, and every time they look at it is recorded.',
      },
    ],
  },
  {
    id: 'protect',
    title: 'How we protect it',
    clauses: [
      {
        clause: 'PV-SEC-1',
        text: 'All traffic is encrypted, passwords are stored only as slow salted hashes, and backups are taken.',
      },
      {
        clause: 'PV-ACC-2',
        text: 'After repeated failed sign-in attempts, signing in is blocked for a while, and the event is recorded for our staff to review.',
      },
    ],
  },
  {
    id: 'keep',
    title: 'How long we keep it',
    clauses: [
      {
        clause: 'PV-MIN-1',
        text: 'Data that no longer serves one of the purposes above is deleted automatically.',
      },
      {
        clause: 'PV-ACC-3',
        text: 'Accounts with no activity for 6 months are deleted.',
      },
    ],
  },
  {
    id: 'rights',
    title: 'Your rights',
    clauses: [
      {
        clause: 'PV-RGT-1',
        text: 'You can view, correct and remove your data yourself from your account. Before removal we tell you what it will stop, such as an open after-sales case or an order on its way.',
      },
      {
        clause: 'PV-ACC-4',
        text: 'When you close your account, your personal data is removed.',
      },
    ],
  },
];

export default function PrivacyPolicy() {
  return (
    <article className="mx-auto max-w-3xl">
      <PageHeader
        title="Privacy"
        description="What personal data we collect, what we use it for, and what you can do about it."
      />
      <div className="space-y-10">
        {sections.map((section) => (
          <section key={section.id} id={section.id} aria-labelledby={`${section.id}-title`}>
            <h2 id={`${section.id}-title`} className="text-xl font-bold text-gray-900">
              {section.title}
            </h2>
            <ul className="mt-4 space-y-3">
              {section.clauses.map((c) => (
                <li key={c.clause} id={c.clause} className="rounded-lg bg-surface p-4 ring-1 ring-line">
                  <p className="text-gray-900">{c.text}</p>
                  <p className="mt-2 text-xs text-muted">Clause {c.clause}</p>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    </article>
  );
}
