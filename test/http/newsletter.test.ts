/**
 * The newsletter (PV-USE-1, PV-USE-2, PV-RGT-1): double opt-in, the same answer for every address, the
 * one-click unsubscribe of RFC 8058 in every campaign email, campaigns for the owner only, no list of
 * addresses anywhere, and the subscription in the customer's data download and deletion.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { deliverPendingMail, type MailTransport } from '../../src/messaging/dispatcher.ts';
import { newsletterSubscribers } from '../../src/messaging/newsletter/schema.ts';
import { acceptedSubscriptionsSettled } from '../../src/messaging/newsletter/subscribe.ts';
import { mailOutbox } from '../../src/messaging/schema.ts';
import { fixedClock } from '../../src/shared/clock.ts';
import {
  errorOf,
  GOOD_PASSWORD,
  get,
  linkToken,
  mailsTo,
  post,
  sessionCookie,
  verifiedAccount,
} from '../helpers/accounts-fixtures.ts';
import { signedInMember, startTestApp, type TestApp } from '../helpers/app.ts';

const clock = fixedClock('2026-03-02T10:00:00Z');
let t: TestApp;
let owner: string;
let service: string;
let technician: string;

before(async () => {
  // Many sign-ups from one address in a minute here: the per-IP budget is not what this file tests.
  t = await startTestApp({ clock, env: { CUSTOMER_AUTH_PER_MINUTE: '10000' } });
  owner = await t.staffCookie();
  service = (await signedInMember(t, 'cs@aftercare.test', 'Casey Service', 'customer_service')).cookie;
  technician = (await signedInMember(t, 'tech@aftercare.test', 'Toni Tech', 'technician')).cookie;
});
after(() => t.close());

/** Asks to subscribe, then waits for the sign-up handed over after the answer (subscribe.ts) to be written. */
async function subscribe(email: string) {
  const res = await post(t, '/api/newsletter/subscriptions', { email });
  await acceptedSubscriptionsSettled();
  return res;
}

async function subscriber(email: string) {
  const [row] = await t.ctx.db
    .select()
    .from(newsletterSubscribers)
    .where(eq(newsletterSubscribers.email, email));
  return row;
}

async function confirmed(email: string): Promise<void> {
  assert.equal((await subscribe(email)).statusCode, 202);
  const token = await linkToken(t, email, 'newsletter_confirm');
  const res = await post(t, '/api/newsletter/confirmation', { token });
  assert.equal(res.statusCode, 200, res.body);
}

function sendCampaign(subject: string, text = 'Twenty percent off every case this week.', cookie = owner) {
  return post(t, '/api/admin/newsletter/campaigns', { subject, text }, cookie);
}

async function campaignMails(subject: string) {
  return t.ctx.db
    .select()
    .from(mailOutbox)
    .where(and(eq(mailOutbox.template, 'newsletter_campaign'), eq(mailOutbox.subject, subject)));
}

function unsubscribeUrlOf(body: string): string {
  const url = /https?:\/\/\S+\/newsletter\/unsubscribe\?token=[A-Za-z0-9_-]+/.exec(body)?.[0];
  assert.ok(url, 'no unsubscribe link in the email');
  return url;
}

function oneClick(url: string, headers: Record<string, string> = {}) {
  const { pathname, search } = new URL(url);
  return t.app.inject({
    method: 'POST',
    url: `${pathname}${search}`,
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    payload: 'List-Unsubscribe=One-Click',
  });
}

