/**
 * Issue 10 point 6 and issue 11 point 1: the after-sales settings are versioned. Every version is kept as
 * saved, with who saved it and why; the current one is the highest. Version 1, the catalogue's defaults, is
 * written on first use by whichever process asks first (`on conflict do nothing`: two processes starting
 * together write it once). Rolling back is saving an old version's settings as a new version.
 */
import { count, desc, eq, notInArray, sql } from 'drizzle-orm';
import { staffUsers } from '../accounts/schema.ts';
import type { Db } from '../db/client.ts';
import { AppError, Conflict } from '../shared/errors.ts';
import {
  defaultPolicySettings,
  type PolicySettings,
  parsePolicyReason,
  parsePolicySettings,
} from './policy.settings.ts';
import { describePolicyChange, type PolicyChange } from './policy-fields.ts';
import { afterSalesCases, FINISHED_CASE_STATES, policyVersions } from './schema.ts';

export interface PolicyVersion {
  version: number;
  settings: PolicySettings;
  createdAt: Date;
  createdBy: string | null;
  reason: string | null;
}

/** A version as the back office lists it: who saved it by name, and how many open cases it still judges. */
export interface PolicyVersionSummary extends PolicyVersion {
  createdByName: string | null;
  openCases: number;
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

/**
 * A version asked for by number (the storefront's `?version=N`, the back office): a missing one is a 404
 * naming `field` (`version`, `from`, `to`).
 */
export async function findPolicyVersion(db: Db, version: number, field = 'version'): Promise<PolicyVersion> {
  if (version === 1) return policyVersionOf(db, 1);
  const [row] = await db.select().from(policyVersions).where(eq(policyVersions.version, version));
  if (!row) throw new AppError('not_found', `Policy version ${version} does not exist`, { field });
  return row;
}

/** Every version, newest first, with the saver's name and the number of open cases each still judges. */
export async function listPolicyVersions(db: Db): Promise<PolicyVersionSummary[]> {
  await ensureFirstVersion(db);
  const rows = await db
    .select({
      version: policyVersions.version,
      settings: policyVersions.settings,
      createdAt: policyVersions.createdAt,
      createdBy: policyVersions.createdBy,
      reason: policyVersions.reason,
      createdByName: staffUsers.name,
    })
    .from(policyVersions)
    .leftJoin(staffUsers, eq(staffUsers.id, policyVersions.createdBy))
    .orderBy(desc(policyVersions.version));
  const open = await openCasesByVersion(db);
  return rows.map((r) => ({ ...r, openCases: open.get(r.version) ?? 0 }));
}

/** Open cases (every state but the finished ones) per policy version. */
async function openCasesByVersion(db: Db): Promise<Map<number, number>> {
  const rows = await db
    .select({ version: afterSalesCases.policyVersion, n: count() })
    .from(afterSalesCases)
    .where(notInArray(afterSalesCases.state, [...FINISHED_CASE_STATES]))
    .groupBy(afterSalesCases.policyVersion);
  return new Map(rows.map((r) => [r.version, Number(r.n)]));
}

export interface PolicyPreview {
  /** The live version the new settings are compared with. */
  current: number;
  changes: PolicyChange[];
  /** Open cases (every state but declined, withdrawn, closed): each keeps the version it was judged by. */
  openCasesKeepingTheirVersion: number;
}

/**
 * What saving `raw` would change, before it is saved: the differences in words against the live version and
 * how many open cases keep their own version. Settings are checked as `createPolicyVersion` checks them.
 */
export async function previewPolicyVersion(db: Db, raw: unknown): Promise<PolicyPreview> {
  const settings = parsePolicySettings(raw);
  const live = await currentPolicyVersion(db);
  const open = await openCasesByVersion(db);
  return {
    current: live.version,
    changes: describePolicyChange(live.settings, settings),
    openCasesKeepingTheirVersion: [...open.values()].reduce((a, b) => a + b, 0),
  };
}

/** The differences between two versions, in words (`from` read first); a missing one is a 404 naming it. */
export async function comparePolicyVersions(
  db: Db,
  from: number,
  to: number,
): Promise<{ from: PolicyVersion; to: PolicyVersion; changes: PolicyChange[] }> {
  const a = await findPolicyVersion(db, from, 'from');
  const b = await findPolicyVersion(db, to, 'to');
  return { from: a, to: b, changes: describePolicyChange(a.settings, b.settings) };
}

function isVersionTaken(error: unknown): boolean {
  for (let e: unknown = error; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: unknown }).code === '23505') return true;
  }
  return false;
}

/**
 * Saves `raw` (a full set of settings, checked field by field: a 400 names `settings.<field>`) as the next
 * version, with the owner's `reason` (trimmed, 5 to 500 characters: a 400 names `reason`). Nothing is written
 * when either is refused. Two owners saving at once both get a version of their own: the loser retries.
 */
export async function createPolicyVersion(
  db: Db,
  raw: unknown,
  rawReason: unknown,
  createdBy: string,
  now: Date,
): Promise<PolicyVersion> {
  const settings = parsePolicySettings(raw);
  const reason = parsePolicyReason(rawReason);
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
          reason,
        })
        .returning();
      if (row) return row;
    } catch (error) {
      if (!isVersionTaken(error)) throw error;
    }
  }
  throw new Conflict('Another version of the policy is being saved; try again', { field: 'settings' });
}
