import { Link, type LoaderFunctionArgs, type MetaFunction, useLoaderData } from 'react-router';
import { PageHeader } from '../components/ui/PageHeader.tsx';
import { pageMeta } from '../lib/meta.ts';
import { type PrivacyFacts, privacyFacts } from '../lib/privacy.server.ts';

export async function loader({ context }: LoaderFunctionArgs) {
  return privacyFacts(context);
}

export const meta: MetaFunction = ({ matches }) =>
  pageMeta(
    matches,
    'Privacy',
    'What personal data the shop collects, why, how long it is kept and your rights.',
  );

interface Section {
  id: string;
  title: string;
  paragraphs: string[];
}

/**
 * What the shop does with personal data today, and nothing it does not do yet: there is no
 * tracking, so the page promises none of its rules. Each paragraph is kept true by code
 * (named in the comment beside it); when a feature arrives, its paragraph arrives with it.
 */
function sections(f: PrivacyFacts): Section[] {
  return [
    {
      id: 'collect',
      title: 'What we collect and why',
      paragraphs: [
        // orders/schemas.ts checkoutBody: the only form that asks for personal data.
        'When you place an order we ask for your name, email address, shipping address and, if you choose to give it, a phone number. We use them to deliver the order and to write to you about it. You can shop as a guest, or with an account that keeps your name, email address, phone and orders together.',
        // orders/order-emails.ts: the only emails the shop sends.
        'We email you when your order is placed, when it ships and if we have to cancel it.',
        // PV-USE-1: messaging/newsletter: double opt-in, RFC 8058 one-click unsubscribe in every campaign.
        'We email you special offers only if you ask for them: sign up with your email address at the foot of any page or on your account’s profile, then confirm from the email we send; an address that does not confirm gets nothing. Every offer has a link that unsubscribes you in one click.',
        // PV-COL-2: messaging/email-a-friend, the outbox's ephemeral templates and the retention job.
        `"Email a friend" on a product page asks for your name and your friend’s name and email address, only to send them that one email. We delete their address as soon as the email is sent (within ${f.friendMailHours} hours if it cannot be sent), and we never add it to a mailing list.`,
        // server.ts request logging.
        'Our server logs record the IP address of each request, to keep the shop safe. The logs never hold your name, email address, postal address or what you bought.',
      ],
    },
    {
      id: 'share',
      title: 'Who sees it',
      paragraphs: [
        'We never sell your data or hand it to other companies for their own use. The carrier that delivers your parcel receives your name and shipping address.',
        // PV-PAY-1: orders/payments: the browser sends the card to the processor; the shop keeps its reference.
        'If you pay by card, your card details go from your browser straight to the payment processor. We never receive or store card numbers or security codes, only the processor’s reference for the payment.',
        // PV-STF-1: privacy/staff-access: the visibility filter, maintenance grants and the staff access log.
        'Only the member of our staff handling your order or after-sales case sees your name, contact details, messages and photos; other staff see your initials and your email’s domain. A technician sees them only with the owner’s permission for maintenance, for a stated reason and a limited time. Every time staff look at your details is recorded.',
        // PV-RGT-2, PV-USE-2: privacy/staff-access/business-transfer.
        'If the shop is sold, the buyer may receive customers’ names, contact details, addresses and order history, never payment details. Our mailing list is never sold or given to anyone.',
      ],
    },
    {
      id: 'protect',
      title: 'How we protect it',
      paragraphs: [
        // server.ts HSTS; accounts/passwords.ts argon2id; ops/backup.ts.
        'The shop is served over an encrypted connection only. Staff passwords are stored as slow, salted hashes, never as the password itself. The shop’s data can be backed up and restored.',
        // orders/order-link.ts and order-lookup.service.ts.
        'Your order page is reached through the signed link in our emails, or with the order reference together with your email address; nothing personal appears in its address.',
      ],
    },
    {
      id: 'keep',
      title: 'How long we keep it',
      paragraphs: [
        // PV-MIN-1: privacy/retention.ts, every hour.
        `A cart is deleted ${f.cartDays} days after you last changed it, and its cookie expires then too.`,
        `The copy of your checkout that lets a repeated click return the same order is deleted after ${f.checkoutAnswerHours} hours.`,
        `Emails we sent you are deleted from our outbox ${f.mailDays} days after they were written.`,
        'Orders are kept as the record of your purchase, for after-sales service.',
        // PV-MIN-1: aftersales/evidence/purge-evidence.ts on the retention job.
        `Photos, videos and receipts you send for an after-sales case are deleted ${f.evidenceDays} days after the case is finished.`,
        // PV-ACC-3: privacy/idle-accounts.ts on the retention job.
        `An account nobody signs in to for ${f.idleMonths} months is deleted, as if you had deleted it yourself; we email you ${f.idleWarningDays} days before, and signing in keeps it.`,
      ],
    },
    {
      id: 'cookies',
      title: 'Cookies',
      paragraphs: [
        // orders/cart.routes.ts, accounts/customers/routes.ts, accounts/passkeys/routes.ts: every cookie it sets.
        'The shop sets only the cookies it needs: one that remembers your cart, one that keeps you signed in to your account while you are, and for a few minutes during a passkey sign-in, one that ties the sign-in to your browser. There are no advertising or tracking cookies.',
      ],
    },
    {
      id: 'rights',
      title: 'Your rights',
      paragraphs: [
        'To see what we hold about an order, open it from our email or find it with its reference and your email address. To correct or remove your data, reply to any email about your order and tell us what to change.',
        // PV-RGT-1, PV-ACC-4: privacy/customer-data.service.ts, the account's "Your data" page.
        'With an account, "Your data" downloads everything we hold about you in one file, and deletes the account: it first tells you what the deletion stops (an open after-sales case, an order on its way), then removes your name, contact details, addresses, sign-in history, messages and evidence files. We keep only the accounting records of your orders (references, dates, amounts and tax), without your name or contact details, for as long as the law requires.',
      ],
    },
  ];
}

export default function PrivacyPolicy() {
  const facts = useLoaderData<typeof loader>();
  return (
    <article className="mx-auto max-w-3xl">
      <PageHeader
        title="Privacy"
        description="What personal data we collect, what we use it for, and what you can do about it."
      />
      <div className="space-y-10">
        {sections(facts).map((section) => (
          <section key={section.id} id={section.id} aria-labelledby={`${section.id}-title`}>
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
      <p className="mt-10 text-sm text-muted">
        Looking for an order?{' '}
        <Link to="/orders/lookup" className="underline">
          Find it with its reference and your email
        </Link>
        .
      </p>
    </article>
  );
}
