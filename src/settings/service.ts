import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { appSettings } from './schema.ts';

/**
 * The signing secret: APP_SECRET when configured, otherwise one generated on first start and stored in the
 * database, so that every process behind a load balancer signs and checks links alike.
 */
export async function loadAppSecret(db: Db, configured: string | undefined): Promise<string> {
  if (configured) return configured;
  await db
    .insert(appSettings)
    .values({ key: 'app_secret', value: randomBytes(48).toString('base64url') })
    .onConflictDoNothing();
  const [row] = await db.select().from(appSettings).where(eq(appSettings.key, 'app_secret'));
  return row?.value as string;
}
