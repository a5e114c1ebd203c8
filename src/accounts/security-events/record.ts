import type { Db } from '../../db/client.ts';
import { uuidv7 } from '../../shared/ids.ts';
import { type SecurityReason, securityEvents } from '../security-events.schema.ts';

/** Where a request came from, as a security event records it. */
export interface RequestMeta {
  ip: string;
  userAgent: string;
}

/**
 * Writes one security event of a staff account (PV-ACC-2: account, IP, user agent, time, reason), for the back
 * office's list. `db` may be a transaction, so the event commits with the change it describes.
 */
export async function recordStaffEvent(
  db: Db,
  event: {
    /** The member the event is about; null when the attempt named no member (an unknown email, a forged link). */
    staffId: string | null;
    email: string | null;
    reason: SecurityReason;
    at: Date;
    /** Who made the change, when another member did (the owner who deactivated `staffId`). */
    byStaffId?: string;
  },
  meta: RequestMeta,
): Promise<void> {
  await db.insert(securityEvents).values({
    id: uuidv7(event.at.getTime()),
    at: event.at,
    subjectType: 'staff',
    staffId: event.staffId,
    email: event.email,
    // Bounded: a user agent is whatever the client sends.
    ip: meta.ip.slice(0, 64),
    userAgent: meta.userAgent.slice(0, 512),
    reason: event.reason,
    byStaffId: event.byStaffId ?? null,
  });
}
