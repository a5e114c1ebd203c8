import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseRecordReference } from './record-reference.rules.ts';

describe('audit log record references (PV-STF-1)', () => {
  it('PV-STF-1: order references, case numbers, emails and ids are read whatever their case and spaces', () => {
    assert.deepEqual(parseRecordReference(undefined, ' ac-26-00123 '), {
      kind: 'order',
      reference: 'AC-26-00123',
    });
    assert.deepEqual(parseRecordReference('order', 'AC-27-123456'), {
      kind: 'order',
      reference: 'AC-27-123456',
    });
    assert.deepEqual(parseRecordReference('case', 'rma-26-00042'), {
      kind: 'case',
      reference: 'RMA-26-00042',
      evidenceOnly: false,
    });
    assert.deepEqual(parseRecordReference('evidence', 'RMA-26-00042'), {
      kind: 'case',
      reference: 'RMA-26-00042',
      evidenceOnly: true,
    });
    assert.deepEqual(parseRecordReference('customer', 'Ada@Example.com'), {
      kind: 'customer',
      email: 'Ada@Example.com',
    });
    assert.deepEqual(parseRecordReference('mail', '0190F000-0000-7000-8000-000000000001'), {
      kind: 'id',
      id: '0190f000-0000-7000-8000-000000000001',
      recordType: 'mail',
    });
  });

  it('PV-STF-1: a reference of another record type, or no reference at all, is an error to show at the field', () => {
    for (const [type, value] of [
      ['case', 'AC-26-00123'],
      ['order', 'RMA-26-00042'],
      ['order', 'ada@example.com'],
      [undefined, 'ada@'],
      [undefined, 'AC-26'],
      [undefined, 'hello'],
      ['mail', 'AC-26-00123'],
    ] as const) {
      assert.ok('error' in parseRecordReference(type, value), `${type} ${value}`);
    }
  });
});
