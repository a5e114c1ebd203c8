import { type ActionFunctionArgs, data, type MetaFunction, useActionData, useNavigation } from 'react-router';
import { NewsletterForm } from '../components/layout/NewsletterForm.tsx';
import { Notice } from '../components/ui/Notice.tsx';
import { PageHeader } from '../components/ui/PageHeader.tsx';
import { textField } from '../lib/account.server.ts';
import { readForm } from '../lib/form.server.ts';
import { pageMeta } from '../lib/meta.ts';
import {
  acceptSubscriptionRequest,
  NEWSLETTER_ACCEPTED,
  parseNewsletterEmail,
} from '../lib/newsletter.server.ts';

/**
 * /newsletter: the sign-up's own page and the target of the footer's form (PV-USE-1, double opt-in). The
 * answer is the same for every address, subscribed or not; a refused address keeps what was typed.
 */
export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readForm(request);
  const value = textField(form, 'email', 320);
  const parsed = parseNewsletterEmail(value);
  if ('error' in parsed)
    return data({ sent: false as const, value, error: parsed.error, message: null }, { status: 400 });
  // Handed over, not awaited: the answer's time says nothing about the address (PV-USE-1).
  acceptSubscriptionRequest(context.ctx, parsed.email, context.log);
  return { sent: true as const, value: '', error: null, message: NEWSLETTER_ACCEPTED };
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, 'Special offers by email');

export default function NewsletterPage() {
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  return (
    <div className="mx-auto max-w-lg space-y-5">
      <PageHeader
        title="Special offers by email"
        description="We write only when there is an offer worth it, and only to people who asked and confirmed."
      />
      {result?.sent ? (
        <Notice tone="success" title="Check your inbox">
          {result.message}
        </Notice>
      ) : null}
      <div className="rounded-xl bg-surface p-5 ring-1 ring-line sm:p-6">
        <NewsletterForm
          value={result?.sent ? '' : result?.value}
          error={navigation.state === 'submitting' ? null : result?.error}
          busy={navigation.state === 'submitting'}
        />
      </div>
    </div>
  );
}
