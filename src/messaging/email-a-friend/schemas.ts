/** The wire shape of email-a-friend (PV-COL-2), shared by the API and the product page's form. */
import { z } from 'zod';
import { emailInput } from '../../accounts/customers/schemas.ts';
import { text } from '../../shared/text.ts';

/**
 * A name as the email shows it. No web address and no email address: the sender's name is the one text of
 * theirs the email carries, and a link in it would make the shop a relay for whatever it points to.
 */
function personName(missing: string) {
  return text()
    .trim()
    .min(1, missing)
    .max(60, 'must be at most 60 characters')
    .refine((v) => !/[@/\\]|www\.|\.[a-z]{2,}\b/i.test(v), 'must be a name, not an address or a link');
}

export const emailAFriendBody = z.strictObject({
  senderName: personName('Enter your name'),
  friendName: personName('Enter your friend’s name'),
  friendEmail: emailInput,
});
export type EmailAFriendInput = z.infer<typeof emailAFriendBody>;
