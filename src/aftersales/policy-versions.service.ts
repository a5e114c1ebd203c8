/**
 * Issue 10 point 6: the after-sales settings are versioned. Every version is kept as saved; the current one is
 * the highest. Version 1, the catalogue's defaults, is written on first use by whichever process asks first
 * (`on conflict do nothing`: two processes starting together write it once).
 */
import { desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { Conflict } from '../shared/errors.ts';
import { defaultPolicySettings, type PolicySettings, parsePolicySettings } from './policy.settings.ts';
import { policyVersions } from './schema.ts';

export interface PolicyVersion {
  version: number;
  settings: PolicySettings;
  createdAt: Date;
  createdBy: string | null;
}

async function ensureFirstVersion(db: Db): Promise<void> {
  await db
    .insert(policyVersions)
    .values({ version: 1, settings: { ...defaultPolicySettings }, createdBy: null })
    .onConflictDoNothing({ target: policyVersions.version });
}

/** The version new claims are judged by: the highest. */
export async function currentPolicyVersion(db: Db): Promise<PolicyVersion> {
  for (let attempt = 0; attempt < 2; attempt++) {
    const [row] = await db.select().from(policyVersions).orderBy(desc(policyVersions.version)).limit(1);
    if (row) return row;
    await ensureFirstVersion(db);
  }
  throw new Error('policy version 1 could not be written');
}

/**
 * The version a case was judged by (its settings are frozen: a later version never rewrites an open case's
 * decisions). Version 1 is written on first use; any other missing version is a broken reference (500).
 */
export async function policyVersionOf(db: Db, version: number): Promise<PolicyVersion> {
  for (let attempt = 0; attempt < 2; attempt++) {
    const [row] = await db.select().from(policyVersions).where(eq(policyVersions.version, version));
    if (row) return row;
    if (version !== 1) break;
    await ensureFirstVersion(db);
  }
  throw new Error(`policy version ${version} is missing`);
}

/** Versions never change once saved: each process keeps the ones it has read, per database. */
const versionsByDb = new WeakMap<Db, Map<number, PolicyVersion>>();

/**
 * `policyVersionOf`, remembered: each version of the database `db` (not a transaction: the cache is kept
 * per `Db`) is read once per process. A version's settings are frozen once saved, so the copy never goes
 * stale. Errors as `policyVersionOf`.
 */
export async function cachedPolicyVersion(db: Db, version: number): Promise<PolicyVersion> {
  let versions = versionsByDb.get(db);
  if (!versions) {
    versions = new Map();
    versionsByDb.set(db, versions);
  }
  const known = versions.get(version);
  if (known) return known;
  const read = await policyVersionOf(db, version);
  versions.set(version, read);
  return read;
}

/** Every version, newest first. */
export async function listPolicyVersions(db: Db): Promise<PolicyVersion[]> {
  await ensureFirstVersion(db);
  return db.select().from(policyVersions).orderBy(desc(policyVersions.version));
}

function isVersionTaken(error: unknown): boolean {
  for (let e: unknown = error; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: unknown }).code === '23505') return true;
  }
  return false;
}

/**
 * Saves `raw` (a full set of settings, checked field by field: a 400 names `settings.<field>`) as the next
 * version. Two owners saving at once both get a version of their own: the loser of the race retries.
 */
export async function createPolicyVersion(
  db: Db,
  raw: unknown,
  createdBy: string,
  now: Date,
): Promise<PolicyVersion> {
  const settings = parsePolicySettings(raw);
  await ensureFirstVersion(db);
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      const [row] = await db
        .insert(policyVersions)
        .values({
          version: sql`(select coalesce(max(${policyVersions.version}), 0) + 1 from ${policyVersions})`,
          settings,
          createdAt: now,
          createdBy,
        })
        .returning();
      if (row) return row;
    } catch (error) {
      if (!isVersionTaken(error)) throw error;
    }
  }
  throw new Conflict('Another version of the policy is being saved; try again', { field: 'settings' });
}
