/**
 * Email-a-friend (PV-COL-2): a visitor sends one product to a friend. The friend's name and address go into
 * that one outbox row and nowhere else: no table of recipients, no mailing list, no log line; the row itself
 * is deleted once sent (or after EMAIL_A_FRIEND_KEEP_HOURS unsent), see `ephemeralTemplates`.
 */
import { getProduct } from '../../catalog/get-product.ts';
import type { AppContext } from '../../context.ts';
import { getShopSettings } from '../../settings/shop.ts';
import { enqueueMail } from '../outbox.ts';
import { renderEmailAFriend } from '../templates/email-a-friend.ts';
import type { EmailAFriendInput } from './schemas.ts';

/** The product page's address as the email links to it. */
export function productPageUrl(publicUrl: string, slug: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/products/${encodeURIComponent(slug)}`;
}

/**
 * Queues the one email of `input` about the product `slug`. Errors: 404 for a product that does not exist
 * or is not for sale (the same answer as its page).
 */
export async function emailAFriend(
  ctx: Pick<AppContext, 'db' | 'clock' | 'config'>,
  slug: string,
  input: EmailAFriendInput,
): Promise<void> {
  const product = await getProduct(ctx.db, slug);
  const shop = await getShopSettings(ctx.db);
  const rendered = renderEmailAFriend({
    shopName: shop.name,
    senderName: input.senderName,
    friendName: input.friendName,
    productName: product.name,
    productUrl: productPageUrl(ctx.config.PUBLIC_URL, product.slug),
  });
  await enqueueMail(
    ctx.db,
    { template: 'email_a_friend', fromName: shop.name, to: input.friendEmail, ...rendered },
    ctx.clock.now(),
  );
}
