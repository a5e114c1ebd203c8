import { type ReactNode, useEffect, useState } from 'react';
import { cx } from './cx.ts';

export type NoticeTone = 'info' | 'success' | 'warning' | 'danger';

const tones: Record<NoticeTone, string> = {
  info: 'border-sky-300 bg-sky-50 text-sky-950',
  success: 'border-green-300 bg-green-50 text-green-950',
  warning: 'border-amber-300 bg-amber-50 text-amber-950',
  danger: 'border-red-300 bg-red-50 text-red-950',
};

const icons: Record<NoticeTone, string> = { info: 'i', success: '✓', warning: '!', danger: '!' };

export interface NoticeProps {
  tone?: NoticeTone;
  title?: ReactNode;
  className?: string;
  children?: ReactNode;
}

/** A message in the page flow. Danger notices are announced at once (role=alert), others politely. */
export function Notice({ tone = 'info', title, className, children }: NoticeProps) {
  return (
    <div
      role={tone === 'danger' ? 'alert' : 'status'}
      className={cx('flex gap-3 rounded-lg border p-4', tones[tone], className)}
    >
      <span
        aria-hidden="true"
        className="flex size-6 shrink-0 items-center justify-center rounded-full border border-current text-sm font-bold"
      >
        {icons[tone]}
      </span>
      <div className="min-w-0 space-y-1">
        {title ? <p className="font-semibold">{title}</p> : null}
        {children ? <div className="text-sm">{children}</div> : null}
      </div>
    </div>
  );
}

export interface ToastProps extends NoticeProps {
  /** Hides the toast after this many milliseconds; omit to keep it until dismissed. */
  autoHideMs?: number;
  onDismiss?: () => void;
}

/**
 * A short confirmation pinned to the bottom of the screen ("Added to your cart"). It renders on the server
 * too, so a confirmation after a form post without JavaScript is still shown.
 */
export function Toast({ autoHideMs, onDismiss, className, ...notice }: ToastProps) {
  const [open, setOpen] = useState(true);
  useEffect(() => {
    if (!autoHideMs) return;
    const timer = setTimeout(() => {
      setOpen(false);
      onDismiss?.();
    }, autoHideMs);
    return () => clearTimeout(timer);
  }, [autoHideMs, onDismiss]);
  if (!open) return null;
  return (
    <div
      className={cx(
        'fixed inset-x-4 bottom-4 z-50 mx-auto max-w-md shadow-lg sm:inset-x-auto sm:right-4',
        className,
      )}
    >
      <div className="relative">
        <Notice {...notice} className="pr-12" />
        <button
          type="button"
          onClick={() => {
            setOpen(false);
            onDismiss?.();
          }}
          className="absolute top-2 right-2 flex size-8 items-center justify-center rounded-md text-lg hover:bg-black/5"
        >
          <span aria-hidden="true">×</span>
          <span className="sr-only">Dismiss</span>
        </button>
      </div>
    </div>
  );
}
