/**
 * The product page's "Email a friend" form (PV-COL-2): the API's own schema and service, with a message at
 * each field that keeps what was typed. `.server` keeps the database code out of the browser.
 */
import { randomUUID } from 'node:crypto';
import type { AppLoadContext } from 'react-router';
import { emailAFriendBody } from '../../../src/messaging/email-a-friend/schemas.ts';
import { emailAFriend } from '../../../src/messaging/email-a-friend/send-to-friend.ts';

export const friendFields = ['senderName', 'friendName', 'friendEmail'] as const;
export type FriendField = (typeof friendFields)[number];
export type FriendValues = Record<FriendField, string>;

export interface FriendFormResult {
  intent: 'email-a-friend';
  values: FriendValues;
  errors: Partial<Record<FriendField, string>>;
  /** The friend's name, once the email is queued (the form empties). */
  sentTo: string | null;
  /** A new id per email sent: the form's key, so its fields empty after each one. */
  sentId: string | null;
}

/** Checks the posted form and queues the email; a refused field keeps its text and gets its message. */
export async function submitEmailAFriend(
  context: AppLoadContext,
  slug: string,
  form: FormData,
): Promise<FriendFormResult & { status: number }> {
  const values = Object.fromEntries(
    friendFields.map((f) => {
      const v = form.get(f);
      return [f, typeof v === 'string' ? v.slice(0, 500) : ''];
    }),
  ) as FriendValues;
  const parsed = emailAFriendBody.safeParse(values);
  if (!parsed.success) {
    const errors: FriendFormResult['errors'] = {};
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] as FriendField;
      if (errors[field]) continue;
      errors[field] =
        field === 'friendEmail' && issue.code !== 'too_big'
          ? 'Enter your friend’s email address, like name@example.com'
          : issue.message.replace(/^must/, 'This must');
    }
    return { intent: 'email-a-friend', values, errors, sentTo: null, sentId: null, status: 400 };
  }
  await emailAFriend(context.ctx, slug, parsed.data);
  return {
    intent: 'email-a-friend',
    values: { senderName: values.senderName, friendName: '', friendEmail: '' },
    errors: {},
    sentTo: parsed.data.friendName,
    sentId: randomUUID(),
    status: 200,
  };
}
