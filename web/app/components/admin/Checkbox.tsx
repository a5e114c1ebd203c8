import { type InputHTMLAttributes, type ReactNode, useId } from 'react';
import { cx } from '../ui/cx.ts';

export interface CheckboxProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'type'> {
  label: ReactNode;
  hint?: ReactNode;
}

/** A checkbox with its label beside it and an optional hint read with it. */
export function Checkbox({ label, hint, className, id, ...rest }: CheckboxProps) {
  const generated = useId();
  const controlId = id ?? generated;
  const hintId = hint ? `${controlId}-hint` : undefined;
  return (
    <div className={cx('flex items-start gap-3', className)}>
      <input
        {...rest}
        id={controlId}
        type="checkbox"
        aria-describedby={hintId}
        className="mt-0.5 size-5 shrink-0 rounded border-gray-400 accent-primary"
      />
      <div className="min-w-0">
        <label htmlFor={controlId} className="font-medium text-gray-900">
          {label}
        </label>
        {hint ? (
          <p id={hintId} className="text-sm text-muted">
            {hint}
          </p>
        ) : null}
      </div>
    </div>
  );
}
