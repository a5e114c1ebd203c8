/**
 * A lifecycle as data (STYLE.md: "lifecycles are tables"): the states, and for each the states it may move to.
 * One generic machine runs every table of the shop (orders, payments, refunds, after-sales cases), so the 409
 * message, the buttons a screen shows (`allowedNext`) and the tests all read the same table. Pure.
 */
import { Conflict } from './errors.ts';

export interface Lifecycle<S extends string> {
  /** What moves: "order", "payment", "case"; used in the 409 message. */
  readonly subject: string;
  readonly states: readonly S[];
  readonly table: Readonly<Record<S, readonly S[]>>;
  /** The states this one may move to (empty for a final state). */
  allowedNext(from: S): readonly S[];
  canTransition(from: S, to: S): boolean;
  isFinal(state: S): boolean;
  /**
   * The new state, or a `Conflict` (409) whose message and details name the moves `from` allows:
   * `{ field: 'status', from, to, allowed }`.
   */
  transition(from: S, to: S): S;
}

/**
 * Builds a lifecycle from its table. Every state must have a row and every target must be a state; a table
 * that breaks this is a programming error and throws at start-up, not at the first request.
 */
export function defineLifecycle<S extends string>(
  subject: string,
  table: Readonly<Record<S, readonly S[]>>,
): Lifecycle<S> {
  const states = Object.keys(table) as S[];
  for (const from of states) {
    for (const to of table[from]) {
      if (!(to in table)) throw new Error(`${subject} lifecycle: ${from} → ${to}, but ${to} has no row`);
    }
  }
  const canTransition = (from: S, to: S) => table[from]?.includes(to) ?? false;
  return {
    subject,
    states,
    table,
    allowedNext: (from) => table[from],
    canTransition,
    isFinal: (state) => table[state].length === 0,
    transition(from, to) {
      if (canTransition(from, to)) return to;
      const allowed = table[from] ?? [];
      const next = allowed.length > 0 ? `allowed next: ${allowed.join(', ')}` : `${from} is final`;
      const article = /^[aeiou]/i.test(subject) ? 'An' : 'A';
      throw new Conflict(`${article} ${subject} that is ${from} cannot become ${to}; ${next}`, {
        field: 'status',
        from,
        to,
        allowed: [...allowed],
      });
    },
  };
}
