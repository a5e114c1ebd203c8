/**
 * "Add a passkey": a name and the account's password, then the browser's passkey prompt. Rendered only where
 * the browser has WebAuthn and scripts run (no dead control without them); a refusal is shown at its field
 * with what was typed kept. Used by the storefront's security page and the back office's account page.
 */
import { type FormEvent, useEffect, useState } from 'react';
import { addPasskey, type PasskeyApi, PasskeyProblem, passkeysSupported } from '../../lib/passkeys.client.ts';
import { Button } from '../ui/Button.tsx';
import { Input } from '../ui/Input.tsx';
import { Notice } from '../ui/Notice.tsx';

interface Errors {
  name?: string;
  password?: string;
  form?: string;
}

export function AddPasskeyForm({
  api,
  username,
  onAdded,
  className,
}: {
  api: PasskeyApi;
  className?: string;
  /** The account's email, for password managers. */
  username: string;
  onAdded: () => void;
}) {
  const [supported, setSupported] = useState(false);
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  useEffect(() => setSupported(passkeysSupported()), []);
  if (!supported) return null;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found: Errors = {};
    if (!name.trim()) found.name = 'Give the passkey a name, such as the device it is on';
    if (!password) found.password = 'Enter your password';
    setErrors(found);
    if (found.name || found.password) return;
    setBusy(true);
    try {
      await addPasskey(api, name.trim(), password);
      setName('');
      setPassword('');
      onAdded();
    } catch (error) {
      const problem = error instanceof PasskeyProblem ? error : new PasskeyProblem(String(error));
      if (problem.field === 'password' || problem.field === 'name')
        setErrors({ [problem.field]: problem.message });
      else setErrors({ form: problem.message });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      onSubmit={submit}
      noValidate
      aria-labelledby="add-passkey-title"
      className={`space-y-4 ${className ?? ''}`}
      data-add-passkey=""
    >
      <h3 id="add-passkey-title" className="font-semibold text-gray-900">
        Add a passkey
      </h3>
      <p className="text-sm text-muted">
        Your phone or computer keeps the passkey and unlocks it with your fingerprint, face or screen lock.
      </p>
      {errors.form ? <Notice tone="danger">{errors.form}</Notice> : null}
      <input type="text" name="username" autoComplete="username webauthn" value={username} readOnly hidden />
      <Input
        label="Name of the passkey"
        id={`${api === '/api/staff' ? 'staff' : 'account'}-passkey-name`}
        name="passkeyName"
        hint="So you can tell your passkeys apart, e.g. “Work laptop”"
        maxLength={60}
        required
        value={name}
        onChange={(e) => setName(e.target.value)}
        error={errors.name}
      />
      <Input
        label="Your password"
        id={`${api === '/api/staff' ? 'staff' : 'account'}-passkey-password`}
        name="passkeyPassword"
        type="password"
        autoComplete="current-password"
        required
        maxLength={256}
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        error={errors.password}
      />
      <Button type="submit" busy={busy}>
        Add a passkey
      </Button>
    </form>
  );
}
