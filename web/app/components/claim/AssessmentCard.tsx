import type { AssessmentWords } from '../../../../src/aftersales/assessment-words.ts';
import { Badge } from '../ui/Badge.tsx';

/**
 * One line's answer from the policy engine: covered or not and why (each deciding clause in words, its number
 * beside it), what may be offered, the evidence needed, who pays the return postage, the deadline.
 */
export function AssessmentCard({
  title,
  subtitle,
  words,
  showEvidence = true,
}: {
  title: string;
  subtitle?: string;
  words: AssessmentWords;
  /** False where the page has its own evidence section (the case page). */
  showEvidence?: boolean;
}) {
  return (
    <article className="space-y-3 rounded-xl bg-surface p-4 ring-1 ring-line sm:p-5">
      <header className="flex flex-wrap items-start justify-between gap-2">
        <div>
          <h3 className="font-semibold text-gray-900">{title}</h3>
          {subtitle ? <p className="text-sm text-muted">{subtitle}</p> : null}
        </div>
        <Badge tone={words.eligible ? 'success' : 'warning'}>
          {words.eligible ? 'Covered' : 'Not covered'}
        </Badge>
      </header>
      <p className="font-medium text-gray-900">{words.headline}.</p>
      {words.offers ? <p className="text-gray-800">{words.offers}</p> : null}
      <div>
        <h4 className="text-sm font-semibold text-gray-900">Why</h4>
        <ul className="mt-1 space-y-1.5 text-sm text-gray-800">
          {words.reasons.map((r) => (
            <li key={`${r.clause}:${r.message}`} className="flex gap-2">
              <span aria-hidden="true" className="text-muted">
                •
              </span>
              <span>
                {r.message}{' '}
                <span className="whitespace-nowrap text-xs text-muted">
                  (policy clause <span className="font-mono">{r.clause}</span>)
                </span>
              </span>
            </li>
          ))}
        </ul>
      </div>
      {words.eligible ? (
        <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
          {words.deadline ? (
            <>
              <dt className="font-medium text-muted">Report it by</dt>
              <dd className="text-gray-900">{words.deadline}</dd>
            </>
          ) : null}
          {words.shipping ? (
            <>
              <dt className="font-medium text-muted">Return postage</dt>
              <dd className="text-gray-900">{words.shipping}</dd>
            </>
          ) : null}
          {words.parts ? (
            <>
              <dt className="font-medium text-muted">Parts</dt>
              <dd className="text-gray-900">{words.parts}</dd>
            </>
          ) : null}
          {showEvidence && words.evidence.length > 0 ? (
            <>
              <dt className="font-medium text-muted">Evidence needed</dt>
              <dd className="text-gray-900">
                <ul className="space-y-0.5">
                  {words.evidence.map((e) => (
                    <li key={e.label}>
                      {e.label} <span className="text-muted">({e.required ? 'required' : 'optional'})</span>
                    </li>
                  ))}
                </ul>
              </dd>
            </>
          ) : null}
        </dl>
      ) : null}
    </article>
  );
}
