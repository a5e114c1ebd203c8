/**
 * /admin: the back office. The server sends the document (with the nonce CSP) and this frame; the pages
 * below fetch their data in the browser through TanStack Query against /api/admin. Every page but the
 * sign-in page needs a staff session: without one (GET /api/staff/session answers 401, or any request does
 * later) the person is sent to /admin/sign-in and brought back afterwards. An owner without an authenticator
 * enrols first, and every member accepts the confidentiality agreement (PV-STF-3), before any page shows.
 */
import {
  MutationCache,
  QueryCache,
  QueryClient,
  QueryClientProvider,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { type ReactNode, useEffect, useState } from 'react';
import {
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  Outlet,
  useLoaderData,
  useLocation,
  useNavigate,
} from 'react-router';
import { AdminShell } from '../../components/admin/AdminShell.tsx';
import { AgreementGate } from '../../components/admin/AgreementGate.tsx';
import { adminMeta } from '../../components/admin/meta.ts';
import { PasskeysPanel } from '../../components/admin/PasskeysPanel.tsx';
import { errorMessage, LoadError, Loading } from '../../components/admin/QueryState.tsx';
import { SecondFactorPanel } from '../../components/admin/SecondFactorPanel.tsx';
import { SIGN_IN_PATH } from '../../components/admin/session.ts';
import { Notice } from '../../components/ui/Notice.tsx';
import { getSession, isApiError, keys, signOut } from '../../lib/admin-api.ts';
import { mayOpenPage, pageRoles } from '../../lib/admin-pages.ts';
import { staffOfRequest } from '../../lib/staff.server.ts';

/** Lets the document (root.tsx) leave out the storefront's header and footer around the back office. */
export const handle = { chrome: 'back-office' };

export const meta: MetaFunction = ({ matches }) => adminMeta(matches, null);

/**
 * PV-STF-3: a back-office page asked for by a member who has not accepted the confidentiality agreement answers
 * 403, as the API does, and says why before the scripts run; the page then shows the agreement. The sign-in page,
 * and an owner who must first set up an authenticator, are left to the page.
 * PV-STF-1: a signed-in member whose role may not open the page (web/app/lib/admin-pages.ts) gets a 403 and the
 * reason, not a page whose every request fails. Without a staff session the page loads as before and its script
 * sends the person to the sign-in page.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const path = new URL(request.url).pathname.replace(/\.data$/, '').replace(/\/+$/, '');
  if (path.toLowerCase() === SIGN_IN_PATH) return { agreementRequired: false, forbidden: false };
  const staff = await staffOfRequest(context, request);
  if (staff?.agreementRequired && !staff.enrolmentRequired) {
    return data({ agreementRequired: true, forbidden: false }, { status: 403 });
  }
  if (staff && !staff.enrolmentRequired && !mayOpenPage(path, staff.role)) {
    return data({ agreementRequired: false, forbidden: true }, { status: 403 });
  }
  return { agreementRequired: false, forbidden: false };
}

function makeQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 15_000,
        // A 4xx will not change by asking again; a dropped connection or a 5xx may.
        retry: (count, error) =>
          !(isApiError(error) && error.status >= 400 && error.status < 500) && count < 2,
      },
    },
    // A session that ended (expired, revoked) while the page was open: back to the sign-in page.
    queryCache: new QueryCache({ onError: (error) => signedOutIf401(error) }),
    mutationCache: new MutationCache({ onError: (error) => signedOutIf401(error) }),
  });
  function signedOutIf401(error: unknown) {
    if (isApiError(error, 401) && client.getQueryData(keys.session)) client.setQueryData(keys.session, null);
  }
  return client;
}

export default function AdminLayout() {
  const [client] = useState(makeQueryClient);
  return (
    <QueryClientProvider client={client}>
      <AdminGate />
    </QueryClientProvider>
  );
}

function AdminGate() {
  const location = useLocation();
  const navigate = useNavigate();
  const client = useQueryClient();
  const onSignInPage = location.pathname === SIGN_IN_PATH || location.pathname === `${SIGN_IN_PATH}/`;
  const session = useQuery({ queryKey: keys.session, queryFn: getSession, staleTime: 5 * 60_000 });
  const { agreementRequired, forbidden } = useLoaderData<typeof loader>();
  const [signingOut, setSigningOut] = useState(false);
  const [signOutError, setSignOutError] = useState<unknown>(null);

  useEffect(() => {
    if (onSignInPage || session.data !== null) return;
    const next = location.pathname + location.search;
    navigate(`${SIGN_IN_PATH}?next=${encodeURIComponent(next)}`, { replace: true });
  }, [onSignInPage, session.data, location.pathname, location.search, navigate]);

  if (onSignInPage) return <Outlet />;

  async function onSignOut() {
    setSigningOut(true);
    setSignOutError(null);
    try {
      await signOut();
    } catch (error) {
      // 401: the session had already ended, which is what signing out wants.
      if (!isApiError(error, 401)) {
        setSignOutError(error);
        setSigningOut(false);
        return;
      }
    }
    await navigate(SIGN_IN_PATH, { replace: true });
    // Nothing of this session stays in memory for the next person at this screen.
    client.removeQueries();
    client.setQueryData(keys.session, null);
  }

  let content: ReactNode;
  if (session.isPending && forbidden) content = <NotForYourRole pathname={location.pathname} />;
  else if (session.isPending && agreementRequired) {
    content = (
      <Notice tone="warning" title="Read and accept the confidentiality agreement first">
        The back office opens once you have accepted it (PV-STF-3).
      </Notice>
    );
  } else if (session.isPending) content = <Loading label="Checking your session" />;
  else if (session.isError)
    content = <LoadError error={session.error} what="your session" onRetry={() => session.refetch()} />;
  else if (!session.data) content = <Loading label="Going to the sign-in page" />;
  // The server answers nothing else to an owner without a second factor: enrolment comes first, on any page.
  else if (session.data.enrolmentRequired) content = <EnrolFirst email={session.data.email} />;
  // PV-STF-3: and nothing before the confidentiality agreement is accepted.
  else if (session.data.agreementRequired) content = <AgreementGate />;
  // PV-STF-1: the loader answered 403 on the first request; a later navigation in the browser decides here.
  else if (!mayOpenPage(location.pathname, session.data.role))
    content = <NotForYourRole pathname={location.pathname} />;
  else content = <Outlet />;

  return (
    <AdminShell staff={session.data ?? null} onSignOut={onSignOut} signingOut={signingOut}>
      {signOutError ? (
        <Notice tone="danger" title="Signing out failed" className="mb-4">
          {errorMessage(signOutError)}
        </Notice>
      ) : null}
      {content}
    </AdminShell>
  );
}

/** Who a page is for, in words: "the shop’s owner", "customer service and the owner". */
function pageAudience(pathname: string): string {
  const roles = pageRoles(pathname);
  if (roles === 'public') return 'everyone';
  if (roles.length === 1 && roles[0] === 'owner') return 'the shop’s owner';
  const names = { owner: 'the owner', customer_service: 'customer service', technician: 'the workshop' };
  const others = roles.filter((r) => r !== 'owner').map((r) => names[r]);
  return roles.includes('owner') ? `${others.join(', ')} and the owner` : others.join(' and ');
}

/** PV-STF-1: a page the member's role does not use; the same words on the server's 403 and in the browser. */
function NotForYourRole({ pathname }: { pathname: string }) {
  return (
    <div data-not-for-role="" className="flex max-w-2xl flex-col gap-4">
      <h1 className="text-2xl font-bold tracking-tight text-gray-900">Not part of your role</h1>
      <Notice tone="warning" title={`This page is for ${pageAudience(pathname)}`}>
        Your role does not use this page, so the back office does not open it for you (PV-STF-1). The
        navigation shows the pages you work with; ask the owner if you need what this page shows.
      </Notice>
    </div>
  );
}

function EnrolFirst({ email }: { email: string }) {
  return (
    <div data-enrol-first="" className="flex max-w-2xl flex-col gap-4">
      <h1 className="text-2xl font-bold tracking-tight text-gray-900">Set up two-factor sign-in</h1>
      <Notice tone="warning" title="One step before the back office">
        The owner’s account can refund money and read every order, so it signs in with a second factor: a code
        from an authenticator app after the password, or a passkey. Set one up now; the back office opens
        right after.
      </Notice>
      <SecondFactorPanel />
      <PasskeysPanel email={email} />
    </div>
  );
}
