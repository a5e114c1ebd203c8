import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AppError } from '../shared/errors.ts';
import { allowedNext, canTransition, orderStatuses, orderTransitions, transition } from './order-status.ts';
import { orderStatus } from './schema.ts';

describe('order lifecycle', () => {
  it('knows exactly the statuses of the database enum', () => {
    assert.deepEqual([...orderStatuses], orderStatus.enumValues);
  });

  const legal: Array<[string, string]> = [
    ['placed', 'paid'],
    ['placed', 'cancelled'],
    ['paid', 'shipped'],
    ['paid', 'cancelled'],
    ['shipped', 'delivered'],
    ['delivered', 'completed'],
  ];

  it('allows exactly the moves of the table', () => {
    for (const from of orderStatuses) {
      for (const to of orderStatuses) {
        const expected = legal.some(([f, t]) => f === from && t === to);
        assert.equal(canTransition(from, to), expected, `${from} → ${to}`);
        if (expected) assert.equal(transition(from, to), to);
      }
    }
  });

  it('refuses an illegal move with a 409 naming the allowed next states', () => {
    assert.throws(
      () => transition('shipped', 'cancelled'),
      (error: unknown) =>
        error instanceof AppError &&
        error.code === 'conflict' &&
        /shipped/.test(error.message) &&
        /allowed next: delivered/.test(error.message) &&
        JSON.stringify(error.details.allowed) === '["delivered"]',
    );
    assert.throws(() => transition('placed', 'shipped'), /allowed next: paid, cancelled/);
  });

  it('says a final status is final', () => {
    assert.deepEqual(allowedNext('completed'), []);
    assert.deepEqual(allowedNext('cancelled'), []);
    assert.throws(() => transition('cancelled', 'paid'), /cancelled is final/);
    assert.throws(() => transition('completed', 'completed'), /completed is final/);
  });

  it('never moves back to placed', () => {
    for (const from of orderStatuses) assert.ok(!orderTransitions[from].includes('placed'));
  });
});
