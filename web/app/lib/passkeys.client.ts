/**
 * Passkey ceremonies in the browser (issue 12 points 5 and 7), for the storefront's account pages and the back
 * office alike: the JSON API under `/api/account/passkeys` or `/api/staff/passkeys` hands out the options, the
 * browser's WebAuthn (through @simplewebauthn/browser, loaded on first use) makes the answer, the API checks it.
 * Only pages whose browser has `window.PublicKeyCredential` show these controls; without JavaScript the
 * password forms remain.
 */

/** `/api/account` (customers) or `/api/staff` (back office). */
export type PasskeyApi = '/api/account' | '/api/staff';

/** A refusal to show: the message, and the field it is about when the API named one. */
export class PasskeyProblem extends Error {
  constructor(
    message: string,
    readonly field: string | null = null,
    readonly status = 0,
  ) {
    super(message);
    this.name = 'PasskeyProblem';
  }
}

/** Whether this browser can make and use passkeys (decides whether the controls are shown at all). */
export function passkeysSupported(): boolean {
  return typeof window !== 'undefined' && typeof window.PublicKeyCredential === 'function';
}

async function post<T>(path: string, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: 'POST',
      credentials: 'same-origin',
      headers: {
        accept: 'application/json',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch {
    throw new PasskeyProblem('The shop could not be reached. Check the connection and try again.');
  }
  if (response.status === 204) return undefined as T;
  const payload = (await response.json().catch(() => null)) as {
    error?: { message?: string; field?: string };
  } | null;
  if (!response.ok) {
    const message =
      response.status === 429
        ? 'Too many attempts. Wait a minute, then try again.'
        : (payload?.error?.message ?? `The request failed (HTTP ${response.status})`);
    // The API prefixes a field's message with its path; the page shows it at the field.
    throw new PasskeyProblem(
      message.replace(/^[\w.]+: /, ''),
      payload?.error?.field ?? null,
      response.status,
    );
  }
  return payload as T;
}

/** What the browser says when the person cancels or the prompt times out, in words. */
function browserProblem(error: unknown, doing: string): PasskeyProblem {
  const name = error instanceof Error ? error.name : '';
  if (name === 'NotAllowedError' || name === 'AbortError') {
    return new PasskeyProblem(`${doing} was cancelled or timed out. Try again when you are ready.`);
  }
  if (name === 'InvalidStateError') {
    return new PasskeyProblem('This device already holds a passkey for your account.');
  }
  return new PasskeyProblem(
    `${doing} did not work on this device: ${error instanceof Error ? error.message : ''}`,
  );
}

/** Adds a passkey named `name` to the signed-in account after its `password`; returns the new passkey's id. */
export async function addPasskey(api: PasskeyApi, name: string, password: string): Promise<{ id: string }> {
  const { options } = await post<{ options: unknown }>(`${api}/passkeys/registration/options`, { password });
  const { startRegistration } = await import('@simplewebauthn/browser');
  let response: unknown;
  try {
    response = await startRegistration({
      optionsJSON: options as Parameters<typeof startRegistration>[0]['optionsJSON'],
    });
  } catch (error) {
    throw browserProblem(error, 'Creating the passkey');
  }
  const { passkey } = await post<{ passkey: { id: string } }>(`${api}/passkeys/registration`, {
    name,
    response,
  });
  return passkey;
}

/** Signs in with a passkey the browser offers; the API sets the session cookie. Returns the API's answer. */
export async function signInWithPasskey<T>(api: PasskeyApi): Promise<T> {
  const { options } = await post<{ options: unknown }>(`${api}/passkeys/sign-in/options`);
  const { startAuthentication } = await import('@simplewebauthn/browser');
  let response: unknown;
  try {
    response = await startAuthentication({
      optionsJSON: options as Parameters<typeof startAuthentication>[0]['optionsJSON'],
    });
  } catch (error) {
    throw browserProblem(error, 'Signing in with a passkey');
  }
  return post<T>(`${api}/passkeys/sign-in`, { response });
}

/** Removes one of the signed-in account's passkeys with its password (the back office; pages post a form). */
export function removePasskey(api: PasskeyApi, id: string, password: string): Promise<void> {
  return post(`${api}/passkeys/${encodeURIComponent(id)}/removal`, { password });
}

/** The signed-in account's passkeys (the back office; the account page reads them in its loader). */
export async function listPasskeys(
  api: PasskeyApi,
): Promise<Array<{ id: string; name: string; createdAt: string; lastUsedAt: string | null }>> {
  const response = await fetch(`${api}/passkeys`, {
    credentials: 'same-origin',
    headers: { accept: 'application/json' },
  });
  if (!response.ok) throw new PasskeyProblem(`Your passkeys could not be loaded (HTTP ${response.status})`);
  return (
    (await response.json()) as {
      passkeys: Array<{ id: string; name: string; createdAt: string; lastUsedAt: string | null }>;
    }
  ).passkeys;
}
