/**
 * The account emails, queued in the transaction of the change they report (src/messaging/outbox.ts). Links
 * point to the storefront's account pages with the one-time token in the query; the page posts it to the API.
 * Whether an account exists is said only here, to the mailbox's owner, never in an HTTP answer.
 */
import type { OutgoingMail } from '../../messaging/outbox.ts';
import { renderAccountEmail } from '../../messaging/templates/account-email.ts';
import { formatDate, formatDateTime } from '../../shared/format.ts';

export type AccountMailKind =
  | { kind: 'verify'; token: string; hours: number }
  | { kind: 'already_registered' }
  | { kind: 'reset'; token: string; hours: number }
  | { kind: 'reset_unknown' }
  | { kind: 'locked'; until: Date; token: string; hours: number }
  | { kind: 'password_changed' }
  | { kind: 'confirm_new_email'; token: string; hours: number }
  | { kind: 'email_taken' }
  | { kind: 'email_changed'; newEmail: string }
  | { kind: 'idle_warning'; deleteOn: Date; idleMonths: number }
  | { kind: 'account_deleted'; idle: boolean };

function pageUrl(publicUrl: string, path: string, token?: string): string {
  const base = `${publicUrl.replace(/\/+$/, '')}${path}`;
  return token ? `${base}?token=${encodeURIComponent(token)}` : base;
}

/** The email of `mail` to `to`, written with the shop's name at queue time; `publicUrl` is PUBLIC_URL. */
export function accountMail(
  publicUrl: string,
  shopName: string,
  to: string,
  mail: AccountMailKind,
): OutgoingMail {
  const signIn = { url: pageUrl(publicUrl, '/account/sign-in'), label: 'Sign in' };
  const forgot = { url: pageUrl(publicUrl, '/account/forgot'), label: 'Reset your password' };
  const content = ((): { template: string; subject: string; paragraphs: string[]; link?: typeof signIn } => {
    switch (mail.kind) {
      case 'verify':
        return {
          template: 'account_verify',
          subject: 'confirm your email address',
          paragraphs: [
            `Follow the link below to confirm this address and open your account. It works once, for ${mail.hours} hours.`,
            'If you did not sign up, ignore this email: no account opens without it.',
          ],
          link: { url: pageUrl(publicUrl, '/account/verify', mail.token), label: 'Confirm my email address' },
        };
      case 'already_registered':
        return {
          template: 'account_exists',
          subject: 'you already have an account',
          paragraphs: [
            'Someone asked to open an account with this address, but you already have one: sign in, or reset your password if you forgot it.',
            'If it was not you, nothing changed and you need do nothing.',
          ],
          link: signIn,
        };
      case 'reset':
        return {
          template: 'account_reset',
          subject: 'reset your password',
          paragraphs: [
            `Follow the link below to choose a new password. It works once, for ${mail.hours} hours; choosing a new password signs you out everywhere.`,
            'If you did not ask for it, ignore this email: your password stays as it is.',
          ],
          link: { url: pageUrl(publicUrl, '/account/reset', mail.token), label: 'Choose a new password' },
        };
      case 'reset_unknown':
        return {
          template: 'account_reset_unknown',
          subject: 'password reset',
          paragraphs: [
            'Someone asked to reset the password of an account with this address, but no account uses it.',
            'If it was you, you may have signed up with another address, or you can open an account now. Otherwise ignore this email.',
          ],
          link: { url: pageUrl(publicUrl, '/account/sign-up'), label: 'Open an account' },
        };
      case 'locked':
        return {
          template: 'account_locked',
          subject: 'sign-in paused after failed attempts',
          paragraphs: [
            `Your password was typed wrong several times in a row, so signing in to your account is paused until ${formatDateTime(mail.until)} and every session was signed out.`,
            `If it was not you, choose a new password with the link below (it works once, for ${mail.hours} hours): that also lifts the pause at once.`,
          ],
          link: { url: pageUrl(publicUrl, '/account/reset', mail.token), label: 'Choose a new password' },
        };
      case 'password_changed':
        return {
          template: 'account_password_changed',
          subject: 'your password was changed',
          paragraphs: [
            'The password of your account was just changed, and your other sessions were signed out.',
            'If it was not you, reset your password now and tell us.',
          ],
          link: forgot,
        };
      case 'confirm_new_email':
        return {
          template: 'account_change_email',
          subject: 'confirm your new email address',
          paragraphs: [
            `Follow the link below to make this the address of your account. It works once, for ${mail.hours} hours.`,
            'If you did not ask for it, ignore this email: nothing changes without it.',
          ],
          link: { url: pageUrl(publicUrl, '/account/email', mail.token), label: 'Confirm my new address' },
        };
      case 'email_taken':
        return {
          template: 'account_email_taken',
          subject: 'this address already has an account',
          paragraphs: [
            'Someone asked to move their account to this address, but an account already uses it, so nothing changed.',
            'If it was you, sign in with this address instead.',
          ],
          link: signIn,
        };
      case 'email_changed':
        return {
          template: 'account_email_changed',
          subject: 'the email address of your account changed',
          paragraphs: [
            `Your account now uses another email address (${mail.newEmail}); emails about it go there from now on.`,
            'If it was not you, reply to this email at once so we can help you get the account back.',
          ],
        };
      case 'idle_warning':
        return {
          template: 'account_idle_warning',
          subject: 'your account will be deleted',
          paragraphs: [
            `You have not signed in to your account for almost ${mail.idleMonths} months. We delete accounts nobody uses, so yours will be deleted on ${formatDate(mail.deleteOn)} with its personal data.`,
            'To keep it, just sign in before then. To let it go, do nothing.',
          ],
          link: signIn,
        };
      case 'account_deleted':
        return {
          template: 'account_deleted',
          subject: 'your account is deleted',
          paragraphs: [
            mail.idle
              ? 'Your account was not used for a long time, so we deleted it as we told you we would.'
              : 'You asked us to delete your account, and we have.',
            'Your name, email address, phone, addresses, sign-in history, messages and evidence files are gone. The law makes us keep the accounting records of your orders (references, dates, amounts and tax), without your name or contact details.',
            'This is the last email we send to this address about the account.',
          ],
        };
    }
  })();
  const rendered = renderAccountEmail({
    shopName,
    subject: content.subject,
    paragraphs: content.paragraphs,
    ...(content.link ? { link: content.link } : {}),
  });
  return { template: content.template, fromName: shopName, to, ...rendered };
}
