import { and, desc, eq, isNotNull, isNull, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { recordStaffAccess } from '../../privacy/staff-access/record-access.ts';
import { emailDomain, maskIp } from '../../privacy/staff-access/visibility.rules.ts';
import type { StaffWho } from '../../privacy/staff-access/visibility.ts';
import { decodeCursor, encodeCursor, timestampKey } from '../../shared/cursor.ts';
import { NotFound } from '../../shared/errors.ts';
import { deviceLabel } from '../customers/device.rules.ts';
import { staffUsers } from '../schema.ts';
import { securityEvents } from '../security-events.schema.ts';
import type { SecurityEventView, securityEventListQuery } from './schemas.ts';

type ListQuery = z.output<typeof securityEventListQuery>;

const reviewer = alias(staffUsers, 'reviewer');
const actor = alias(staffUsers, 'actor');

function eventRows(db: Db) {
  return db
    .select({
      e: securityEvents,
      // Microseconds as PostgreSQL keeps them, so a cursor skips and repeats nothing.
      atKey: sql<string>`to_char(${securityEvents.at} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
      reviewerName: reviewer.name,
      actorName: actor.name,
    })
    .from(securityEvents)
    .leftJoin(reviewer, eq(reviewer.id, securityEvents.reviewedBy))
    .leftJoin(actor, eq(actor.id, securityEvents.byStaffId));
}

function viewOf(row: {
  e: typeof securityEvents.$inferSelect;
  reviewerName: string | null;
  actorName: string | null;
}): SecurityEventView {
  const { e } = row;
  return {
    id: e.id,
    at: e.at.toISOString(),
    subjectType: e.subjectType,
    email: e.email,
    ip: e.ip,
    userAgent: e.userAgent,
    reason: e.reason,
    by: e.byStaffId && row.actorName ? { id: e.byStaffId, name: row.actorName } : null,
    reviewedAt: e.reviewedAt?.toISOString() ?? null,
    reviewedBy: e.reviewedBy && row.reviewerName ? { id: e.reviewedBy, name: row.reviewerName } : null,
  };
}

/**
 * PV-STF-1: events name accounts' emails and the addresses they came from. The owner reads them in full (each
 * event shown with an email or an address is one audit row); the other members who follow events up see the
 * email's domain, the address's network and the user agent's browser and system ("Chrome on Android"): enough
 * to tell a pattern from a one-off, while the full user agent (versions, device model, extensions) would single
 * a person's device out.
 */
export async function shownEvents(
  ctx: Pick<AppContext, 'db' | 'clock'>,
  staff: StaffWho,
  events: SecurityEventView[],
): Promise<SecurityEventView[]> {
  if (staff.role !== 'owner') {
    return events.map((e) => ({
      ...e,
      email: e.email === null ? null : emailDomain(e.email),
      ip: maskIp(e.ip),
      userAgent: e.userAgent === '' ? '' : deviceLabel(e.userAgent),
    }));
  }
  await recordStaffAccess(
    ctx.db,
    staff,
    ctx.clock.now(),
    events.map((e) => ({
      outcome: 'read' as const,
      recordType: 'security_event' as const,
      recordId: e.id,
      customerId: null,
      fields: e.email === null ? ['ip', 'user_agent'] : ['email', 'ip', 'user_agent'],
    })),
  );
  return events;
}

/**
 * Security events newest first in cursor pages (keyset on `at, id`), filtered by reviewed or not and by reason.
 * A cursor of another list is a 400 on `cursor`.
 */
export async function listSecurityEvents(
  ctx: Pick<AppContext, 'db' | 'clock'>,
  query: ListQuery,
  staff: StaffWho,
): Promise<{ items: SecurityEventView[]; nextCursor: string | null }> {
  const where: SQL[] = [];
  if (query.reviewed === 'true') where.push(isNotNull(securityEvents.reviewedAt));
  if (query.reviewed === 'false') where.push(isNull(securityEvents.reviewedAt));
  if (query.reason) where.push(eq(securityEvents.reason, query.reason));
  if (query.cursor) {
    const c = decodeCursor(query.cursor, 'newest', timestampKey);
    where.push(sql`(${securityEvents.at}, ${securityEvents.id}) < (${c.key}::timestamptz, ${c.id}::uuid)`);
  }
  const rows = await eventRows(ctx.db)
    .where(and(...where))
    .orderBy(desc(securityEvents.at), desc(securityEvents.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  const items = page.map(viewOf);
  const shown = await shownEvents(ctx, staff, items);
  return {
    items: shown,
    nextCursor: rows.length > query.limit && last ? encodeCursor('newest', last.atKey, last.e.id) : null,
  };
}

/** How many events wait for review: the count beside the back office's "Security" link. */
export async function unreviewedSecurityEventCount(db: Db): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(securityEvents)
    .where(isNull(securityEvents.reviewedAt));
  return row?.n ?? 0;
}

/**
 * Marks an event reviewed by `staffId` now (PV-ACC-2: staff follow security events up). Reviewing one already
 * reviewed keeps the first reviewer and time. 404 for an unknown id.
 */
export async function reviewSecurityEvent(
  ctx: Pick<AppContext, 'db' | 'clock'>,
  id: string,
  staffId: string,
): Promise<SecurityEventView> {
  await ctx.db
    .update(securityEvents)
    .set({ reviewedAt: ctx.clock.now(), reviewedBy: staffId })
    .where(and(eq(securityEvents.id, id), isNull(securityEvents.reviewedAt)));
  const [row] = await eventRows(ctx.db).where(eq(securityEvents.id, id));
  if (!row) throw new NotFound('Security event');
  return viewOf(row);
}
