/** A case's state badge and its marks: how long it has waited on the customer, how near its deadline is. */
import type { AdminCaseSummary } from '../../lib/admin-cases-api.ts';
import { Badge } from '../ui/Badge.tsx';
import { type CaseState, caseStateLabel, caseStateTone, deadlineText, formatSpan } from './case-format.ts';

export function CaseStateBadge({ state }: { state: CaseState }) {
  return <Badge tone={caseStateTone[state]}>{caseStateLabel[state]}</Badge>;
}

/** "Waiting on customer 3 days" and "Deadline in 2 days" / "Overdue by 5 hours", when they apply. */
export function CaseMarks({
  c,
}: {
  c: Pick<AdminCaseSummary, 'waitingOnCustomerMs' | 'dueAt' | 'deadlineMark'>;
}) {
  return (
    <>
      {c.waitingOnCustomerMs !== null ? (
        <Badge tone="neutral">Waiting on customer {formatSpan(c.waitingOnCustomerMs)}</Badge>
      ) : null}
      {c.dueAt && c.deadlineMark ? (
        <Badge tone={c.deadlineMark === 'overdue' ? 'danger' : 'warning'}>{deadlineText(c.dueAt)}</Badge>
      ) : null}
    </>
  );
}
