/**
 * The back office's newsletter overview: past campaigns and how many confirmed subscribers the next one
 * would reach. A count only: no route or page lists or exports subscribers' addresses (PV-USE-2).
 */
import { count, desc, eq } from 'drizzle-orm';
import { staffUsers } from '../../accounts/schema.ts';
import type { AppContext } from '../../context.ts';
import { getShopSettings } from '../../settings/shop.ts';
import { campaignFooterText } from '../templates/newsletter.ts';
import { unsubscribeUrl } from './newsletter.rules.ts';
import { newsletterCampaigns, newsletterSubscribers } from './schema.ts';
import type { CampaignView } from './send-campaign.ts';

export interface NewsletterOverview {
  confirmedSubscribers: number;
  /** The footer every copy ends with, its link shown with … for each subscriber's own token. */
  footerPreview: string[];
  campaigns: CampaignView[];
}

/** `{ confirmedSubscribers, footerPreview, campaigns }`, the newest campaign first (at most `limit`). */
export async function newsletterOverview(
  ctx: Pick<AppContext, 'db' | 'config'>,
  limit = 100,
): Promise<NewsletterOverview> {
  const { db } = ctx;
  const shop = await getShopSettings(db);
  const [counted] = await db
    .select({ n: count() })
    .from(newsletterSubscribers)
    .where(eq(newsletterSubscribers.status, 'confirmed'));
  const rows = await db
    .select({
      id: newsletterCampaigns.id,
      subject: newsletterCampaigns.subject,
      body: newsletterCampaigns.body,
      sentBy: staffUsers.name,
      sentAt: newsletterCampaigns.sentAt,
      recipientCount: newsletterCampaigns.recipientCount,
    })
    .from(newsletterCampaigns)
    .leftJoin(staffUsers, eq(staffUsers.id, newsletterCampaigns.sentBy))
    .orderBy(desc(newsletterCampaigns.sentAt), desc(newsletterCampaigns.id))
    .limit(limit);
  return {
    confirmedSubscribers: counted?.n ?? 0,
    footerPreview: campaignFooterText(
      shop.name,
      unsubscribeUrl(ctx.config.PUBLIC_URL, 'TOKEN').replace('TOKEN', '…'),
    ),
    campaigns: rows.map((r) => ({ ...r, sentBy: r.sentBy ?? null, sentAt: r.sentAt.toISOString() })),
  };
}
