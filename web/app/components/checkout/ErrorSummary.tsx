import { useEffect, useRef } from 'react';

export interface ErrorSummaryProps {
  /** Field id → message, in the order of the form. */
  errors: Array<{ id: string; message: string }>;
  /** Changes with every refused submission, so the summary takes focus again. */
  attempt: unknown;
}

/**
 * The list of what to fix, at the top of the form, each item a link to its field. It takes focus after a
 * refused submission so screen-reader and keyboard users start from it; the messages also stand next to
 * their fields.
 */
export function ErrorSummary({ errors, attempt }: ErrorSummaryProps) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (attempt && errors.length > 0) ref.current?.focus();
  }, [attempt, errors.length]);
  if (errors.length === 0) return null;
  return (
    <div
      ref={ref}
      tabIndex={-1}
      role="alert"
      aria-labelledby="error-summary-title"
      className="rounded-lg border border-red-300 bg-red-50 p-4 text-red-950"
    >
      <h2 id="error-summary-title" className="font-semibold">
        {errors.length === 1 ? 'One thing to fix' : `${errors.length} things to fix`} before placing the order
      </h2>
      <ul className="mt-2 list-disc space-y-1 pl-5 text-sm">
        {errors.map((e) => (
          <li key={e.id}>
            <a
              href={`#${e.id}`}
              className="underline"
              onClick={(event) => {
                // The field itself takes focus (a fragment link would only scroll to it).
                const field = document.getElementById(e.id);
                if (!field) return;
                event.preventDefault();
                field.focus();
              }}
            >
              {e.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
