import { type FormEvent, useEffect, useRef, useState } from 'react';
import { Input } from '../ui/Input.tsx';
import { PasswordMeter, type StrengthView } from './PasswordMeter.tsx';

export interface NewPasswordFieldProps {
  label?: string;
  name?: string;
  id?: string;
  error?: string | null;
  /** Minimum length in characters (the setting the server checks with). */
  minLength: number;
  /** The server's verdict on the last submission, shown before any typing (and without JavaScript). */
  strength: StrengthView | null;
  /**
   * Words the password must not lean on (the name and email typed in the same form), read when the meter
   * runs: zxcvbn counts a password built from them as easy to guess, as the server does.
   */
  personal?: () => string[];
}

type Rules = typeof import('../../../../src/accounts/customers/password.rules.ts');
let rules: Promise<Rules> | undefined;

/** How long typing pauses before the meter judges the password again, in milliseconds. */
const METER_DELAY_MS = 120;

/**
 * A new password with its strength meter. The meter follows the typing once scripts run; zxcvbn and its
 * dictionaries (about a megabyte) load on the first keystroke, in their own chunk, never with the page. The
 * password itself is never kept in a form's answer: after a refusal it is typed again.
 */
export function NewPasswordField({
  label = 'Password',
  name = 'password',
  id = 'field-password',
  error,
  minLength,
  strength,
  personal,
}: NewPasswordFieldProps) {
  // The meter's reading while typing, tied to the server answer it followed: a new answer replaces it.
  const [live, setLive] = useState<{ after: StrengthView | null; view: StrengthView | null } | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const latest = useRef(0);
  useEffect(() => () => clearTimeout(timer.current), []);

  function onInput(event: FormEvent<HTMLInputElement>) {
    const value = event.currentTarget.value;
    clearTimeout(timer.current);
    const mine = ++latest.current;
    timer.current = setTimeout(async () => {
      if (!value) {
        setLive({ after: strength, view: null });
        return;
      }
      rules ??= import('../../../../src/accounts/customers/password.rules.ts');
      const { passwordStrength } = await rules;
      if (mine === latest.current) {
        setLive({ after: strength, view: passwordStrength(value, personal?.() ?? []) });
      }
    }, METER_DELAY_MS);
  }

  const meterId = `${id}-meter`;
  return (
    <div className="space-y-2">
      <Input
        label={label}
        hint={`At least ${minLength} characters, one of them not a letter or digit (a space or a dash will do).`}
        id={id}
        name={name}
        type="password"
        autoComplete="new-password"
        required
        minLength={minLength}
        maxLength={256}
        error={error}
        onInput={onInput}
      />
      <PasswordMeter id={meterId} strength={live && live.after === strength ? live.view : strength} />
    </div>
  );
}
