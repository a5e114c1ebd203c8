/**
 * How the benchmarks sign the owner in to a server they started: the password, then (the owner must use an
 * authenticator) the enrolment on the first sign-in, or the code on later ones, through the real API. The
 * benchmark plays the owner's phone and keeps the secret per server.
 */
import { totpCodeAt } from '../src/accounts/second-factor/totp.rules.ts';

const secrets = new Map<string, { secret: string; lastCode: string }>();

async function post(url: string, path: string, body: unknown, cookie = ''): Promise<Response> {
  return fetch(`${url}${path}`, {
    method: 'POST',
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), cookie },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

/** A code the server has not seen yet: waits for the next 30-second step when the current one was used. */
async function freshCode(url: string): Promise<string> {
  const known = secrets.get(url);
  if (!known) throw new Error(`the owner at ${url} has an authenticator this benchmark did not enrol`);
  let code = totpCodeAt(known.secret, Date.now());
  while (code === known.lastCode) {
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    code = totpCodeAt(known.secret, Date.now());
  }
  known.lastCode = code;
  return code;
}

/**
 * Accepts the confidentiality agreement on `cookie`'s session when it has not been accepted in its current
 * version: the back office answers 403 until then (PV-STF-3).
 */
async function acceptAgreement(url: string, cookie: string): Promise<string> {
  const res = await fetch(`${url}/api/staff/agreement`, { headers: { cookie } });
  if (!res.ok) throw new Error(`agreement failed: ${res.status} ${await res.text()}`);
  const { version, acceptedVersion } = (await res.json()) as {
    version: number;
    acceptedVersion: number | null;
  };
  if (acceptedVersion !== version) {
    const accepted = await post(url, '/api/staff/agreement/acceptance', { version }, cookie);
    if (!accepted.ok)
      throw new Error(`agreement acceptance failed: ${accepted.status} ${await accepted.text()}`);
  }
  return cookie;
}

/** The owner's session cookie (`name=value`) at the server `url`, with the agreement accepted. */
export async function ownerSessionCookie(url: string, email: string, password: string): Promise<string> {
  const login = await post(url, '/api/staff/session', { email, password });
  if (!login.ok) throw new Error(`staff sign-in failed: ${login.status} ${await login.text()}`);
  const body = (await login.json()) as {
    secondStep?: { token: string };
    staff?: { enrolmentRequired: boolean };
  };
  if (body.secondStep) {
    const second = await post(url, '/api/staff/session/second-factor', {
      token: body.secondStep.token,
      code: await freshCode(url),
    });
    if (!second.ok) throw new Error(`second step failed: ${second.status} ${await second.text()}`);
    return acceptAgreement(url, (second.headers.getSetCookie()[0] ?? '').split(';')[0] as string);
  }
  const cookie = (login.headers.getSetCookie()[0] ?? '').split(';')[0] as string;
  if (body.staff?.enrolmentRequired) {
    const start = await post(url, '/api/staff/second-factor/enrolment', undefined, cookie);
    if (!start.ok) throw new Error(`enrolment failed: ${start.status} ${await start.text()}`);
    const { secret } = (await start.json()) as { secret: string };
    secrets.set(url, { secret, lastCode: '' });
    const confirm = await post(
      url,
      '/api/staff/second-factor/confirmation',
      { code: await freshCode(url) },
      cookie,
    );
    if (!confirm.ok)
      throw new Error(`enrolment confirmation failed: ${confirm.status} ${await confirm.text()}`);
  }
  return acceptAgreement(url, cookie);
}
