import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { cx } from './cx.ts';

export interface Crumb {
  label: string;
  to: string;
}

export interface PageHeaderProps {
  /** The page's one h1. */
  title: ReactNode;
  description?: ReactNode;
  /**
   * The pages above this one, outermost first. The trail ends with this page itself (`current`, or the title
   * when it is text), marked as the current page; separators stand only between items.
   */
  breadcrumbs?: Crumb[];
  /** This page's name in the breadcrumb trail when the title is not plain text. */
  current?: string;
  /** Buttons aligned to the right on wide screens, under the title on phones. */
  actions?: ReactNode;
  className?: string;
}

export function PageHeader({
  title,
  description,
  breadcrumbs,
  current,
  actions,
  className,
}: PageHeaderProps) {
  const here = current ?? (typeof title === 'string' ? title : null);
  return (
    <header className={cx('mb-6 flex flex-col gap-3 sm:mb-8', className)}>
      {breadcrumbs?.length ? (
        <nav aria-label="Breadcrumb">
          <ol className="flex flex-wrap items-center gap-x-1 gap-y-0.5 text-sm text-muted">
            {breadcrumbs.map((c, i) => (
              <li key={c.to} className="flex min-w-0 items-center gap-1">
                {i > 0 ? <Separator /> : null}
                <Link to={c.to} className="underline hover:text-gray-900">
                  {c.label}
                </Link>
              </li>
            ))}
            {here ? (
              <li className="flex min-w-0 items-center gap-1">
                <Separator />
                <span aria-current="page" className="min-w-0 truncate text-gray-900">
                  {here}
                </span>
              </li>
            ) : null}
          </ol>
        </nav>
      ) : null}
      <div className="flex flex-col gap-3 sm:flex-row sm:items-end sm:justify-between">
        <div className="space-y-2">
          <h1 className="text-2xl font-bold tracking-tight text-gray-900 sm:text-3xl">{title}</h1>
          {description ? <p className="max-w-prose text-muted">{description}</p> : null}
        </div>
        {actions ? <div className="flex flex-wrap gap-2">{actions}</div> : null}
      </div>
    </header>
  );
}

function Separator() {
  return (
    <span aria-hidden="true" className="text-gray-400">
      /
    </span>
  );
}
