import type { InputHTMLAttributes, ReactNode, TextareaHTMLAttributes } from 'react';
import { cx } from './cx.ts';
import { controlClasses, Field } from './Field.tsx';

interface LabelledProps {
  label: ReactNode;
  hint?: ReactNode;
  error?: string | null;
  labelHidden?: boolean;
  /** Class of the wrapper (label, hint, control, error). */
  fieldClassName?: string;
}

export interface InputProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'children'>, LabelledProps {}

export function Input({
  label,
  hint,
  error,
  labelHidden,
  fieldClassName,
  className,
  id,
  required,
  ...rest
}: InputProps) {
  return (
    <Field {...{ label, hint, error, labelHidden, id, required }} className={fieldClassName}>
      {(control) => (
        <input {...rest} {...control} className={cx(controlClasses(Boolean(error)), className)} />
      )}
    </Field>
  );
}

export interface TextareaProps
  extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'children'>,
    LabelledProps {}

export function Textarea({
  label,
  hint,
  error,
  labelHidden,
  fieldClassName,
  className,
  id,
  required,
  rows = 4,
  ...rest
}: TextareaProps) {
  return (
    <Field {...{ label, hint, error, labelHidden, id, required }} className={fieldClassName}>
      {(control) => (
        <textarea
          rows={rows}
          {...rest}
          {...control}
          className={cx(controlClasses(Boolean(error)), className)}
        />
      )}
    </Field>
  );
}
