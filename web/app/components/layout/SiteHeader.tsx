import { type FormEvent, useEffect, useRef } from 'react';
import { Form, Link, useLocation, useNavigate, useNavigation, useSearchParams } from 'react-router';
import { headerLinks } from '../../lib/site-links.ts';
import { CartIcon, SearchIcon, UserIcon } from '../icons.tsx';
import { Logo } from './Logo.tsx';

export interface SiteHeaderProps {
  name: string;
  logoUrl: string | null;
  /** Units in the visitor's cart (0 when there is none). */
  cartCount?: number;
  /** A customer session cookie is present: "Account" instead of "Sign in". */
  signedIn?: boolean;
}

/** How long typing pauses before the results follow it. */
const SEARCH_DELAY_MS = 150;

export function SiteHeader({ name, logoUrl, cartCount = 0, signedIn = false }: SiteHeaderProps) {
  const [params] = useSearchParams();
  const location = useLocation();
  const navigate = useNavigate();
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  // Search as you type (with JavaScript): the results page follows the box, one history entry per search.
  const onSearchInput = (event: FormEvent<HTMLInputElement>) => {
    const q = event.currentTarget.value.trim();
    const onSearchPage = location.pathname === '/search';
    clearTimeout(timer.current);
    if (q.length < 2 && !onSearchPage) return;
    timer.current = setTimeout(() => {
      navigate(q ? `/search?${new URLSearchParams({ q })}` : '/search', {
        replace: onSearchPage,
        preventScrollReset: true,
      });
    }, SEARCH_DELAY_MS);
  };
  const here = location.pathname + location.search;
  const navigation = useNavigation();

  // Enter after typing asks for the page the typing already asked for. Submitting it again would interrupt that
  // navigation, and React Router's single fetch reports the interrupted request as an uncaught AbortError
  // (remix-run/react-router#14203); a slow answer then shows as a console error. So the same search is left to finish.
  const onSearchSubmit = (event: FormEvent<HTMLFormElement>) => {
    clearTimeout(timer.current);
    const q = new FormData(event.currentTarget).get('q');
    const target = `/search?${new URLSearchParams({ q: typeof q === 'string' ? q.trim() : '' })}`;
    const pending = navigation.location ? navigation.location.pathname + navigation.location.search : null;
    if (pending === target || (!pending && here === target)) event.preventDefault();
  };

  return (
    <header className="border-b border-line bg-surface">
      <div className="mx-auto grid max-w-6xl grid-cols-[1fr_auto] items-center gap-x-4 gap-y-3 px-4 py-3 sm:grid-cols-[auto_1fr_auto] sm:py-4">
        <Link to="/" className="col-start-1 row-start-1 justify-self-start rounded-md no-underline">
          <Logo name={name} logoUrl={logoUrl} />
          <span className="sr-only">, home</span>
        </Link>
        <Form
          method="get"
          action="/search"
          role="search"
          onSubmit={onSearchSubmit}
          className="col-span-2 col-start-1 row-start-2 flex sm:col-span-1 sm:col-start-2 sm:row-start-1 sm:mx-auto sm:w-full sm:max-w-md"
        >
          <label htmlFor="site-search" className="sr-only">
            Search products
          </label>
          <input
            id="site-search"
            type="search"
            name="q"
            defaultValue={params.get('q') ?? ''}
            placeholder="Search products"
            autoComplete="off"
            onInput={onSearchInput}
            className="min-h-11 w-full min-w-0 rounded-l-lg border border-r-0 border-gray-400 bg-surface px-3 text-base placeholder:text-gray-600"
          />
          <button
            type="submit"
            className="flex min-h-11 items-center gap-2 rounded-r-lg bg-primary px-4 font-semibold text-on-primary hover:bg-primary-hover"
          >
            <SearchIcon className="size-5" />
            <span className="sr-only sm:not-sr-only">Search</span>
          </button>
        </Form>
        <div className="col-start-2 row-start-1 flex items-center gap-1 justify-self-end sm:col-start-3">
          <Link
            to={signedIn ? '/account' : '/account/sign-in'}
            className="flex min-h-11 items-center gap-2 rounded-lg px-3 font-semibold text-gray-900 no-underline hover:bg-gray-100"
          >
            <UserIcon className="size-6" />
            {/* On a phone the icon stands alone (the shop's name keeps its line); the words stay for screen readers. */}
            <span className="sr-only sm:not-sr-only">{signedIn ? 'Account' : 'Sign in'}</span>
          </Link>
          <Link
            to="/cart"
            className="flex min-h-11 items-center gap-2 rounded-lg px-3 font-semibold text-gray-900 no-underline hover:bg-gray-100"
          >
            <span className="relative">
              <CartIcon className="size-6" />
              {cartCount > 0 ? (
                <span
                  aria-hidden="true"
                  className="absolute -top-2 -right-2.5 flex h-5 min-w-5 items-center justify-center rounded-full bg-primary px-1 text-xs font-bold text-on-primary"
                >
                  {cartCount > 99 ? '99+' : cartCount}
                </span>
              ) : null}
            </span>
            <span>Cart</span>
            <span className="sr-only">
              {cartCount === 0 ? ', empty' : `, ${cartCount} ${cartCount === 1 ? 'item' : 'items'}`}
            </span>
          </Link>
        </div>
      </div>
      <nav aria-label="Shop" className="mx-auto max-w-6xl px-4">
        <ul className="-mb-px flex gap-1 overflow-x-auto text-sm font-semibold">
          {[{ label: 'All products', to: '/products' }, ...headerLinks].map((l) => {
            const current = here === l.to;
            return (
              <li key={l.to} className="shrink-0">
                <Link
                  to={l.to}
                  aria-current={current ? 'page' : undefined}
                  className={`flex min-h-11 items-center border-b-2 px-3 no-underline ${
                    current
                      ? 'border-primary text-gray-900'
                      : 'border-transparent text-muted hover:border-gray-300 hover:text-gray-900'
                  }`}
                >
                  {l.label}
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>
    </header>
  );
}
