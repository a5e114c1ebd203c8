/**
 * Sending a newsletter campaign (PV-USE-1): one email per CONFIRMED subscriber, queued in the outbox in the
 * same transaction as the campaign's row, each with its own one-click unsubscribe link in the body and in the
 * List-Unsubscribe headers. Pending and unsubscribed addresses get nothing. The owner's only.
 */
import { asc, eq } from 'drizzle-orm';
import type { StaffPrincipal } from '../../accounts/staff.service.ts';
import type { AppContext } from '../../context.ts';
import { getShopSettings } from '../../settings/shop.ts';
import { uuidv7 } from '../../shared/ids.ts';
import { outboxRow } from '../outbox.ts';
import { mailOutbox } from '../schema.ts';
import { renderCampaign } from '../templates/newsletter.ts';
import { listUnsubscribeHeaders, unsubscribeToken, unsubscribeUrl } from './newsletter.rules.ts';
import { newsletterCampaigns, newsletterSubscribers } from './schema.ts';

export interface CampaignInput {
  subject: string;
  text: string;
}

export interface CampaignView {
  id: string;
  subject: string;
  body: string;
  /** The sender's name, null if their staff row is gone. */
  sentBy: string | null;
  sentAt: string;
  recipientCount: number;
}

/** Outbox rows per INSERT: far below PostgreSQL's 65,535 parameters whatever the list's size. */
const BATCH = 500;

/**
 * Queues the campaign to every confirmed subscriber and records it; answers the campaign with its recipient
 * count (0 when nobody is subscribed: the campaign is still recorded as sent to nobody).
 */
export async function sendCampaign(
  ctx: Pick<AppContext, 'db' | 'clock' | 'config' | 'secret'>,
  staff: Pick<StaffPrincipal, 'id' | 'name'>,
  input: CampaignInput,
): Promise<CampaignView> {
  const now = ctx.clock.now();
  const id = uuidv7(now.getTime());
  const count = await ctx.db.transaction(async (tx) => {
    const shop = await getShopSettings(tx);
    const recipients = await tx
      .select({ id: newsletterSubscribers.id, email: newsletterSubscribers.email })
      .from(newsletterSubscribers)
      .where(eq(newsletterSubscribers.status, 'confirmed'))
      .orderBy(asc(newsletterSubscribers.id));
    const rows = recipients.map((r) => {
      const url = unsubscribeUrl(ctx.config.PUBLIC_URL, unsubscribeToken(ctx.secret, r.id));
      const rendered = renderCampaign({
        shopName: shop.name,
        subject: input.subject,
        text: input.text,
        unsubscribeUrl: url,
      });
      return outboxRow(
        {
          template: 'newsletter_campaign',
          fromName: shop.name,
          to: r.email,
          ...rendered,
          headers: listUnsubscribeHeaders(url),
        },
        now,
      );
    });
    for (let i = 0; i < rows.length; i += BATCH) await tx.insert(mailOutbox).values(rows.slice(i, i + BATCH));
    await tx.insert(newsletterCampaigns).values({
      id,
      subject: input.subject,
      body: input.text,
      sentBy: staff.id,
      sentAt: now,
      recipientCount: rows.length,
    });
    return rows.length;
  });
  return {
    id,
    subject: input.subject,
    body: input.text,
    sentBy: staff.name,
    sentAt: now.toISOString(),
    recipientCount: count,
  };
}
