/**
 * What the account itself holds about a customer (PV-RGT-1 export, PV-ACC-4 deletion): the profile, the
 * sessions (sign-in history) and the security events about the account.
 */
import { asc, eq, or } from 'drizzle-orm';
import { type CustomerDataEntry, iso } from '../../privacy/data-subject.ts';
import { ownedRows } from '../../privacy/owned-rows.ts';
import { securityEvents } from '../security-events.schema.ts';
import { deviceLabel } from './device.rules.ts';
import { accountTokens, customerSessions, customers } from './schema.ts';

export const profileData: CustomerDataEntry = {
  key: 'profile',
  async export(db, subject) {
    const [row] = await db.select().from(customers).where(eq(customers.id, subject.customerId));
    if (!row) return null;
    return {
      email: row.email,
      name: row.name,
      phone: row.phone,
      emailVerifiedAt: iso(row.emailVerifiedAt),
      createdAt: iso(row.createdAt),
      lastActiveAt: iso(row.lastActiveAt),
      passwordChangedAt: iso(row.passwordChangedAt),
    };
  },
  /** The account row goes; its emailed links go with it (and its sessions, see `signInData`). */
  async erase(tx, subject) {
    const links = await tx
      .delete(accountTokens)
      .where(eq(accountTokens.customerId, subject.customerId))
      .returning({ id: accountTokens.id });
    const rows = await tx
      .delete(customers)
      .where(eq(customers.id, subject.customerId))
      .returning({ id: customers.id });
    return links.length + rows.length;
  },
};

export const signInData = ownedRows('sessions', customerSessions, customerSessions.customerId, (s) => ({
  signedInAt: iso(s.createdAt),
  lastSeenAt: iso(s.lastSeenAt),
  expiresAt: iso(s.expiresAt),
  endedAt: iso(s.revokedAt),
  ip: s.ip,
  userAgent: s.userAgent,
  device: deviceLabel(s.userAgent),
}));

/** Events about the account, or about its address before the account existed or after a lookup by email. */
function aboutSubject(subject: { customerId: string; email: string }) {
  return or(eq(securityEvents.customerId, subject.customerId), eq(securityEvents.email, subject.email));
}

export const securityEventData: CustomerDataEntry = {
  key: 'securityEvents',
  async export(db, subject) {
    const rows = await db
      .select()
      .from(securityEvents)
      .where(aboutSubject(subject))
      .orderBy(asc(securityEvents.at));
    return rows.map((e) => ({ at: iso(e.at), reason: e.reason, ip: e.ip, userAgent: e.userAgent }));
  },
  /** Each event names the person (email, IP): they go with the account. */
  async erase(tx, subject) {
    const rows = await tx
      .delete(securityEvents)
      .where(aboutSubject(subject))
      .returning({ id: securityEvents.id });
    return rows.length;
  },
};
