/**
 * An after-sales case's lifecycle as one table. The table drives the 409 message for a move out of order, the
 * actions a screen offers (customer's or staff's), and the tests. Pure: no database, no clock.
 *
 * The path of a claim that goes the whole way (AS-GEN-1 → AS-GEN-2 → AS-GEN-4 → AS-DEF-3):
 *   opened → troubleshooting → awaiting_evidence → return_authorised → parcel_received → inspected
 *          → quote_sent → quote_accepted → resolved → closed
 * Shortcuts where the policy says nothing travels: the AS-GEN-5 coupon and the AS-INC-2 keep-with-voucher go
 * from `awaiting_evidence` (evidence judged) straight to `resolved`; an issue solved while troubleshooting goes
 * from `troubleshooting` to `resolved`. `declined` ends a claim the policy or the evidence refuses; `withdrawn`
 * is the customer's (or the abandonment job's) ending before anything was sent.
 */
import { Conflict } from '../../shared/errors.ts';
import { defineLifecycle } from '../../shared/lifecycle.ts';

export const caseStates = [
  'opened',
  'troubleshooting',
  'awaiting_evidence',
  'return_authorised',
  'parcel_received',
  'inspected',
  'quote_sent',
  'quote_accepted',
  'quote_declined',
  'resolved',
  'declined',
  'withdrawn',
  'closed',
] as const;
export type CaseState = (typeof caseStates)[number];

/** Who may make a move: the customer of the case, staff handling it, or the shop's scheduled jobs. */
export type CaseActor = 'customer' | 'staff' | 'system';

interface CaseMove {
  from: readonly CaseState[];
  to: CaseState;
  by: readonly CaseActor[];
  /** The button's words. */
  label: string;
}

/**
 * Every move of a case, as the verb a person presses: from which states, to which, by whom. This is the one
 * table; the state machine below is derived from it.
 */
export const caseActions = {
  // AS-GEN-1: every case starts as a conversation that tries to solve it without a return.
  start_troubleshooting: {
    from: ['opened'],
    to: 'troubleshooting',
    by: ['staff'],
    label: 'Start troubleshooting',
  },
  // Nothing to troubleshoot (an incorrect item), or the issue persists: the evidence the assessment lists.
  request_evidence: {
    from: ['opened', 'troubleshooting'],
    to: 'awaiting_evidence',
    by: ['staff'],
    label: 'Ask for evidence',
  },
  mark_solved: {
    from: ['troubleshooting'],
    to: 'resolved',
    by: ['staff'],
    label: 'Solved by troubleshooting',
  },
  // AS-GEN-2: nothing travels without an RMA number.
  authorise_return: {
    from: ['awaiting_evidence'],
    to: 'return_authorised',
    by: ['staff'],
    label: 'Authorise the return',
  },
  // AS-GEN-5 coupon, AS-INC-2 keep with a voucher: resolved from the evidence, nothing sent back.
  resolve_without_return: {
    from: ['awaiting_evidence'],
    to: 'resolved',
    by: ['staff'],
    label: 'Resolve without a return',
  },
  decline: {
    from: ['opened', 'awaiting_evidence', 'inspected'],
    to: 'declined',
    by: ['staff'],
    label: 'Decline',
  },
  receive_parcel: {
    from: ['return_authorised'],
    to: 'parcel_received',
    by: ['staff'],
    label: 'Parcel received',
  },
  // AS-GEN-4: the verdict decides who pays.
  record_inspection: {
    from: ['parcel_received'],
    to: 'inspected',
    by: ['staff'],
    label: 'Record the inspection',
  },
  // AS-DEF-3: parts are quoted and accepted or declined before work starts.
  send_quote: { from: ['inspected'], to: 'quote_sent', by: ['staff'], label: 'Send the parts quote' },
  accept_quote: { from: ['quote_sent'], to: 'quote_accepted', by: ['customer'], label: 'Accept the quote' },
  decline_quote: { from: ['quote_sent'], to: 'quote_declined', by: ['customer'], label: 'Decline the quote' },
  // Repaired and sent back, replacement shipped, refunded, coupon issued; a declined quote sends it back as is.
  resolve: {
    from: ['inspected', 'quote_accepted', 'quote_declined'],
    to: 'resolved',
    by: ['staff'],
    label: 'Resolve',
  },
  withdraw: {
    from: ['opened', 'troubleshooting', 'awaiting_evidence', 'return_authorised'],
    to: 'withdrawn',
    by: ['customer', 'system'],
    label: 'Withdraw the claim',
  },
  close: { from: ['resolved', 'declined'], to: 'closed', by: ['staff', 'system'], label: 'Close' },
} as const satisfies Record<string, CaseMove>;
export type CaseAction = keyof typeof caseActions;

function stateTable(): Record<CaseState, CaseState[]> {
  const table = Object.fromEntries(caseStates.map((s) => [s, [] as CaseState[]])) as Record<
    CaseState,
    CaseState[]
  >;
  for (const move of Object.values(caseActions) as CaseMove[]) {
    for (const from of move.from) if (!table[from].includes(move.to)) table[from].push(move.to);
  }
  return table;
}

/** The state machine of a case, derived from `caseActions`. */
export const caseLifecycle = defineLifecycle<CaseState>('case', stateTable());

/** The actions `actor` may take on a case in `state`, in the table's order: the buttons a screen shows. */
export function actionsFor(state: CaseState, actor: CaseActor): CaseAction[] {
  return (Object.keys(caseActions) as CaseAction[]).filter((action) => {
    const move: CaseMove = caseActions[action];
    return move.by.includes(actor) && move.from.includes(state);
  });
}

/**
 * The state after `action`, or a 409 naming the actions the case allows in its state (the machine's message
 * names states; this one names what a person can do).
 */
export function applyCaseAction(state: CaseState, action: CaseAction, actor: CaseActor): CaseState {
  const move: CaseMove = caseActions[action];
  if (move.from.includes(state) && move.by.includes(actor)) return caseLifecycle.transition(state, move.to);
  const allowed = actionsFor(state, actor);
  throw new Conflict(
    `A case that is ${state.replaceAll('_', ' ')} cannot take "${move.label}"; ${
      allowed.length > 0 ? `allowed now: ${allowed.join(', ')}` : 'nothing more can be done by you'
    }`,
    { field: 'action', state, action, allowed },
  );
}

/** True while the case is not finished: one open case per order line and kind. */
export function isOpenCase(state: CaseState): boolean {
  return state !== 'closed' && state !== 'withdrawn' && state !== 'declined';
}
