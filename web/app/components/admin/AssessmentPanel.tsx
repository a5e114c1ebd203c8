/**
 * The policy engine's answer as staff read it: eligible or not, what may be offered, the deadline, who pays the
 * return postage and up to how much, who pays parts, the coupon, optionally the evidence, and every deciding
 * clause with its ID. The case page shows a case's stored answer with it; the policy playground shows one per
 * policy version, side by side.
 */
import type { ReactNode } from 'react';
import type { Assessment } from '../../../../src/aftersales/policy.ts';
import { Badge } from '../ui/Badge.tsx';
import { evidenceLabel, resolutionLabels } from './case-format.ts';
import { formatDateTime, formatUsd } from './format.ts';
import { Panel } from './QueryState.tsx';

export function AssessmentPanel({
  assessment: a,
  title = 'What the policy says',
  note,
  showEvidence = false,
  children,
}: {
  /** As the API sends it (the evidence list arrives as a plain array). */
  assessment: Omit<Assessment, 'evidence'> & { evidence: Assessment['evidence'] };
  title?: ReactNode;
  /** Which policy version judged, and when. */
  note?: ReactNode;
  /** False where the page has its own evidence section (the case page). */
  showEvidence?: boolean;
  /** Below the reasons (the playground's "Copy the explanation"). */
  children?: ReactNode;
}) {
  return (
    <Panel
      title={title}
      actions={
        <Badge tone={a.eligible ? 'success' : 'danger'}>{a.eligible ? 'Eligible' : 'Not eligible'}</Badge>
      }
    >
      {note ? <p className="mb-3 text-sm text-muted">{note}</p> : null}
      <dl className="mb-4 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="text-muted">May be offered</dt>
        <dd>
          {a.resolutions.length > 0 ? a.resolutions.map((r) => resolutionLabels[r]).join(', ') : 'Nothing'}
        </dd>
        <dt className="text-muted">Claim deadline</dt>
        <dd>{a.deadline ? formatDateTime(a.deadline) : 'None'}</dd>
        <dt className="text-muted">Return shipping</dt>
        <dd>
          Paid by the {a.returnShipping.payer}
          {a.returnShipping.reimbursableUpToCents > 0
            ? `; reimbursed up to ${formatUsd(a.returnShipping.reimbursableUpToCents)}`
            : ''}
        </dd>
        <dt className="text-muted">Parts</dt>
        <dd>{a.partsPayer ? `Paid by the ${a.partsPayer}` : 'Nothing to pay'}</dd>
        {a.couponValueCents !== null ? (
          <>
            <dt className="text-muted">Coupon</dt>
            <dd>{formatUsd(a.couponValueCents)}</dd>
          </>
        ) : null}
        {showEvidence ? (
          <>
            <dt className="text-muted">Evidence</dt>
            <dd>
              {a.evidence.length > 0 ? (
                <ul>
                  {a.evidence.map((e) => (
                    <li key={e.kind}>
                      {evidenceLabel[e.kind]}{' '}
                      <span className="text-muted">({e.required ? 'required' : 'optional'})</span>
                    </li>
                  ))}
                </ul>
              ) : (
                'None'
              )}
            </dd>
          </>
        ) : null}
      </dl>
      <ol className="flex flex-col gap-2">
        {a.reasons.map((r) => (
          <li key={`${r.clause} ${r.message}`} className="flex gap-3 text-sm">
            <span className="shrink-0 font-mono text-xs font-semibold text-gray-700">{r.clause}</span>
            <span>{r.message}</span>
          </li>
        ))}
      </ol>
      {children}
    </Panel>
  );
}
