/** The account's sessions as the customer sees and ends them (issue 12 point 4). */
import { and, desc, eq, gt, isNull } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import { NotFound } from '../../shared/errors.ts';
import { type CustomerPrincipal, type RequestMeta, recordSecurityEvent } from './account-records.ts';
import { deviceLabel, ipRange } from './device.rules.ts';
import { customerSessions } from './schema.ts';

export interface SessionView {
  id: string;
  /** The session of the request asking. */
  current: boolean;
  createdAt: Date;
  lastSeenAt: Date;
  /** "Firefox on Windows" */
  device: string;
  /** The network it was opened from ("203.0.113.0/24"), never the whole address; null when unknown. */
  ipRange: string | null;
}

/**
 * The customer's active sessions (not ended, not past CUSTOMER_SESSION_DAYS or idle for
 * CUSTOMER_SESSION_IDLE_DAYS), the last used first.
 */
export async function listSessions(
  ctx: Pick<AppContext, 'db' | 'clock' | 'config'>,
  principal: CustomerPrincipal,
): Promise<SessionView[]> {
  const now = ctx.clock.now();
  const idleSince = new Date(now.getTime() - ctx.config.CUSTOMER_SESSION_IDLE_DAYS * 86_400_000);
  const rows = await ctx.db
    .select()
    .from(customerSessions)
    .where(
      and(
        eq(customerSessions.customerId, principal.id),
        isNull(customerSessions.revokedAt),
        gt(customerSessions.expiresAt, now),
        gt(customerSessions.lastSeenAt, idleSince),
      ),
    )
    .orderBy(desc(customerSessions.lastSeenAt), desc(customerSessions.id));
  return rows.map((row) => ({
    id: row.id,
    current: row.id === principal.sessionId,
    createdAt: row.createdAt,
    lastSeenAt: row.lastSeenAt,
    device: deviceLabel(row.userAgent),
    ipRange: ipRange(row.ip),
  }));
}

/**
 * Ends one of the customer's own sessions (the current one signs them out). Another customer's session, an
 * unknown id or one already ended is a 404: nobody learns which session ids exist. Ending a session writes a
 * `session_ended` security event. Returns whether it was the current session.
 */
export async function endSession(
  ctx: Pick<AppContext, 'db' | 'clock'>,
  principal: CustomerPrincipal,
  sessionId: string,
  meta: RequestMeta,
): Promise<{ current: boolean }> {
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const ended = await tx
      .update(customerSessions)
      .set({ revokedAt: now })
      .where(
        and(
          eq(customerSessions.id, sessionId),
          eq(customerSessions.customerId, principal.id),
          isNull(customerSessions.revokedAt),
        ),
      )
      .returning({ id: customerSessions.id });
    if (ended.length === 0) throw new NotFound('Session');
    await recordSecurityEvent(tx, now, {
      reason: 'session_ended',
      customerId: principal.id,
      email: principal.email,
      meta,
    });
    return { current: sessionId === principal.sessionId };
  });
}
