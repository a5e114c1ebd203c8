import { useId } from 'react';
import { Form } from 'react-router';
import { Button } from '../ui/Button.tsx';
import { Input } from '../ui/Input.tsx';

export interface NewsletterFormProps {
  /** What was typed, kept after a refusal. */
  value?: string;
  error?: string | null;
  busy?: boolean;
  /** The footer's compact look, or the sign-up page's. */
  compact?: boolean;
}

/**
 * The footer's field is named without the word "email": it sits on every page, beside the pages' own email
 * fields (sign-in, checkout), and a person using a screen reader's list of fields tells them apart.
 */
const FOOTER_LABEL = 'Where to send offers';

/**
 * The newsletter's sign-up (PV-USE-1): posts to /newsletter, whose action works without scripts and answers
 * the same for every address. Nothing is sent until the emailed link is followed (double opt-in).
 */
export function NewsletterForm({ value = '', error, busy = false, compact = false }: NewsletterFormProps) {
  const id = useId();
  return (
    <Form method="post" action="/newsletter" noValidate className="space-y-3" aria-labelledby={`${id}-title`}>
      <h2
        id={`${id}-title`}
        className={compact ? 'text-sm font-semibold text-gray-900' : 'text-lg font-semibold text-gray-900'}
      >
        Special offers by email
      </h2>
      <p className="text-sm text-muted">
        Now and then, never shared with anyone. We send a link to confirm first; every email unsubscribes in
        one click.
      </p>
      <Input
        label={compact ? FOOTER_LABEL : 'Email address'}
        placeholder={compact ? 'you@example.com' : undefined}
        id={`${id}-email`}
        name="email"
        type="email"
        autoComplete="email"
        required
        maxLength={254}
        defaultValue={value}
        error={error ?? undefined}
      />
      <Button type="submit" variant={compact ? 'secondary' : 'primary'} busy={busy}>
        Subscribe
      </Button>
    </Form>
  );
}
