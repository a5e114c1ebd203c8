/**
 * The back office's newsletter overview: past campaigns and how many confirmed subscribers the next one
 * would reach. A count only: no route or page lists or exports subscribers' addresses (PV-USE-2).
 */
import { count, desc, eq } from 'drizzle-orm';
import { staffUsers } from '../../accounts/schema.ts';
import type { Db } from '../../db/client.ts';
import { newsletterCampaigns, newsletterSubscribers } from './schema.ts';
import type { CampaignView } from './send-campaign.ts';

export interface NewsletterOverview {
  confirmedSubscribers: number;
  campaigns: CampaignView[];
}

/** `{ confirmedSubscribers, campaigns }`, the newest campaign first (at most `limit`). */
export async function newsletterOverview(db: Db, limit = 100): Promise<NewsletterOverview> {
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
    campaigns: rows.map((r) => ({ ...r, sentBy: r.sentBy ?? null, sentAt: r.sentAt.toISOString() })),
  };
}
