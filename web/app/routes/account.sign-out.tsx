import { type ActionFunctionArgs, type LoaderFunctionArgs, redirect } from 'react-router';
import { clearedSessionHeaders, customerOfRequest, signOutCustomer } from '../lib/account.server.ts';

/** Signing out is a form's POST (a link or a prefetch must not sign anyone out): a GET goes to the account. */
export function loader(_args: LoaderFunctionArgs) {
  return redirect('/account', 303);
}

/** Ends this session in the database (its cookie then opens nothing) and removes the cookie. */
export async function action({ request, context }: ActionFunctionArgs) {
  const customer = await customerOfRequest(context, request);
  if (customer) await signOutCustomer(context.ctx, customer.sessionId);
  return redirect('/account/sign-in?signed-out=1', { status: 303, headers: clearedSessionHeaders(context) });
}
