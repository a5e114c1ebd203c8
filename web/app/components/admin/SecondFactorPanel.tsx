/**
 * Two-factor sign-in for the signed-in member (issue 12 point 3): whether it is on, or the enrolment in three
 * steps on one panel: the secret as a QR code (drawn by the server) and as text for typing in, the first code to
 * prove the app has it, then the 10 recovery codes shown this once. The server decides everything; a wrong code
 * is shown at the code field with what was typed kept. `onDone` runs after the member has seen the recovery
 * codes (the enrolment gate lets an owner into the back office only then).
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useState } from 'react';
import {
  confirmEnrolment,
  getSecondFactor,
  isApiError,
  keys,
  regenerateRecoveryCodes,
  type Staff,
  startEnrolment,
} from '../../lib/admin-api.ts';
import { Button } from '../ui/Button.tsx';
import { Input } from '../ui/Input.tsx';
import { Notice } from '../ui/Notice.tsx';
import { formatDateTime } from './format.ts';
import { errorMessage, LoadError, Loading, Panel } from './QueryState.tsx';

/** The secret in groups of four, as authenticator apps show it when typed by hand. */
function grouped(secret: string): string {
  return secret.replace(/(.{4})/g, '$1 ').trim();
}

export function SecondFactorPanel({ onDone }: { onDone?: () => void }) {
  const client = useQueryClient();
  const status = useQuery({ queryKey: keys.secondFactor, queryFn: getSecondFactor });
  const [code, setCode] = useState('');
  const [codeError, setCodeError] = useState<string | null>(null);
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const start = useMutation({ mutationFn: startEnrolment });
  const confirm = useMutation({
    mutationFn: (typed: string) => confirmEnrolment(typed),
    onSuccess: ({ recoveryCodes: codes }) => {
      setRecoveryCodes(codes);
      setCode('');
    },
    onError: (error) => {
      if (isApiError(error) && error.field === 'code') setCodeError(error.fieldMessage);
      else setCodeError(errorMessage(error));
    },
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const typed = code.replace(/\s+/g, '');
    if (!/^\d{6}$/.test(typed)) {
      setCodeError('Enter the 6 digits your authenticator app shows');
      return;
    }
    setCodeError(null);
    confirm.mutate(typed);
  }

  function finish() {
    setRecoveryCodes(null);
    start.reset();
    client.setQueryData<Staff | null>(keys.session, (staff) =>
      staff ? { ...staff, secondFactor: true, enrolmentRequired: false } : staff,
    );
    void client.invalidateQueries({ queryKey: keys.secondFactor });
    onDone?.();
  }

  let body: ReactNode;
  if (recoveryCodes) {
    body = (
      <div className="grid gap-4" data-recovery-codes="">
        <Notice tone="success" title="Two-factor sign-in is on">
          From now on you sign in with your password and a code from the app.
        </Notice>
        <p>
          These recovery codes each sign you in once if you lose your phone. They are shown only now: print
          them or keep them in your password manager.
        </p>
        <RecoveryCodeList codes={recoveryCodes} />
        <div>
          <Button type="button" onClick={finish}>
            I have kept my recovery codes
          </Button>
        </div>
      </div>
    );
  } else if (status.isPending) {
    body = <Loading label="Checking two-factor sign-in" />;
  } else if (status.isError) {
    body = <LoadError error={status.error} what="your two-factor sign-in" onRetry={() => status.refetch()} />;
  } else if (status.data.enrolled) {
    body = (
      <div className="grid gap-4">
        <p>
          On since {status.data.enrolledAt ? formatDateTime(status.data.enrolledAt) : 'enrolment'}. You have{' '}
          {status.data.recoveryCodesLeft} unused recovery{' '}
          {status.data.recoveryCodesLeft === 1 ? 'code' : 'codes'}. Lost your phone? The shop owner can reset
          it, then you set it up again.
        </p>
        <NewRecoveryCodes />
      </div>
    );
  } else if (start.data) {
    const shown = start.data;
    body = (
      <form onSubmit={submit} noValidate className="grid gap-4">
        <p>
          Scan this QR code with an authenticator app (such as your password manager’s), or type the key in.
        </p>
        <img
          src={shown.qrCode}
          alt="QR code holding your authenticator key"
          width={200}
          height={200}
          className="rounded border border-line bg-white"
        />
        <p>
          Key:{' '}
          <code data-totp-secret={shown.secret} className="font-mono text-base">
            {grouped(shown.secret)}
          </code>
        </p>
        <Input
          id="second-factor-code"
          name="code"
          label="Code from the app"
          hint="6 digits; a new one every 30 seconds"
          inputMode="numeric"
          autoComplete="one-time-code"
          required
          value={code}
          onChange={(e) => {
            setCode(e.target.value);
            if (codeError) setCodeError(null);
          }}
          error={codeError}
        />
        <div>
          <Button type="submit" busy={confirm.isPending}>
            Turn on two-factor sign-in
          </Button>
        </div>
      </form>
    );
  } else {
    body = (
      <div className="grid gap-3">
        <p>
          {status.data.required
            ? 'As the owner you sign in with your password and a code from an authenticator app on your phone.'
            : 'Sign in with your password and a code from an authenticator app on your phone: a stolen password alone then opens nothing.'}
        </p>
        {start.isError ? <Notice tone="danger">{errorMessage(start.error)}</Notice> : null}
        <div>
          <Button type="button" busy={start.isPending} onClick={() => start.mutate()}>
            Set up an authenticator app
          </Button>
        </div>
      </div>
    );
  }

  return <Panel title="Two-factor sign-in">{body}</Panel>;
}

function RecoveryCodeList({ codes }: { codes: readonly string[] }) {
  return (
    <ul className="grid grid-cols-2 gap-2 font-mono text-base sm:max-w-sm">
      {codes.map((c) => (
        <li key={c} className="rounded bg-gray-100 px-2 py-1">
          {c}
        </li>
      ))}
    </ul>
  );
}

/**
 * New recovery codes (issue 12): used up, lost, or seen by someone else. The current authenticator code is
 * asked for; the old codes stop working and the new ones are shown this once.
 */
function NewRecoveryCodes() {
  const client = useQueryClient();
  const [code, setCode] = useState('');
  const [codeError, setCodeError] = useState<string | null>(null);
  const renew = useMutation({
    mutationFn: (typed: string) => regenerateRecoveryCodes(typed),
    onSuccess: () => setCode(''),
    onError: (error) => {
      if (isApiError(error) && error.field === 'code') setCodeError(error.fieldMessage);
      else setCodeError(errorMessage(error));
    },
  });

  if (renew.data) {
    return (
      <div className="grid gap-4" data-new-recovery-codes="">
        <Notice tone="success" title="New recovery codes">
          Your old recovery codes no longer work. These are shown only now: print them or keep them in your
          password manager.
        </Notice>
        <RecoveryCodeList codes={renew.data.recoveryCodes} />
        <div>
          <Button
            type="button"
            onClick={() => {
              renew.reset();
              void client.invalidateQueries({ queryKey: keys.secondFactor });
            }}
          >
            I have kept my recovery codes
          </Button>
        </div>
      </div>
    );
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const typed = code.replace(/\s+/g, '');
    if (!/^\d{6}$/.test(typed)) {
      setCodeError('Enter the 6 digits your authenticator app shows');
      return;
    }
    setCodeError(null);
    renew.mutate(typed);
  }

  return (
    <form onSubmit={submit} noValidate className="grid gap-3 border-t border-line pt-4">
      <p className="font-semibold text-gray-900">New recovery codes</p>
      <p className="text-sm text-muted">
        Used most of them, or think someone saw them? Make 10 new ones: the old ones stop working.
      </p>
      <Input
        id="recovery-renew-code"
        name="code"
        label="Code from your authenticator app"
        hint="The 6 digits the app shows now"
        inputMode="numeric"
        autoComplete="one-time-code"
        required
        value={code}
        onChange={(e) => {
          setCode(e.target.value);
          if (codeError) setCodeError(null);
        }}
        error={codeError}
      />
      <div>
        <Button type="submit" variant="secondary" busy={renew.isPending}>
          Make new recovery codes
        </Button>
      </div>
    </form>
  );
}
