import { evidenceServices } from '../aftersales/evidence/evidence-context.ts';
import { afterSalesCases } from '../aftersales/schema.ts';
import type { AppContext } from '../context.ts';
import type { Database } from '../db/client.ts';
import type { Clock } from '../shared/clock.ts';
import { isShopEmpty, seedDemoShop } from './index.ts';
import { resetShop } from './reset.ts';

/**
 * What `npm run seed` does, on an open and migrated database: seed when the shop is empty, or with `reset`
 * empty the shop first; one transaction either way. Returns the line to print.
 */
export async function runSeed(
  database: Pick<Database, 'db'>,
  clock: Clock,
  options: { reset: boolean; where: string; cases?: Pick<AppContext, 'config' | 'secret'> },
): Promise<string> {
  // A reset shop keeps no customer's photos: the evidence of the cases it empties goes once it has committed.
  const resetCases = options.reset
    ? await database.db.select({ id: afterSalesCases.id }).from(afterSalesCases)
    : [];
  const seeded = await database.db.transaction(async (tx) => {
    if (options.reset) await resetShop(tx);
    else if (!(await isShopEmpty(tx))) return null;
    return seedDemoShop(tx, clock, options.cases);
  });
  if (options.cases && resetCases.length > 0) {
    const { storage } = evidenceServices(options.cases.config);
    for (const c of resetCases) await storage.deleteUnder(`evidence/${c.id}`);
  }
  if (!seeded) {
    return `The shop in ${options.where} already has products: nothing seeded (use --reset to start over).`;
  }
  const verb = options.reset ? 'Reset and seeded' : 'Seeded';
  return `${verb} the demo shop in ${options.where}: ${seeded.products} products, ${seeded.orders} orders, ${seeded.cases} after-sales cases.`;
}
