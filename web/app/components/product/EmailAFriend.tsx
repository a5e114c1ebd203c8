/**
 * "Email a friend" on the product page (PV-COL-2): a disclosure with three fields, posted to the page's own
 * action (it works before scripts load). It says, before anything is typed, what happens to the friend's
 * address: one email, then nothing kept.
 */
import { Form } from 'react-router';
import { Button } from '../ui/Button.tsx';
import { Input } from '../ui/Input.tsx';
import { Notice } from '../ui/Notice.tsx';

export interface EmailAFriendProps {
  productName: string;
  values?: { senderName: string; friendName: string; friendEmail: string };
  errors?: Partial<Record<'senderName' | 'friendName' | 'friendEmail', string>>;
  sentTo?: string | null;
  busy: boolean;
}

export function EmailAFriend({ productName, values, errors = {}, sentTo, busy }: EmailAFriendProps) {
  const refused = Object.keys(errors).length > 0;
  return (
    <details className="mt-6 rounded-lg border border-gray-200 p-4" open={refused || Boolean(sentTo)}>
      <summary className="cursor-pointer font-medium text-gray-900">Email a friend</summary>
      {sentTo ? (
        <Notice tone="success" title="Sent" className="mt-4">
          We emailed {sentTo} a link to the {productName}. Their address is not kept.
        </Notice>
      ) : null}
      <Form
        method="post"
        className="mt-4 space-y-4"
        aria-label={`Email a friend about the ${productName}`}
        noValidate
      >
        <input type="hidden" name="intent" value="email-a-friend" />
        <p className="text-sm text-gray-600">
          We send your friend one email with a link to this page. Their name and address are used for that
          email only: not kept, and never added to a mailing list.
        </p>
        <Input
          label="Your name"
          name="senderName"
          id="friend-sender-name"
          autoComplete="name"
          maxLength={60}
          required
          defaultValue={values?.senderName ?? ''}
          error={errors.senderName}
        />
        <Input
          label="Your friend’s name"
          name="friendName"
          id="friend-name"
          autoComplete="off"
          maxLength={60}
          required
          defaultValue={values?.friendName ?? ''}
          error={errors.friendName}
        />
        <Input
          label="Your friend’s email"
          name="friendEmail"
          id="friend-email"
          type="email"
          autoComplete="off"
          maxLength={254}
          required
          defaultValue={values?.friendEmail ?? ''}
          error={errors.friendEmail}
        />
        <Button type="submit" variant="secondary" busy={busy}>
          Send
        </Button>
      </Form>
    </details>
  );
}
