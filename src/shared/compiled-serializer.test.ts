import assert from 'node:assert/strict';
import { test } from 'node:test';
import { z } from 'zod';
import { customerCaseView } from '../aftersales/cases/case-views.ts';
import { adminCaseListResponse, openCasesResponse } from '../aftersales/cases/schemas.ts';
import { assessClaim } from '../aftersales/policy.ts';
import { compileSerializer } from './compiled-serializer.ts';

const row = {
  id: '0190f3c2-7a1b-7c3d-8e4f-5a6b7c8d9e0f',
  reference: 'RMA-26-00042',
  orderId: '0190f3c2-7a1b-7c3d-8e4f-5a6b7c8d9e10',
  orderReference: 'AC-26-00017',
  productName: 'Phone "Pro" 128 GB — black',
  kind: 'defective',
  state: 'parcel_received',
  eligible: true,
  policyVersion: 3,
  openedAt: '2026-11-28T09:15:00.123Z',
  updatedAt: '2026-11-29T10:00:00.000Z',
  stateSince: '2026-11-29T10:00:00.000Z',
  dueAt: null,
  deadlineMark: null,
  nextDeadline: null,
  waitingOnCustomerMs: 86_400_000,
  assignee: { id: '0190f3c2-7a1b-7c3d-8e4f-5a6b7c8d9e11', name: 'Sam Tech' },
  customer: { name: 'Ada "Countess" Lovelace', email: 'ada@example.com' },
  personalData: 'full',
};

test('the compiled queue serializer writes exactly what the zod serializer writes, field order included', () => {
  const page = {
    items: [
      row,
      {
        ...row,
        dueAt: '2026-12-01T00:00:00.000Z',
        deadlineMark: 'due_soon',
        nextDeadline: {
          whose: 'shop',
          step: 'inspect',
          at: '2026-12-01T00:00:00.000Z',
          mark: 'due_soon',
          text: 'Shop: inspect the item by 1 Dec 2026',
        },
        assignee: null,
        // PV-STF-1: an unassigned case as customer service sees it.
        customer: { name: 'A. L.', email: '…@example.com' },
        personalData: 'masked',
      },
    ],
    nextCursor: 'WyJkZWFkbGluZTphc2MiXQ',
  };
  const zodJson = JSON.stringify(adminCaseListResponse.encode(page as never));
  assert.equal(compileSerializer(adminCaseListResponse)(page), zodJson);
  assert.equal(
    compileSerializer(adminCaseListResponse)({ items: [], nextCursor: null }),
    '{"items":[],"nextCursor":null}',
  );
});

test('the compiled serializer of opened cases writes exactly what the zod serializer writes (AS-GEN-2)', () => {
  const at = new Date('2026-11-28T09:15:00.123Z');
  const answer = (kind: 'dead_on_arrival' | 'change_of_mind', openedByCustomer: boolean) =>
    assessClaim({
      kind,
      openedAt: at.toISOString(),
      shippedAt: '2026-11-20T10:00:00.000Z',
      deliveredAt: '2026-11-26T10:00:00.000Z',
      item: {
        category: 'smartphone',
        unitPriceCents: 49_900,
        clearance: false,
        specialWarranty: false,
        openedByCustomer,
      },
      facts: {},
    });
  const opened = (reference: string, assessment: ReturnType<typeof assessClaim>) =>
    customerCaseView(
      {
        reference,
        orderLineId: row.orderId,
        kind: 'dead_on_arrival',
        state: 'opened',
        policyVersion: 3,
        assessment,
        openedAt: at,
        updatedAt: at,
        quote: null,
      },
      { productName: row.productName, variantName: '128 GB <black>' },
      [
        {
          at,
          actorType: 'customer',
          action: 'open',
          fromState: null,
          toState: 'opened',
          note: null,
          assessment,
          details: null,
        },
      ],
    );
  const answerBody = {
    cases: [
      opened('RMA-26-00042', answer('dead_on_arrival', true)),
      opened('RMA-26-00043', answer('change_of_mind', false)),
    ],
  };
  assert.equal(
    compileSerializer(openCasesResponse)(answerBody),
    JSON.stringify(openCasesResponse.encode(answerBody as never)),
  );
});

test('fields the schema does not name are left out, as zod strips them', () => {
  const out = compileSerializer(adminCaseListResponse)({
    items: [{ ...row, internalNote: 'not for the wire', assignee: { ...row.assignee, email: 'x@y.z' } }],
    nextCursor: null,
  });
  assert.ok(!out.includes('internalNote'));
  assert.ok(!out.includes('x@y.z'));
});

test('a required field missing is an error, not a different answer', () => {
  const { reference: _, ...withoutReference } = row;
  assert.throws(() =>
    compileSerializer(adminCaseListResponse)({ items: [withoutReference], nextCursor: null }),
  );
});

test('a schema it cannot write faithfully (a union of shapes) is refused at start, naming the path', () => {
  const schema = z.object({
    value: z.union([z.object({ a: z.string() }), z.object({ b: z.number() })]),
  });
  assert.throws(() => compileSerializer(schema), /\$\.value is a union/);
});
