/**
 * A modal confirmation built on the native <dialog>: the browser traps focus, Escape closes it and focus
 * returns to the button that opened it. The form inside shows its progress and the API's answer (a 409, a
 * field error) where it happened, and stays open until the action succeeds.
 */
import { type FormEvent, type ReactNode, useEffect, useId, useRef } from 'react';
import { Button, type ButtonVariant } from '../ui/Button.tsx';
import { Notice } from '../ui/Notice.tsx';

export interface ConfirmDialogProps {
  open: boolean;
  title: string;
  description?: ReactNode;
  confirmLabel: string;
  confirmVariant?: ButtonVariant;
  busy?: boolean;
  /** The message of a failed attempt that belongs to no field. */
  error?: string | null;
  onConfirm: () => void;
  onClose: () => void;
  /** Form fields the action needs (carrier, reason…). */
  children?: ReactNode;
}

export function ConfirmDialog({
  open,
  title,
  description,
  confirmLabel,
  confirmVariant = 'primary',
  busy = false,
  error,
  onConfirm,
  onClose,
  children,
}: ConfirmDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descriptionId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!busy) onConfirm();
  }

  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      onCancel={(event) => {
        // Escape while the request is on its way would hide its outcome.
        event.preventDefault();
        if (!busy) onClose();
      }}
      className="m-auto w-[calc(100%-2rem)] max-w-lg rounded-xl border border-line bg-surface p-0 text-gray-900 shadow-xl backdrop:bg-gray-950/50"
    >
      {open ? (
        <form onSubmit={submit} className="flex flex-col gap-4 p-5 sm:p-6" noValidate>
          <h2 id={titleId} className="text-xl font-semibold">
            {title}
          </h2>
          {description ? (
            <div id={descriptionId} className="text-muted">
              {description}
            </div>
          ) : null}
          {children}
          {error ? <Notice tone="danger">{error}</Notice> : null}
          <div className="mt-2 flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
            <Button variant="secondary" onClick={onClose} disabled={busy}>
              Go back
            </Button>
            <Button type="submit" variant={confirmVariant} busy={busy}>
              {confirmLabel}
            </Button>
          </div>
        </form>
      ) : null}
    </dialog>
  );
}
