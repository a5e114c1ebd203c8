/** The back office's client for the newsletter (src/messaging/newsletter/routes.ts): owner only. */
import type { Campaign, NewsletterOverviewBody } from '../../../src/messaging/newsletter/schemas.ts';
import { request } from './admin-api.ts';

export type { Campaign, NewsletterOverviewBody };

export const newsletterKeys = { overview: ['newsletter', 'overview'] as const };

export function getNewsletterOverview(): Promise<NewsletterOverviewBody> {
  return request<NewsletterOverviewBody>('GET', '/api/admin/newsletter/campaigns');
}

export async function sendCampaign(subject: string, text: string): Promise<Campaign> {
  return (await request<{ campaign: Campaign }>('POST', '/api/admin/newsletter/campaigns', { subject, text }))
    .campaign;
}
