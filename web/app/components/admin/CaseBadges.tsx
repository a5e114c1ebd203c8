/** A case's state badge and its marks: how long it has waited on the customer, how near its deadline is. */
import { deadlineMarkWords } from '../../../../src/aftersales/cases/case-deadlines.rules.ts';
import type { AdminCaseSummary } from '../../lib/admin-cases-api.ts';
import { Badge } from '../ui/Badge.tsx';
import { type CaseState, caseStateLabel, caseStateTone, deadlineText, formatSpan } from './case-format.ts';

export function CaseStateBadge({ state }: { state: CaseState }) {
  return <Badge tone={caseStateTone[state]}>{caseStateLabel[state]}</Badge>;
}

/** "Waiting on customer 3 days" and "Deadline in 2 days" / "Overdue by 5 hours", when they apply. */
export function CaseMarks({
  c,
  withDeadline = true,
}: {
  c: Pick<AdminCaseSummary, 'waitingOnCustomerMs' | 'dueAt' | 'deadlineMark'>;
  /** False where the row shows the next deadline itself (NextDeadline). */
  withDeadline?: boolean;
}) {
  return (
    <>
      {c.waitingOnCustomerMs !== null ? (
        <Badge tone="neutral">Waiting on customer {formatSpan(c.waitingOnCustomerMs)}</Badge>
      ) : null}
      {withDeadline && c.dueAt && c.deadlineMark ? (
        <Badge tone={c.deadlineMark === 'overdue' ? 'danger' : 'warning'}>{deadlineText(c.dueAt)}</Badge>
      ) : null}
    </>
  );
}

/**
 * A case's next deadline (issue 11 point 5): whose it is and by when ("Shop: reply by 3 Dec 2026"), with
 * "Overdue" or "Near" in words when it applies, so the mark never rests on colour alone.
 */
export function NextDeadline({ deadline }: { deadline: AdminCaseSummary['nextDeadline'] }) {
  if (!deadline) return null;
  return (
    <span className="flex flex-wrap items-center gap-1 text-sm">
      {deadline.mark ? (
        <Badge tone={deadline.mark === 'overdue' ? 'danger' : 'warning'}>
          {deadlineMarkWords[deadline.mark]}
        </Badge>
      ) : null}
      <time dateTime={deadline.at} className={deadline.mark ? 'font-medium text-gray-900' : 'text-muted'}>
        {deadline.text}
      </time>
    </span>
  );
}
