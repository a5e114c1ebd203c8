/**
 * What every account page's action shares (review of issue 12): a refused form comes back with what was
 * typed, a message per field and one for the whole form; a service's refusal lands at the field it names; an
 * emailed link's page reads its token from the address and uses it only when its button posts it.
 */
import { data } from 'react-router';
import { type AccountProblem, accountProblem, textField } from './account.server.ts';
import { readForm } from './form.server.ts';

/**
 * `refuse(status, answer)` for a page whose refusals have the shape `R`: the parts listed in `defaults`
 * (no errors, no form error…) may be left out. The status is the HTTP status of the page's answer.
 */
export function refusalOf<R extends object, K extends keyof R>(defaults: Pick<R, K>) {
  return (status: number, answer: Omit<R, K> & Partial<Pick<R, K>>) =>
    data<R>({ ...defaults, ...answer } as R, { status });
}

/** True when a form's own checks found a mistake. */
export function hasErrors(errors: object): boolean {
  return Object.keys(errors).length > 0;
}

/** A service's refusal as a form shows it: at one of its fields, or above the form. */
export interface PlacedProblem<F extends string> {
  status: number;
  errors: Partial<Record<F, string>>;
  formError: string | null;
  problem: AccountProblem;
}

/**
 * Places the error a service threw: at the form field `fields` maps its `field` to (an API field name →
 * the form's, e.g. `{ email: 'newEmail' }`), or at the field `codes` maps its code to (a wrong password is
 * `unauthenticated`), else above the form. Anything but an expected refusal is rethrown (the error page).
 */
export function placeProblem<F extends string>(
  error: unknown,
  fields: Partial<Record<string, F>>,
  codes: Partial<Record<string, F>> = {},
): PlacedProblem<F> {
  const problem = accountProblem(error);
  const field = (problem.field ? fields[problem.field] : undefined) ?? codes[problem.code];
  return field
    ? {
        status: problem.status,
        errors: { [field]: problem.message } as Partial<Record<F, string>>,
        formError: null,
        problem,
      }
    : { status: problem.status, errors: {}, formError: problem.message, problem };
}

/** An emailed link whose token no longer works: the words of the service (expired, used, replaced). */
export interface LinkRefusal {
  linkError: string;
}

/**
 * The loader of an emailed link's page: its token, from the address. Opening the page changes nothing (mail
 * scanners open links before people do); a link without a token is the 404 page.
 */
export function linkToken(request: Request): string {
  const token = new URL(request.url).searchParams.get('token') ?? '';
  if (!token || token.length > 200) throw data(null, { status: 404, statusText: 'Not Found' });
  return token;
}

/**
 * The action of an emailed link's page: reads the posted form and hands its token to `use`, which does the
 * work and answers (a redirect, or its own refusal of a field). A refusal `use` lets through (the link is
 * expired, used or replaced) is answered as a `LinkRefusal` with its status.
 */
export async function followLink<R>(
  request: Request,
  use: (token: string, form: FormData) => Promise<R>,
): Promise<R | ReturnType<typeof data<LinkRefusal>>> {
  const form = await readForm(request);
  try {
    return await use(textField(form, 'token', 200), form);
  } catch (error) {
    const problem = accountProblem(error);
    return data<LinkRefusal>({ linkError: problem.message }, { status: problem.status });
  }
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a posted id (a session, an address) can be one at all, before any database read. */
export function isUuid(value: string): boolean {
  return uuid.test(value);
}
