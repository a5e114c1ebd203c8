import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AppError } from '../../shared/errors.ts';
import { paymentStatus, refundStatus } from '../schema.ts';
import {
  isCaptured,
  isVoidable,
  paymentStatusAfterRefunds,
  paymentStatuses,
  refundableCents,
  refundStatuses,
  transitionPayment,
  transitionRefund,
} from './payment-lifecycle.ts';

describe('payment lifecycle', () => {
  it('knows exactly the statuses of the database enums', () => {
    assert.deepEqual([...paymentStatuses], paymentStatus.enumValues);
    assert.deepEqual([...refundStatuses], refundStatus.enumValues);
  });

  const legalPayment: Array<[string, string]> = [
    ['pending', 'captured'],
    ['pending', 'voided'],
    ['pending', 'failed'],
    ['authorized', 'captured'],
    ['authorized', 'voided'],
    ['authorized', 'failed'],
    ['captured', 'partially_refunded'],
    ['captured', 'refunded'],
    ['partially_refunded', 'partially_refunded'],
    ['partially_refunded', 'refunded'],
    ['voided', 'captured'],
  ];

  it('allows exactly the payment moves of the table; a captured payment is never voided', () => {
    for (const from of paymentStatuses) {
      for (const to of paymentStatuses) {
        const legal = legalPayment.some(([f, t]) => f === from && t === to);
        if (legal) assert.equal(transitionPayment(from, to), to);
        else assert.throws(() => transitionPayment(from, to), AppError, `${from} → ${to}`);
      }
    }
    assert.throws(
      () => transitionPayment('captured', 'voided'),
      /allowed next: partially_refunded, refunded/,
    );
    assert.equal(isVoidable('captured'), false);
    assert.equal(isVoidable('authorized'), true);
    assert.equal(isVoidable('pending'), true);
    assert.equal(isCaptured('captured'), true);
    assert.equal(isCaptured('partially_refunded'), true);
    assert.equal(isCaptured('pending'), false, 'a bank transfer not received took no money');
  });

  const legalRefund: Array<[string, string]> = [
    ['pending', 'succeeded'],
    ['pending', 'failed'],
    ['owed', 'succeeded'],
    ['failed', 'pending'],
  ];

  it('allows exactly the refund moves of the table, naming the allowed ones in the 409', () => {
    for (const from of refundStatuses) {
      for (const to of refundStatuses) {
        const legal = legalRefund.some(([f, t]) => f === from && t === to);
        if (legal) assert.equal(transitionRefund(from, to), to);
        else assert.throws(() => transitionRefund(from, to), AppError, `${from} → ${to}`);
      }
    }
    try {
      transitionRefund('succeeded', 'pending');
      assert.fail('expected a conflict');
    } catch (error) {
      assert.ok(error instanceof AppError);
      assert.equal(error.code, 'conflict');
      assert.match(error.message, /succeeded is final/);
    }
  });

  it('what may still be refunded: captured minus every refund that has not failed', () => {
    assert.equal(refundableCents({ capturedCents: 10_000, refunds: [] }), 10_000);
    assert.equal(
      refundableCents({
        capturedCents: 10_000,
        refunds: [
          { amountCents: 3_000, status: 'succeeded' },
          { amountCents: 2_000, status: 'pending' },
          { amountCents: 1_000, status: 'owed' },
          { amountCents: 4_000, status: 'failed' },
        ],
      }),
      4_000,
    );
    assert.equal(
      refundableCents({ capturedCents: 100, refunds: [{ amountCents: 100, status: 'succeeded' }] }),
      0,
    );
  });

  it('a payment is refunded when its succeeded refunds reach the captured amount, partly before', () => {
    const amounts = (statuses: Array<['succeeded' | 'pending' | 'failed', number]>) => ({
      capturedCents: 10_000,
      refunds: statuses.map(([status, amountCents]) => ({ status, amountCents })),
    });
    assert.equal(paymentStatusAfterRefunds('captured', amounts([['pending', 10_000]])), 'captured');
    assert.equal(
      paymentStatusAfterRefunds('captured', amounts([['succeeded', 2_500]])),
      'partially_refunded',
    );
    assert.equal(
      paymentStatusAfterRefunds(
        'partially_refunded',
        amounts([
          ['succeeded', 2_500],
          ['succeeded', 7_500],
        ]),
      ),
      'refunded',
    );
    assert.equal(paymentStatusAfterRefunds('captured', amounts([['failed', 10_000]])), 'captured');
  });
});
