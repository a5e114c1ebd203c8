import { cx } from '../ui/cx.ts';

/** The shop's logo from settings, or the built-in mark in the shop's colour; the name is always text. */
export function Logo({
  name,
  logoUrl,
  className,
}: {
  name: string;
  logoUrl: string | null;
  className?: string;
}) {
  return (
    <span className={cx('inline-flex items-center gap-2', className)}>
      {logoUrl ? (
        <img src={logoUrl} alt="" className="h-8 w-auto" />
      ) : (
        <svg viewBox="0 0 32 32" className="size-8 shrink-0" aria-hidden="true" focusable="false">
          <rect width="32" height="32" rx="8" className="fill-primary" />
          <path
            d="M9 22.5 16 8l7 14.5M11.6 17.5h8.8"
            fill="none"
            className="stroke-on-primary"
            strokeWidth="3"
            strokeLinecap="round"
            strokeLinejoin="round"
          />
        </svg>
      )}
      <span className="text-xl font-bold tracking-tight text-gray-900">{name}</span>
    </span>
  );
}
