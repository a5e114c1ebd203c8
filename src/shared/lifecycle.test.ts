import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Conflict } from './errors.ts';
import { defineLifecycle } from './lifecycle.ts';

type Door = 'open' | 'closed' | 'locked' | 'gone';
const door = defineLifecycle<Door>('door', {
  open: ['closed'],
  closed: ['open', 'locked'],
  locked: ['closed'],
  gone: [],
});
const order = defineLifecycle<'placed' | 'paid'>('order', { placed: ['paid'], paid: [] });

describe('defineLifecycle', () => {
  it('allows the moves of the table and no other', () => {
    assert.equal(door.transition('open', 'closed'), 'closed');
    assert.ok(door.canTransition('closed', 'locked'));
    assert.ok(!door.canTransition('open', 'locked'));
    assert.deepEqual(door.allowedNext('closed'), ['open', 'locked']);
    assert.ok(door.isFinal('gone'));
  });

  it('a refused move is a 409 naming the allowed moves, or that the state is final', () => {
    assert.throws(
      () => door.transition('open', 'locked'),
      (e: unknown) =>
        e instanceof Conflict &&
        e.message === 'A door that is open cannot become locked; allowed next: closed' &&
        JSON.stringify(e.details.allowed) === '["closed"]',
    );
    assert.throws(
      () => order.transition('paid', 'placed'),
      /^ConflictError|An order that is paid cannot become placed; paid is final/,
    );
  });

  it('a table whose move leads to a state without a row is refused when it is defined', () => {
    assert.throws(
      () => defineLifecycle('bad', { a: ['b'] } as unknown as Record<'a' | 'b', readonly ('a' | 'b')[]>),
      /b has no row/,
    );
  });
});
