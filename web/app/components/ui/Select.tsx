import type { ReactNode, SelectHTMLAttributes } from 'react';
import { cx } from './cx.ts';
import { controlClasses, Field } from './Field.tsx';

export interface SelectOption {
  value: string;
  label: string;
  disabled?: boolean;
}

export interface SelectProps extends SelectHTMLAttributes<HTMLSelectElement> {
  label: ReactNode;
  hint?: ReactNode;
  error?: string | null;
  labelHidden?: boolean;
  fieldClassName?: string;
  /** The choices; `children` may be used instead for option groups. */
  options?: SelectOption[];
  /** A first, empty choice such as "Choose a colour". */
  placeholder?: string;
}

export function Select({
  label,
  hint,
  error,
  labelHidden,
  fieldClassName,
  className,
  id,
  required,
  options,
  placeholder,
  children,
  ...rest
}: SelectProps) {
  return (
    <Field {...{ label, hint, error, labelHidden, id, required }} className={fieldClassName}>
      {(control) => (
        <select {...rest} {...control} className={cx(controlClasses(Boolean(error)), 'pr-8', className)}>
          {placeholder ? <option value="">{placeholder}</option> : null}
          {options?.map((o) => (
            <option key={o.value} value={o.value} disabled={o.disabled}>
              {o.label}
            </option>
          ))}
          {children}
        </select>
      )}
    </Field>
  );
}