describe('newsletter sign-up (PV-USE-1, double opt-in)', () => {
  it('PV-USE-1: asking to subscribe answers the same 202 whatever the address’s state, and a confirmed address is sent nothing new', async () => {
    await confirmed('kept@example.com');
    await subscribe('pending@example.com');
    const before = (await mailsTo(t, 'kept@example.com', 'newsletter_confirm')).length;
    const answers = await Promise.all(
      ['new@example.com', 'pending@example.com', 'kept@example.com', '  KEPT@Example.com '].map(subscribe),
    );
    for (const res of answers) assert.equal(res.statusCode, 202);
    assert.equal(new Set(answers.map((r) => r.body)).size, 1, 'one answer for every state');
    assert.equal((await mailsTo(t, 'kept@example.com', 'newsletter_confirm')).length, before);
    // Asked again within NEWSLETTER_RESEND_MINUTES: its first link still works, no second one is sent.
    assert.equal((await mailsTo(t, 'pending@example.com', 'newsletter_confirm')).length, 1);
    assert.equal((await subscriber('kept@example.com'))?.status, 'confirmed');
    assert.equal(answers[0]?.headers['cache-control'], 'no-store');
  });

  it('PV-USE-1: an address is sent at most one confirmation link per NEWSLETTER_RESEND_MINUTES however often it is asked (no mail bomb); after that a fresh link replaces it', async () => {
    const email = 'bombed@example.com';
    const minutes = t.ctx.config.NEWSLETTER_RESEND_MINUTES;
    assert.equal(minutes, 15, 'the default');
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push(await subscribe(email));
    assert.deepEqual(
      answers.map((r) => r.statusCode),
      [202, 202, 202, 202, 202],
    );
    assert.equal(new Set(answers.map((r) => r.body)).size, 1);
    assert.equal((await mailsTo(t, email, 'newsletter_confirm')).length, 1);
    const first = await linkToken(t, email, 'newsletter_confirm');
    const start = clock.now();
    try {
      clock.advance(minutes * 60_000 - 1000);
      await subscribe(email);
      assert.equal((await mailsTo(t, email, 'newsletter_confirm')).length, 1, 'still within the window');
      clock.advance(2000);
      await subscribe(email);
      assert.equal((await mailsTo(t, email, 'newsletter_confirm')).length, 2, 'the window is over');
      const second = await linkToken(t, email, 'newsletter_confirm');
      assert.notEqual(second, first);
      assert.equal((await post(t, '/api/newsletter/confirmation', { token: first })).statusCode, 400);
      assert.equal((await post(t, '/api/newsletter/confirmation', { token: second })).statusCode, 200);
      clock.advance(minutes * 60_000 * 10);
      await subscribe(email);
      assert.equal((await mailsTo(t, email, 'newsletter_confirm')).length, 2, 'confirmed: never again');
    } finally {
      clock.set(start);
    }
  });

  it('PV-USE-1: the API and the page answer a new, pending, just-asked and confirmed address alike (status, body, headers), and none of them gets a new link', async () => {
    await confirmed('known@example.com');
    await subscribe('asked@example.com');
    const sameHeaders = (r: { headers: Record<string, unknown> }) =>
      JSON.stringify(['content-type', 'content-length', 'cache-control'].map((h) => r.headers[h]));
    const addresses = ['fresh@example.com', 'asked@example.com', 'known@example.com'];
    const answers = [];
    for (const email of addresses) answers.push(await post(t, '/api/newsletter/subscriptions', { email }));
    // Handed over (subscribe.ts): written after the answer.
    await acceptedSubscriptionsSettled();
    assert.equal((await subscriber('fresh@example.com'))?.status, 'pending');
    assert.deepEqual(
      answers.map((r) => r.statusCode),
      [202, 202, 202],
    );
    assert.equal(new Set(answers.map((r) => r.body)).size, 1);
    assert.equal(new Set(answers.map(sameHeaders)).size, 1);
    const pages = [];
    for (const email of ['page-fresh@example.com', ...addresses]) {
      pages.push(
        await t.app.inject({
          method: 'POST',
          url: '/newsletter',
          headers: { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-origin' },
          payload: `email=${encodeURIComponent(email)}`,
        }),
      );
    }
    await acceptedSubscriptionsSettled();
    for (const page of pages) {
      assert.equal(page.statusCode, 200, page.body.slice(0, 300));
      assert.match(page.body, /If this address is not subscribed yet, we have sent it an email/);
    }
    assert.equal((await mailsTo(t, 'known@example.com', 'newsletter_confirm')).length, 1, 'confirmed: none');
    assert.equal((await mailsTo(t, 'asked@example.com', 'newsletter_confirm')).length, 1, 'just asked: none');
    assert.equal((await mailsTo(t, 'page-fresh@example.com', 'newsletter_confirm')).length, 1);
  });

  it('PV-USE-1: a pending address gets nothing from a campaign; a confirmed one gets it, with the consent time recorded', async () => {
    await subscribe('waiting@example.com');
    await confirmed('yes@example.com');
    const row = await subscriber('yes@example.com');
    assert.equal(row?.confirmedAt?.toISOString(), clock.now().toISOString());
    assert.ok(row?.requestedAt);
    assert.equal(row?.confirmTokenHash?.length, 64, 'only the SHA-256 of the token is stored');
    const res = await sendCampaign('Opt-in only');
    assert.equal(res.statusCode, 201, res.body);
    const to = (await campaignMails('Opt-in only')).map((m) => m.toAddress);
    assert.ok(to.includes('yes@example.com'));
    assert.ok(!to.includes('waiting@example.com'));
    assert.equal(res.json().campaign.recipientCount, to.length);
  });

  it('PV-USE-1: a confirmation link expires after NEWSLETTER_CONFIRM_HOURS, works once, and an unknown one is refused at `token`', async () => {
    await subscribe('late@example.com');
    const token = await linkToken(t, 'late@example.com', 'newsletter_confirm');
    const start = clock.now();
    clock.advance((t.ctx.config.NEWSLETTER_CONFIRM_HOURS * 3600 + 1) * 1000);
    const late = await post(t, '/api/newsletter/confirmation', { token });
    clock.set(start);
    assert.equal(late.statusCode, 400);
    assert.equal(errorOf(late).field, 'token');
    assert.match(errorOf(late).message, /expired/);
    assert.equal((await subscriber('late@example.com'))?.status, 'pending');

    await subscribe('once@example.com');
    const once = await linkToken(t, 'once@example.com', 'newsletter_confirm');
    assert.equal((await post(t, '/api/newsletter/confirmation', { token: once })).statusCode, 200);
    const again = await post(t, '/api/newsletter/confirmation', { token: once });
    assert.equal(again.statusCode, 400);
    assert.match(errorOf(again).message, /already used/);

    const unknown = await post(t, '/api/newsletter/confirmation', { token: 'x'.repeat(43) });
    assert.equal(unknown.statusCode, 400);
    assert.match(errorOf(unknown).message, /not valid/);
    assert.equal(errorOf(await subscribe('not an address')).field, 'email');
  });

  it('PV-USE-1: opening the confirmation page changes nothing (mail scanners open links); its button confirms', async () => {
    await subscribe('scanned@example.com');
    const token = await linkToken(t, 'scanned@example.com', 'newsletter_confirm');
    const page = await get(t, `/newsletter/confirm?token=${token}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Confirm my subscription/);
    assert.equal((await subscriber('scanned@example.com'))?.status, 'pending');
    const pressed = await t.app.inject({
      method: 'POST',
      url: `/newsletter/confirm?token=${token}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: `token=${token}`,
    });
    assert.ok(pressed.statusCode < 400, pressed.body);
    assert.equal((await subscriber('scanned@example.com'))?.status, 'confirmed');
  });
});

