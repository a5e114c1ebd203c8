import { jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Shop-wide settings as named JSON values: the shop's name and colours, the policy numbers (later), and the
 * signing secret generated on first start so that every process of the shop shares it.
 */
export const appSettings = pgTable('app_settings', {
  key: text().primaryKey(),
  value: jsonb().notNull(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
