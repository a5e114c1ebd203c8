/**
 * "Use a passkey": shown only where the browser has WebAuthn and scripts run; the password form stays
 * the way in without them. `onSignedIn` gets the API's answer (the session cookie is already set).
 */
import { useEffect, useState } from 'react';
import {
  type PasskeyApi,
  PasskeyProblem,
  passkeysSupported,
  signInWithPasskey,
} from '../../lib/passkeys.client.ts';
import { Button } from '../ui/Button.tsx';
import { Notice } from '../ui/Notice.tsx';

export function PasskeySignInButton<T>({
  api,
  onSignedIn,
}: {
  api: PasskeyApi;
  onSignedIn: (answer: T) => void;
}) {
  const [supported, setSupported] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => setSupported(passkeysSupported()), []);
  if (!supported) return null;

  async function start() {
    setBusy(true);
    setProblem(null);
    try {
      onSignedIn(await signInWithPasskey<T>(api));
    } catch (error) {
      setProblem(error instanceof PasskeyProblem ? error.message : String(error));
      setBusy(false);
    }
  }

  return (
    <div className="space-y-3" data-passkey-sign-in="">
      <div className="flex items-center gap-3 text-sm text-muted" aria-hidden="true">
        <span className="h-px flex-1 bg-line" />
        or
        <span className="h-px flex-1 bg-line" />
      </div>
      {problem ? (
        <Notice tone="danger" title="You are not signed in">
          {problem}
        </Notice>
      ) : null}
      <Button type="button" variant="secondary" block busy={busy} onClick={start}>
        Use a passkey
      </Button>
    </div>
  );
}
