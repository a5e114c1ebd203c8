/**
 * PV-RGT-1: before an account is deleted the customer is told what the deletion stops, and what must finish
 * first. Pure: the use case reads the orders and cases, this decides.
 *
 * - An order not yet shipped (placed, paid) blocks the deletion: the shop still owes the goods and needs the
 *   address; the customer waits for it or asks the shop to cancel it.
 * - An order on its way (shipped) is stopped: the parcel still arrives, but its page, its emails and claims
 *   on it end with the account.
 * - An open case the customer could withdraw themselves (opened, troubleshooting, awaiting evidence, return
 *   authorised) is withdrawn by the deletion, with the reason on its timeline.
 * - An open case past that point (the shop holds the item, a quote waits, the resolution is under way) blocks
 *   the deletion: the shop owes the customer an item or money that it can no longer reach them about.
 */
import { type CaseState, caseActions, isOpenCase } from '../aftersales/cases/case-lifecycle.ts';

export interface DeletionOrder {
  reference: string;
  status: string;
}

export interface DeletionCase {
  reference: string;
  state: CaseState;
}

export interface DeletionItem {
  kind: 'order' | 'case';
  reference: string;
  /** What happens to it, in words for the customer. */
  effect: string;
}

export interface DeletionImpact {
  /** What the deletion stops (listed before the password is asked). */
  stops: DeletionItem[];
  /** What must finish first: while any is left the deletion is refused (409). */
  blockers: DeletionItem[];
}

const WITHDRAWABLE: readonly CaseState[] = caseActions.withdraw.from;

export function deletionImpact(orders: DeletionOrder[], cases: DeletionCase[]): DeletionImpact {
  const stops: DeletionItem[] = [];
  const blockers: DeletionItem[] = [];
  for (const o of orders) {
    if (o.status === 'placed' || o.status === 'paid') {
      blockers.push({
        kind: 'order',
        reference: o.reference,
        effect: 'Not shipped yet: wait until it arrives, or ask us to cancel it, then delete your account.',
      });
    } else if (o.status === 'shipped') {
      stops.push({
        kind: 'order',
        reference: o.reference,
        effect:
          'On its way: the parcel still arrives, but its tracking page and emails end, and you can no longer report a problem with it online.',
      });
    }
  }
  for (const c of cases) {
    if (!isOpenCase(c.state)) continue;
    if (WITHDRAWABLE.includes(c.state)) {
      stops.push({
        kind: 'case',
        reference: c.reference,
        effect: 'Open: your claim is withdrawn and we stop working on it.',
      });
    } else {
      blockers.push({
        kind: 'case',
        reference: c.reference,
        effect:
          'We have your item or owe you its outcome: wait until the case is finished, then delete your account.',
      });
    }
  }
  return { stops, blockers };
}