describe('campaigns and the one-click unsubscribe (PV-USE-1)', () => {
  it('PV-USE-1: every campaign email carries List-Unsubscribe, List-Unsubscribe-Post and its own link in both bodies; the dispatcher sends the headers', async () => {
    await confirmed('headers@example.com');
    assert.equal((await sendCampaign('With headers')).statusCode, 201);
    const mails = await campaignMails('With headers');
    assert.ok(mails.length >= 1);
    const links = new Set<string>();
    for (const mail of mails) {
      const url = unsubscribeUrlOf(mail.textBody);
      links.add(url);
      assert.ok(mail.htmlBody.includes(url.replaceAll('&', '&amp;')), 'the HTML body links it too');
      assert.deepEqual(mail.headers, {
        'List-Unsubscribe': `<${url}>`,
        'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      });
    }
    assert.equal(links.size, mails.length, 'each subscriber has a link of their own');
    const sent: Array<Parameters<MailTransport['send']>[0]> = [];
    await deliverPendingMail(t.ctx, { send: async (m) => void sent.push(m) }, 1000);
    const delivered = sent.find((m) => m.to === 'headers@example.com' && m.subject === 'With headers');
    assert.equal(delivered?.headers?.['List-Unsubscribe-Post'], 'List-Unsubscribe=One-Click');
    const order = sent.find((m) => !m.subject.includes('With headers'));
    assert.equal(order?.headers, undefined, 'transactional emails carry no list headers');
  });

  it('PV-USE-1: the one-click POST (no cookies, another origin) unsubscribes, is idempotent, and the next campaign skips them', async () => {
    await confirmed('leaver@example.com');
    await sendCampaign('Before leaving');
    const [mail] = (await campaignMails('Before leaving')).filter(
      (m) => m.toAddress === 'leaver@example.com',
    );
    assert.ok(mail);
    const url = unsubscribeUrlOf(mail.textBody);
    const res = await oneClick(url, { origin: 'https://mail.example.net', 'sec-fetch-site': 'cross-site' });
    assert.equal(res.statusCode, 200, res.body);
    const row = await subscriber('leaver@example.com');
    assert.equal(row?.status, 'unsubscribed');
    assert.ok(row?.unsubscribedAt);
    assert.equal((await oneClick(url)).statusCode, 200, 'idempotent');
    await sendCampaign('After leaving');
    const to = (await campaignMails('After leaving')).map((m) => m.toAddress);
    assert.ok(!to.includes('leaver@example.com'));
    assert.ok(to.includes('headers@example.com'));
  });

  it('PV-USE-1: a forged unsubscribe token is a 400; a cross-site post with cookies is still refused', async () => {
    const forged = await oneClick(
      `http://localhost/newsletter/unsubscribe?token=${'a'.repeat(32)}${'b'.repeat(43)}`,
    );
    assert.equal(forged.statusCode, 400);
    const api = await post(t, '/api/newsletter/unsubscription', { token: 'nope' });
    assert.equal(api.statusCode, 400);
    assert.equal(errorOf(api).field, 'token');
    await confirmed('cookies@example.com');
    await sendCampaign('Cookie test');
    const [mail] = (await campaignMails('Cookie test')).filter((m) => m.toAddress === 'cookies@example.com');
    const withCookie = await oneClick(unsubscribeUrlOf(mail?.textBody ?? ''), {
      origin: 'https://evil.example',
      cookie: 'ac_customer=x',
    });
    assert.equal(withCookie.statusCode, 403);
    assert.equal((await subscriber('cookies@example.com'))?.status, 'confirmed');
  });

  it('PV-USE-1: the unsubscribe page’s GET changes nothing; its button unsubscribes and says so', async () => {
    await confirmed('page@example.com');
    await sendCampaign('Page test');
    const [mail] = (await campaignMails('Page test')).filter((m) => m.toAddress === 'page@example.com');
    const { pathname, search } = new URL(unsubscribeUrlOf(mail?.textBody ?? ''));
    const page = await get(t, `${pathname}${search}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Unsubscribe/);
    assert.equal((await subscriber('page@example.com'))?.status, 'confirmed');
    const pressed = await t.app.inject({
      method: 'POST',
      url: `${pathname}${search}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost:3000' },
      payload: 'intent=unsubscribe',
    });
    assert.equal(pressed.statusCode, 303);
    assert.equal((await subscriber('page@example.com'))?.status, 'unsubscribed');
    const bad = await get(t, '/newsletter/unsubscribe?token=forged');
    assert.equal(bad.statusCode, 400);
  });

  it('PV-USE-1: campaign routes are the owner’s: customer service and technicians 403, anonymous 401; a bad campaign is a 400 naming the field', async () => {
    for (const [cookie, status] of [
      [service, 403],
      [technician, 403],
      ['', 401],
    ] as const) {
      assert.equal((await get(t, '/api/admin/newsletter/campaigns', cookie)).statusCode, status);
      assert.equal((await sendCampaign('Not yours', 'x', cookie)).statusCode, status);
    }
    assert.equal((await get(t, '/api/admin/newsletter/campaigns', owner)).statusCode, 200);
    const empty = await post(t, '/api/admin/newsletter/campaigns', { subject: ' ', text: 'x' }, owner);
    assert.equal(empty.statusCode, 400);
    assert.equal(errorOf(empty).field, 'subject');
  });

  it('PV-USE-2: no route answers with subscribers’ addresses: the overview counts them, the API lists no subscriber route', async () => {
    const overview = await get(t, '/api/admin/newsletter/campaigns', owner);
    const body = overview.json();
    assert.ok(body.confirmedSubscribers >= 3);
    assert.ok(body.campaigns.length >= 3);
    assert.doesNotMatch(overview.body, /@example\.com/);
    assert.equal(overview.headers['cache-control'], 'no-store');
    const docs = (await get(t, '/api/docs/json')).json() as {
      paths: Record<string, Record<string, unknown>>;
    };
    const newsletterGets = Object.entries(docs.paths)
      .filter(([path, methods]) => /newsletter/.test(path) && 'get' in methods)
      .map(([path]) => path)
      .sort();
    assert.deepEqual(newsletterGets, ['/api/account/newsletter', '/api/admin/newsletter/campaigns']);
    assert.ok(!Object.keys(docs.paths).some((p) => /subscriber/.test(p)));
  });
});

describe('the account’s subscription and the customer’s data (PV-USE-1, PV-RGT-1)', () => {
  it('PV-USE-1: a signed-in customer subscribes from their profile, confirmed at once with the time recorded, and unsubscribes', async () => {
    await verifiedAccount(t, 'grace@example.com');
    const grace = await sessionCookie(t, 'grace@example.com');
    assert.equal((await get(t, '/api/account/newsletter')).statusCode, 401);
    assert.deepEqual((await get(t, '/api/account/newsletter', grace)).json(), {
      subscribed: false,
      confirmedAt: null,
    });
    const on = await t.app.inject({
      method: 'PUT',
      url: '/api/account/newsletter',
      headers: { cookie: grace },
      payload: { subscribed: true },
    });
    assert.equal(on.statusCode, 200, on.body);
    assert.equal(on.json().confirmedAt, clock.now().toISOString());
    assert.equal((await subscriber('grace@example.com'))?.status, 'confirmed');
    assert.equal((await mailsTo(t, 'grace@example.com', 'newsletter_confirm')).length, 0);
    const off = await t.app.inject({
      method: 'PUT',
      url: '/api/account/newsletter',
      headers: { cookie: grace },
      payload: { subscribed: false },
    });
    assert.equal(off.json().subscribed, false);
    assert.equal((await subscriber('grace@example.com'))?.status, 'unsubscribed');
  });

  it('PV-USE-1: the profile page’s checkbox subscribes the account (confirmed at once) and unticking it unsubscribes', async () => {
    await verifiedAccount(t, 'mary@example.com');
    const mary = await sessionCookie(t, 'mary@example.com');
    const tick = (payload: string) =>
      t.app.inject({
        method: 'POST',
        url: '/account/profile',
        headers: { cookie: mary, 'content-type': 'application/x-www-form-urlencoded' },
        payload,
      });
    const on = await tick('intent=newsletter&subscribed=1');
    assert.equal(on.statusCode, 303, on.body);
    assert.equal((await subscriber('mary@example.com'))?.status, 'confirmed');
    const page = await get(t, '/account/profile?newsletter-saved=1', mary);
    assert.match(page.body, /You are subscribed to our offers/);
    assert.equal((await tick('intent=newsletter')).statusCode, 303);
    assert.equal((await subscriber('mary@example.com'))?.status, 'unsubscribed');
  });

  it('PV-RGT-1: the data download holds the subscription’s status and consent times; the account’s deletion removes it', async () => {
    await verifiedAccount(t, 'hedy@example.com');
    const hedy = await sessionCookie(t, 'hedy@example.com');
    await t.app.inject({
      method: 'PUT',
      url: '/api/account/newsletter',
      headers: { cookie: hedy },
      payload: { subscribed: true },
    });
    const file = (await get(t, '/api/account/export', hedy)).json() as {
      newsletter: Array<{ status: string; confirmedAt: string | null; requestedAt: string }>;
    };
    assert.equal(file.newsletter.length, 1);
    assert.equal(file.newsletter[0]?.status, 'confirmed');
    assert.ok(file.newsletter[0]?.confirmedAt);
    const deleted = await post(t, '/api/account/deletion', { password: GOOD_PASSWORD }, hedy);
    assert.ok(deleted.statusCode < 300, deleted.body);
    assert.equal(await subscriber('hedy@example.com'), undefined);
  });
});

describe('a changed account address and the subscription (PV-USE-1, PV-USE-2, PV-ACC-4)', () => {
  /** Moves the signed-in account to `to` through the flow customers use: ask, then follow the emailed link. */
  async function changeEmail(cookie: string, to: string): Promise<void> {
    const asked = await post(t, '/api/account/email', { email: to, password: GOOD_PASSWORD }, cookie);
    assert.equal(asked.statusCode, 202, asked.body);
    const token = await linkToken(t, to, 'account_change_email');
    const done = await post(t, '/api/account/email/confirm', { token });
    assert.equal(done.statusCode, 200, done.body);
  }

  function tick(cookie: string, subscribed: boolean) {
    return t.app.inject({
      method: 'PUT',
      url: '/api/account/newsletter',
      headers: { cookie },
      payload: { subscribed },
    });
  }

  it('PV-USE-1: when the account’s address changes, its confirmed subscription moves to the new address with its consent time; campaigns follow', async () => {
    await verifiedAccount(t, 'ida@example.com');
    const ida = await sessionCookie(t, 'ida@example.com');
    assert.equal((await tick(ida, true)).statusCode, 200);
    const before = await subscriber('ida@example.com');
    await changeEmail(ida, 'ida.new@example.com');
    assert.equal(await subscriber('ida@example.com'), undefined, 'nothing left at the old address');
    const moved = await subscriber('ida.new@example.com');
    assert.equal(moved?.id, before?.id, 'the same row: its unsubscribe links keep working');
    assert.equal(moved?.status, 'confirmed');
    assert.equal(moved?.confirmedAt?.toISOString(), before?.confirmedAt?.toISOString());
    assert.equal(moved?.customerId, before?.customerId);
    assert.equal((await get(t, '/api/account/newsletter', ida)).json().subscribed, true);
    assert.equal((await sendCampaign('After moving')).statusCode, 201);
    const to = (await campaignMails('After moving')).map((m) => m.toAddress);
    assert.ok(to.includes('ida.new@example.com'));
    assert.ok(!to.includes('ida@example.com'));
  });

  it('PV-USE-1: a subscription from the public form at the account’s address moves too; one never confirmed does not', async () => {
    await confirmed('public@example.com');
    await verifiedAccount(t, 'public@example.com');
    const cookie = await sessionCookie(t, 'public@example.com');
    await changeEmail(cookie, 'public.new@example.com');
    assert.equal(await subscriber('public@example.com'), undefined);
    assert.equal((await subscriber('public.new@example.com'))?.status, 'confirmed');

    await subscribe('unsure@example.com');
    await verifiedAccount(t, 'unsure@example.com');
    await changeEmail(await sessionCookie(t, 'unsure@example.com'), 'unsure.new@example.com');
    assert.equal((await subscriber('unsure@example.com'))?.status, 'pending', 'no consent to carry');
    assert.equal(await subscriber('unsure.new@example.com'), undefined);
  });

  it('PV-USE-1: a new address with a subscription of its own keeps one row, never a duplicate or a 500: confirmed or just unsubscribed there wins, pending there gives way', async () => {
    // Pending at the new address: the account's confirmed row moves there, the pending one goes.
    await verifiedAccount(t, 'lou@example.com');
    const lou = await sessionCookie(t, 'lou@example.com');
    await tick(lou, true);
    const lous = await subscriber('lou@example.com');
    await subscribe('lou.new@example.com');
    await changeEmail(lou, 'lou.new@example.com');
    const afterLou = await t.ctx.db
      .select()
      .from(newsletterSubscribers)
      .where(eq(newsletterSubscribers.customerId, lous?.customerId ?? ''));
    assert.equal(afterLou.length, 1);
    assert.equal(afterLou[0]?.id, lous?.id);
    assert.equal(afterLou[0]?.email, 'lou.new@example.com');
    assert.equal(afterLou[0]?.status, 'confirmed');

    // Confirmed at the new address as well: that row stays (its own proof of consent), linked to the account.
    await verifiedAccount(t, 'max@example.com');
    const max = await sessionCookie(t, 'max@example.com');
    await tick(max, true);
    await confirmed('max.new@example.com');
    const there = await subscriber('max.new@example.com');
    await changeEmail(max, 'max.new@example.com');
    assert.equal(await subscriber('max@example.com'), undefined);
    const kept = await subscriber('max.new@example.com');
    assert.equal(kept?.id, there?.id);
    assert.equal(kept?.status, 'confirmed');
    assert.ok(kept?.customerId);

    // Unsubscribed at the new address after the account's consent: the later "no" wins, no offers go there.
    const start = clock.now();
    try {
      await verifiedAccount(t, 'noa@example.com');
      const noa = await sessionCookie(t, 'noa@example.com');
      await tick(noa, true);
      clock.advance(60_000);
      await confirmed('noa.new@example.com');
      clock.advance(60_000);
      await sendCampaign('To leave');
      const [mail] = (await campaignMails('To leave')).filter((m) => m.toAddress === 'noa.new@example.com');
      assert.equal((await oneClick(unsubscribeUrlOf(mail?.textBody ?? ''))).statusCode, 200);
      await changeEmail(noa, 'noa.new@example.com');
      assert.equal(await subscriber('noa@example.com'), undefined);
      assert.equal((await subscriber('noa.new@example.com'))?.status, 'unsubscribed');
      assert.equal((await get(t, '/api/account/newsletter', noa)).json().subscribed, false);
    } finally {
      clock.set(start);
    }
  });

  it('PV-ACC-4: deleting the account removes its subscription, also one made through the public form and one moved with a changed address', async () => {
    await confirmed('kim@example.com');
    await verifiedAccount(t, 'kim@example.com');
    const kim = await sessionCookie(t, 'kim@example.com');
    assert.equal((await subscriber('kim@example.com'))?.customerId, null, 'not linked to the account');
    const gone = await post(t, '/api/account/deletion', { password: GOOD_PASSWORD }, kim);
    assert.ok(gone.statusCode < 300, gone.body);
    assert.equal(await subscriber('kim@example.com'), undefined);

    await confirmed('jo@example.com');
    await verifiedAccount(t, 'jo@example.com');
    const jo = await sessionCookie(t, 'jo@example.com');
    await changeEmail(jo, 'jo.new@example.com');
    assert.equal((await subscriber('jo.new@example.com'))?.status, 'confirmed');
    const deleted = await post(t, '/api/account/deletion', { password: GOOD_PASSWORD }, jo);
    assert.ok(deleted.statusCode < 300, deleted.body);
    assert.equal(await subscriber('jo@example.com'), undefined);
    assert.equal(await subscriber('jo.new@example.com'), undefined);
  });
});

describe('newsletter sign-up budget (PV-USE-1)', () => {
  it('PV-USE-1: asking to subscribe is rate-limited per address like the account forms (CUSTOMER_AUTH_PER_MINUTE)', async () => {
    const limited = await startTestApp({ env: { CUSTOMER_AUTH_PER_MINUTE: '2' } });
    try {
      const ask = (email: string) =>
        limited.app.inject({ method: 'POST', url: '/api/newsletter/subscriptions', payload: { email } });
      assert.equal((await ask('one@example.com')).statusCode, 202);
      assert.equal((await ask('two@example.com')).statusCode, 202);
      assert.equal((await ask('three@example.com')).statusCode, 429);
    } finally {
      await limited.close();
    }
  });
});
