/**
 * The authorization matrix's people and records (PV-STF-1, PV-STF-2), made fresh for each app (each database):
 * two customers, customer service with the fixture case assigned and without, a technician with and without
 * maintenance access, the owner and a member who was deactivated after signing in (their old cookie kept); a
 * delivered order with a case (evidence sent, assigned to "assigned CS") and a customer's question on it.
 */
import assert from 'node:assert/strict';
import { desc, eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { staffUsers } from '../../../src/accounts/schema.ts';
import { securityEvents } from '../../../src/accounts/security-events.schema.ts';
import { products } from '../../../src/catalog/schema.ts';
import { mailOutbox } from '../../../src/messaging/schema.ts';
import { maintenanceGrants } from '../../../src/privacy/staff-access/schema.ts';
import { routeTable } from '../../../src/server.ts';
import { uuidv7 } from '../../../src/shared/ids.ts';
import { sessionCookie, verifiedAccount } from '../../helpers/accounts-fixtures.ts';
import { json, signedInMember, type TestApp } from '../../helpers/app.ts';
import { deliveredOrder, openCase, staffRequest } from '../../helpers/cases-fixtures.ts';
import { sendMissingEvidence } from '../../helpers/evidence-fixtures.ts';
import { createProduct } from '../../helpers/orders-fixtures.ts';
import { customerAddress, type Fixtures, type Principal } from './matrix.ts';

export interface MatrixWorld {
  /** The Cookie header of each principal ('' for anonymous). */
  cookies: Record<Principal, string>;
  fixtures: Fixtures;
}

function ok(res: LightMyRequestResponse, what: string, status = 200): void {
  assert.equal(res.statusCode, status, `${what}: ${res.body}`);
}

export async function matrixWorld(t: TestApp): Promise<MatrixWorld> {
  const owner = await t.staffCookie();
  const assignedCS = await signedInMember(
    t,
    'assigned-cs@aftercare.test',
    'Ada Assigned',
    'customer_service',
  );
  const unassignedCS = await signedInMember(t, 'other-cs@aftercare.test', 'Otto Other', 'customer_service');
  const technician = await signedInMember(t, 'tech@aftercare.test', 'Tess Tech', 'technician');
  const maintenanceTech = await signedInMember(t, 'maint@aftercare.test', 'Max Maint', 'technician');
  const leaver = await signedInMember(t, 'leaver@aftercare.test', 'Lee Leaver', 'customer_service');
  const throwAway = await signedInMember(t, 'throwaway@aftercare.test', 'Theo Throwaway', 'customer_service');

  // PV-STF-1: maintenance access to every customer, as the owner's grant gives it.
  const now = t.ctx.clock.now();
  await t.ctx.db.insert(maintenanceGrants).values({
    id: uuidv7(now.getTime()),
    staffId: maintenanceTech.id,
    grantedBy: (await ownerId(t)) as string,
    reason: 'Integrity check of the order tables (authorization matrix)',
    scope: 'all',
    createdAt: now,
    expiresAt: new Date(now.getTime() + 24 * 3600_000),
  });

  // PV-STF-2: the leaver signed in, then the owner deactivated them; their old cookie is what the matrix sends.
  ok(await staffRequest(t, owner, 'POST', `/api/admin/staff/${leaver.id}/deactivation`), 'deactivation', 200);

  await verifiedAccount(t, 'customer-a@example.com', undefined, 'Carla Customer');
  await verifiedAccount(t, 'customer-b@example.com', undefined, 'Bruno Other');
  const customerA = await sessionCookie(t, 'customer-a@example.com');
  const customerB = await sessionCookie(t, 'customer-b@example.com');
  // A second session of A's, the one DELETE /api/account/sessions/:id may end.
  const second = await sessionCookie(t, 'customer-a@example.com');
  const sessions = await t.app.inject({
    method: 'GET',
    url: '/api/account/sessions',
    headers: { cookie: second },
  });
  ok(sessions, 'sessions');
  const throwAwaySessionId = json<{ sessions: Array<{ id: string; current: boolean }> }>(
    sessions,
  ).sessions.find((s) => s.current)?.id as string;
  assert.ok(throwAwaySessionId, sessions.body);

  const address = async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/account/addresses',
      headers: { cookie: customerA },
      payload: { address: customerAddress },
    });
    ok(res, 'address', 201);
    return json<{ address: { id: string } }>(res).address.id;
  };
  const addressId = await address();
  const throwAwayAddressId = await address();

  // The fixture order: a phone with a dead-on-arrival case and a wearable with a change-of-mind question.
  const order = await deliveredOrder(
    t,
    owner,
    [{}, { category: 'wearable', priceCents: 12_900 }],
    'delivered',
    'customer-a@example.com',
  );
  const opened = await openCase(t, owner, order, order.lineIds[0] as string);
  ok(
    await staffRequest(t, owner, 'POST', `/api/admin/cases/${opened.id}/actions`, {
      action: 'request_evidence',
    }),
    'request_evidence',
  );
  await sendMissingEvidence(t, opened.id);
  ok(
    await staffRequest(t, owner, 'POST', `/api/admin/cases/${opened.id}/assign`, { staffId: assignedCS.id }),
    'assign case',
  );
  // The order assignment comes with the visibility filter (issue 13): once the route exists the fixture order
  // is assigned to the same member, as the matrix expects.
  if (routeTable(t.app).some((r) => r.method === 'POST' && r.url === '/api/admin/orders/:id/assign')) {
    ok(
      await staffRequest(t, owner, 'POST', `/api/admin/orders/${order.id}/assign`, {
        staffId: assignedCS.id,
      }),
      'assign order',
    );
  }
  const evidence = await staffRequest(t, owner, 'GET', `/api/admin/cases/${opened.id}/evidence`);
  ok(evidence, 'evidence');
  const file = json<{ files: Array<{ id: string; thumbnailUrl: string }> }>(evidence).files[0];
  assert.ok(file, evidence.body);

  const asked = await t.app.inject({
    method: 'POST',
    url: `/api/orders/by-link/${order.token}/questions`,
    payload: {
      orderLineId: order.lineIds[1],
      kind: 'change_of_mind',
      facts: { openedByCustomer: false },
      body: 'May I return it?',
    },
  });
  ok(asked, 'question', 201);

  const product = await createProduct(t.ctx.db, {});
  const [catalogued] = await t.ctx.db
    .select({ slug: products.slug })
    .from(products)
    .where(eq(products.id, product.productId));
  const [mail] = await t.ctx.db
    .select({ id: mailOutbox.id })
    .from(mailOutbox)
    .orderBy(desc(mailOutbox.createdAt))
    .limit(1);
  const [event] = await t.ctx.db.select({ id: securityEvents.id }).from(securityEvents).limit(1);
  assert.ok(mail && event, 'a mail and a security event');

  return {
    cookies: {
      anonymous: '',
      customerA,
      customerB,
      assignedCS: assignedCS.cookie,
      unassignedCS: unassignedCS.cookie,
      technician: technician.cookie,
      maintenanceTech: maintenanceTech.cookie,
      owner,
      deactivated: leaver.cookie,
    },
    fixtures: {
      productSlug: catalogued?.slug as string,
      productId: product.productId,
      variantId: product.variantId,
      orderId: order.id,
      orderToken: order.token,
      caseId: opened.id,
      caseReference: opened.reference,
      evidenceId: file.id,
      evidenceUrl: file.thumbnailUrl,
      questionId: json<{ question: { id: string } }>(asked).question.id,
      mailId: mail.id,
      securityEventId: event.id,
      policyVersion: 1,
      assignedStaffId: assignedCS.id,
      throwAwayMemberId: throwAway.id,
      addressId,
      throwAwayAddressId,
      throwAwaySessionId,
      unknownId: '00000000-0000-7000-8000-000000000000',
    },
  };
}

async function ownerId(t: TestApp): Promise<string | undefined> {
  const [row] = await t.ctx.db
    .select({ id: staffUsers.id })
    .from(staffUsers)
    .where(eq(staffUsers.role, 'owner'));
  return row?.id;
}
