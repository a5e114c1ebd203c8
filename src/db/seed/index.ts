import type { Clock } from '../../shared/clock.ts';
import type { Db } from '../client.ts';

/** True when the shop has no products yet (first start). */
export async function isShopEmpty(_db: Db): Promise<boolean> {
  return false;
}

export async function seedDemoShop(_db: Db, _clock: Clock): Promise<{ products: number; orders: number }> {
  return { products: 0, orders: 0 };
}
