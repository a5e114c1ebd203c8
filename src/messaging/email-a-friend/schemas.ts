/** The wire shape of email-a-friend (PV-COL-2), shared by the API and the product page's form. */
import { z } from 'zod';
import { emailInput } from '../../accounts/customers/schemas.ts';
import { text } from '../../shared/text.ts';

/**
 * A name as the email shows it: letters (any script) with spaces, apostrophes, hyphens and dots between them.
 * The sender's name is the one text of theirs the email carries (in its subject, too), so no digits, symbols,
 * web or email addresses: a phone number, a price or a link in it would make the shop a relay for spam.
 */
const NAME = /^\p{L}[\p{L}\p{M}'’ .-]*$/u;

function personName(missing: string) {
  return text()
    .trim()
    .min(1, missing)
    .max(60, 'must be at most 60 characters')
    .refine(
      (v) => NAME.test(v) && !/www\.|\.[a-z]{2,}\b/i.test(v),
      'must be a name: letters only, no numbers, links or addresses',
    );
}

export const emailAFriendBody = z.strictObject({
  senderName: personName('Enter your name'),
  friendName: personName('Enter your friend’s name'),
  friendEmail: emailInput,
});
export type EmailAFriendInput = z.infer<typeof emailAFriendBody>;
