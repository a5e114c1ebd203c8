import { Form, Link, useSearchParams } from 'react-router';
import { CartIcon, SearchIcon } from '../icons.tsx';
import { Logo } from './Logo.tsx';

export interface SiteHeaderProps {
  name: string;
  logoUrl: string | null;
}

export function SiteHeader({ name, logoUrl }: SiteHeaderProps) {
  const [params] = useSearchParams();
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
        <Link
          to="/cart"
          className="col-start-2 row-start-1 flex min-h-11 items-center gap-2 justify-self-end rounded-lg px-3 font-semibold text-gray-900 no-underline hover:bg-gray-100 sm:col-start-3"
        >
          <CartIcon className="size-6" />
          <span>Cart</span>
        </Link>
      </div>
    </header>
  );
}
