import { type ReactNode, useId } from 'react';
import { cx } from './cx.ts';

/** What a form control needs to be tied to its label, hint and error message. */
export interface ControlProps {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: true;
  required?: boolean;
}

export interface FieldProps {
  label: ReactNode;
  /** Help shown under the label, read with the control. */
  hint?: ReactNode;
  /** The validation message; marks the control invalid and is announced with it. */
  error?: string | null;
  required?: boolean;
  /** Keeps the label for screen readers only (e.g. a search box with a visible button). */
  labelHidden?: boolean;
  id?: string;
  className?: string;
  children: (control: ControlProps) => ReactNode;
}

export function Field({ label, hint, error, required, labelHidden, id, className, children }: FieldProps) {
  const generated = useId();
  const controlId = id ?? generated;
  const hintId = hint ? `${controlId}-hint` : undefined;
  const errorId = error ? `${controlId}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  const control: ControlProps = { id: controlId };
  if (describedBy) control['aria-describedby'] = describedBy;
  if (error) control['aria-invalid'] = true;
  if (required) control.required = true;

  return (
    <div className={cx('flex flex-col gap-1', className)}>
      <label htmlFor={controlId} className={cx('font-medium text-gray-900', labelHidden && 'sr-only')}>
        {label}
        {required ? (
          <span className="text-muted">
            {' '}
            <span aria-hidden="true">*</span>
            <span className="sr-only">(required)</span>
          </span>
        ) : null}
      </label>
      {hint ? (
        <p id={hintId} className="text-sm text-muted">
          {hint}
        </p>
      ) : null}
      {children(control)}
      {error ? (
        <p id={errorId} className="flex items-start gap-1 text-sm font-medium text-red-700">
          <span aria-hidden="true">!</span>
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** Shared look of text inputs, selects and text areas. */
export function controlClasses(invalid: boolean): string {
  return cx(
    'min-h-11 w-full rounded-lg border bg-surface px-3 py-2 text-base text-gray-900 placeholder:text-gray-500',
    invalid ? 'border-red-700' : 'border-gray-400',
  );
}
