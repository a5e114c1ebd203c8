import type { ReactNode } from 'react';

export interface TimelineEntry {
  key: string;
  label: string;
  /** Already formatted (src/shared/format.ts), e.g. "10 Jan 2026 09:30 UTC". */
  when: string;
  /** What the step adds: a note, a tracking number. */
  detail?: ReactNode;
}

/** A titled vertical timeline, oldest first: the order page's and the case page's history. */
export function Timeline({ entries, title = 'Timeline' }: { entries: TimelineEntry[]; title?: string }) {
  return (
    <section aria-labelledby="timeline-title" className="space-y-3">
      <h2 id="timeline-title" className="text-lg font-semibold text-gray-900">
        {title}
      </h2>
      <ol className="border-l-2 border-line pl-5">
        {entries.map((e) => (
          <li key={e.key} className="relative pb-4 last:pb-0">
            <span
              aria-hidden="true"
              className="absolute top-1.5 -left-[27px] size-3 rounded-full bg-primary ring-4 ring-canvas"
            />
            <p className="font-medium text-gray-900">{e.label}</p>
            <p className="text-sm text-muted">{e.when}</p>
            {e.detail ? <div className="text-sm text-gray-800">{e.detail}</div> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
