/**
 * Emails carry one-time links whose `token` is a key: a password reset or an email confirmation takes over a
 * customer's account, a staff invitation makes its holder a member (an owner, if so invited), an order link
 * acts for the buyer. Staff read the outbox to answer "did you write to me?", never to hold those keys, so
 * every view of an email's body in the back office shows its links with the token hidden.
 */

/** The text with every `token=` query value of a link replaced by `[hidden]` (plain text and HTML alike). */
export function hideLinkTokens(body: string): string {
  return body.replace(/([?&](?:amp;)?token=)[^&\s"'<>)]+/g, '$1[hidden]');
}
