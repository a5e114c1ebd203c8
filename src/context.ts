import type { Config } from './config.ts';
import type { Database, Db } from './db/client.ts';
import type { Clock } from './shared/clock.ts';

/** What every feature's routes and services get: plain values, no container. */
export interface AppContext {
  config: Config;
  database: Database;
  db: Db;
  clock: Clock;
  /** Signs order links; shared by every process (see settings/service.ts). */
  secret: string;
}
