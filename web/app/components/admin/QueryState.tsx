/** The loading and error states every back-office page shows while its data is on its way. */
import { type ReactNode, useId } from 'react';
import { isApiError } from '../../lib/admin-api.ts';
import { Button } from '../ui/Button.tsx';
import { Notice } from '../ui/Notice.tsx';
import { Spinner } from '../ui/Spinner.tsx';

export function Loading({ label = 'Loading' }: { label?: string }) {
  return (
    <div className="flex items-center justify-center gap-3 rounded-lg border border-line bg-surface px-4 py-10 text-muted">
      <Spinner label={label} />
      <span aria-hidden="true">{label}…</span>
    </div>
  );
}

export function errorMessage(error: unknown): string {
  if (isApiError(error)) return error.message;
  return error instanceof Error ? error.message : 'Something went wrong';
}

export function LoadError({
  error,
  what,
  onRetry,
}: {
  error: unknown;
  /** "the orders", "this product". */
  what: string;
  onRetry?: () => void;
}) {
  const notFound = isApiError(error, 404);
  return (
    <Notice tone="danger" title={notFound ? `We can’t find ${what}` : `We couldn’t load ${what}`}>
      <p>{errorMessage(error)}</p>
      {onRetry && !notFound ? (
        <Button size="sm" variant="secondary" className="mt-3" onClick={onRetry}>
          Try again
        </Button>
      ) : null}
    </Notice>
  );
}

/** A titled block of a detail page. */
export function Panel({
  title,
  actions,
  children,
  id,
}: {
  title: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
  id?: string;
}) {
  const generated = useId();
  const headingId = `${id ?? generated}-title`;
  return (
    <section
      aria-labelledby={headingId}
      className="rounded-xl border border-line bg-surface p-4 sm:p-5"
      id={id}
    >
      <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
        <h2 id={headingId} className="text-lg font-semibold text-gray-900">
          {title}
        </h2>
        {actions}
      </div>
      {children}
    </section>
  );
}
